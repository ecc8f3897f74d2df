/**
 * Where photo files live: a private S3 bucket in AWS (PHOTO_BUCKET), or — in dev mode, with no
 * AWS at hand — files under .linli/photos served by the local API with the same rules. Reading
 * and keeping files (here) is separate from signing upload forms (upload-forms.ts), which needs
 * the S3 client: only the photos function bundles it.
 */
import { optionalEnv, requireEnv } from '../platform/env';
import { devPhotoStore } from './dev-store';
import { s3Files } from './s3-files';

/** A browser-style multipart POST: `fields` first, then the file as `file`. */
export interface UploadForm {
  url: string;
  fields: Record<string, string>;
}

export interface UploadRules {
  key: string;
  contentType: string;
  maxBytes: number;
  expiresSeconds: number;
}

export interface StoredObject {
  size: number;
  contentType?: string;
}

/** Reading and keeping files. */
export interface PhotoFiles {
  /** The object's size and type, or undefined when nothing was uploaded under the key. */
  head(key: string): Promise<StoredObject | undefined>;
  /** Copies an object (an upload becoming a kept photo); the same copy twice changes nothing. */
  copy(fromKey: string, toKey: string): Promise<void>;
  /** A link that reads the object until it expires. */
  viewUrl(key: string, expiresSeconds: number): Promise<string>;
}

/** Signing upload forms. */
export interface UploadForms {
  /** A form that lets its holder upload one file, of this type and size, under this key, until it expires. */
  presignUpload(rules: UploadRules): Promise<UploadForm>;
}

export type PhotoStore = PhotoFiles & UploadForms;

let configured: PhotoFiles | undefined;
let override: PhotoStore | undefined;

/** The photo files of this deployment. */
export function photoFiles(): PhotoFiles {
  if (override) return override;
  if (!configured) {
    const bucket = optionalEnv('PHOTO_BUCKET');
    if (bucket) configured = s3Files({ bucket, region: requireEnv('AWS_REGION') });
    else if (optionalEnv('WECHAT_MODE') === 'dev') configured = devPhotoStore();
    else throw new Error('PHOTO_BUCKET is not set (and WECHAT_MODE is not dev)');
  }
  return configured;
}

/** The store tests supply (both halves); `undefined` restores the configured one. */
export function setPhotoStore(custom: PhotoStore | undefined): void {
  override = custom;
}

/** The test override, for upload-forms.ts. */
export const photoStoreOverride = (): PhotoStore | undefined => override;
