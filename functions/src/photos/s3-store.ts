/**
 * Upload forms for the private S3 bucket: a presigned POST, built here instead of with the S3
 * client and @aws-sdk/s3-presigned-post. A POST form is a base64 policy signed with the SigV4
 * key of the day (platform/aws-signing.ts), so the photos function no longer bundles the S3
 * client (140 KB of its bundle, ~50 ms of its cold require). The fields, their order and the
 * policy are the ones createPresignedPost produces (tests/unit/photo-store.test.ts compares them).
 */
import {
  amzDate,
  credentialProvider,
  credentialScope,
  signWithScope,
  type AwsCredentials,
} from '../platform/aws-signing';
import { bucketHost } from './s3-files';
import type { UploadForms } from './store';

export interface S3PhotoStoreConfig {
  bucket: string;
  region: string;
  /** Tests pass fixed keys; Lambda's role supplies them otherwise. */
  credentials?: AwsCredentials;
}

/** ISO time without milliseconds, as S3 policies write their expiration. */
const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function s3PhotoStore(config: S3PhotoStoreConfig): UploadForms {
  const credentials = credentialProvider(config.credentials);
  const url = `https://${bucketHost(config.bucket, config.region)}/`;
  return {
    async presignUpload({ key, contentType, maxBytes, expiresSeconds }) {
      const now = new Date(Date.now());
      const identity = await credentials();
      // The bucket, the exact key and the signature's own fields are conditions of the policy too.
      const fields: Record<string, string> = {
        'Content-Type': contentType,
        bucket: config.bucket,
        'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
        'X-Amz-Credential': credentialScope(identity.accessKeyId, now, config.region, 's3'),
        'X-Amz-Date': amzDate(now),
        ...(identity.sessionToken ? { 'X-Amz-Security-Token': identity.sessionToken } : {}),
      };
      const conditions = [
        ['eq', '$Content-Type', contentType],
        ['content-length-range', 1, maxBytes],
        ...Object.entries(fields).map(([name, value]) => ({ [name]: value })),
        { key },
      ];
      const expiration = isoSeconds(new Date(now.valueOf() + expiresSeconds * 1000));
      const policy = Buffer.from(JSON.stringify({ expiration, conditions }), 'utf8').toString('base64');
      const signature = await signWithScope(policy, now, config.region, 's3', identity);
      return { url, fields: { ...fields, key, Policy: policy, 'X-Amz-Signature': signature } };
    },
  };
}
