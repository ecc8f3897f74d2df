/** The upload-form signer of this deployment: the S3 presigned POST, or the dev store's form. */
import { optionalEnv, requireEnv } from '../platform/env';
import { devPhotoStore } from './dev-store';
import { s3PhotoStore } from './s3-store';
import { photoStoreOverride, type UploadForms } from './store';

let configured: UploadForms | undefined;

export function uploadForms(): UploadForms {
  const override = photoStoreOverride();
  if (override) return override;
  if (!configured) {
    const bucket = optionalEnv('PHOTO_BUCKET');
    if (bucket) configured = s3PhotoStore({ bucket, region: requireEnv('AWS_REGION') });
    else if (optionalEnv('WECHAT_MODE') === 'dev') configured = devPhotoStore();
    else throw new Error('PHOTO_BUCKET is not set (and WECHAT_MODE is not dev)');
  }
  return configured;
}
