/** The photo store on a private S3 bucket: presigned POST uploads and presigned GET reads. */
import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { PhotoStore } from './store';

export interface S3PhotoStoreConfig {
  bucket: string;
  region?: string;
  /** Tests pass a client with fixed credentials; Lambda's role supplies them otherwise. */
  client?: S3Client;
}

export function s3PhotoStore(config: S3PhotoStoreConfig): PhotoStore {
  const client = config.client ?? new S3Client({ region: config.region });
  const Bucket = config.bucket;
  return {
    async presignUpload({ key, contentType, maxBytes, expiresSeconds }) {
      // createPresignedPost adds the bucket, the exact key and the signature's own fields.
      const { url, fields } = await createPresignedPost(client, {
        Bucket,
        Key: key,
        Conditions: [
          ['eq', '$Content-Type', contentType],
          ['content-length-range', 1, maxBytes],
        ],
        Fields: { 'Content-Type': contentType },
        Expires: expiresSeconds,
      });
      return { url, fields };
    },
    async head(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: out.ContentLength ?? 0, contentType: out.ContentType };
      } catch (error) {
        if (error instanceof NotFound) return undefined;
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return undefined;
        throw error;
      }
    },
    async copy(fromKey, toKey) {
      await client.send(
        new CopyObjectCommand({ Bucket, Key: toKey, CopySource: `${Bucket}/${fromKey}`, MetadataDirective: 'COPY' }),
      );
    },
    async viewUrl(key, expiresSeconds) {
      return getSignedUrl(client, new GetObjectCommand({ Bucket, Key: key }), { expiresIn: expiresSeconds });
    },
  };
}
