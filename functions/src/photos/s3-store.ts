/** Upload forms for the private S3 bucket: presigned POST (the S3 client; only the photos function bundles it). */
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { UploadForms } from './store';

export interface S3PhotoStoreConfig {
  bucket: string;
  region?: string;
  /** Tests pass a client with fixed credentials; Lambda's role supplies them otherwise. */
  client?: S3Client;
}

export function s3PhotoStore(config: S3PhotoStoreConfig): UploadForms {
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
  };
}
