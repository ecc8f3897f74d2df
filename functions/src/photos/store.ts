/**
 * Where photo files live: a private S3 bucket in AWS (PHOTO_BUCKET), or — in dev mode, with no
 * AWS at hand — files under .linli/photos served by the local API with the same rules.
 */
import { optionalEnv } from '../platform/env';
import { memoizeAsync } from '../platform/memo';
import { devPhotoStore } from './dev-store';
import { s3PhotoStore } from './s3-store';

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

export interface PhotoStore {
  /** A form that lets its holder upload one file, of this type and size, under this key, until it expires. */
  presignUpload(rules: UploadRules): Promise<UploadForm>;
  /** The object's size and type, or undefined when nothing was uploaded under the key. */
  head(key: string): Promise<StoredObject | undefined>;
  /** Copies an object (an upload becoming a kept photo); the same copy twice changes nothing. */
  copy(fromKey: string, toKey: string): Promise<void>;
  /** A link that reads the object until it expires. */
  viewUrl(key: string, expiresSeconds: number): Promise<string>;
}

const configured = memoizeAsync(async (): Promise<PhotoStore> => {
  const bucket = optionalEnv('PHOTO_BUCKET');
  if (bucket) return s3PhotoStore({ bucket, region: optionalEnv('AWS_REGION') });
  if (optionalEnv('WECHAT_MODE') === 'dev') return devPhotoStore();
  throw new Error('PHOTO_BUCKET is not set (and WECHAT_MODE is not dev)');
});
let override: PhotoStore | undefined;

/** The photo store of this deployment. */
export async function photoStore(): Promise<PhotoStore> {
  return override ?? configured.get();
}

/** Lets tests supply a store; `undefined` restores the configured one. */
export function setPhotoStore(custom: PhotoStore | undefined): void {
  override = custom;
}
