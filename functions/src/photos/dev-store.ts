/**
 * The local stand-in for the photo bucket (dev mode, like the dev WeChat adapters): files under
 * .linli/photos (PHOTO_DEV_DIR), uploaded to and read from the local API at /dev-photos with the
 * bucket's rules — the exact key, the content type, the size limit and the form's expiry are
 * signed into the form and checked on upload; reads need an unexpired signature.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { optionalEnv } from '../platform/env';
import type { PhotoStore } from './store';

/** The path under the local API that takes uploads and serves reads. */
export const DEV_PHOTO_PATH = '/dev-photos';

interface UploadPolicy {
  key: string;
  contentType: string;
  maxBytes: number;
  /** Epoch milliseconds. */
  expires: number;
}

interface Meta {
  contentType: string;
  size: number;
}

/** Signs forms and links of this process (the local API and the handlers run in one). */
const secret = randomBytes(32);
let baseUrl = optionalEnv('PHOTO_DEV_BASE_URL') ?? 'http://127.0.0.1:3001';

/** The local API's address, set when it starts listening (its port may be picked at random). */
export function setDevPhotoBaseUrl(url: string): void {
  baseUrl = url.replace(/\/$/, '');
}

const root = () => resolve(optionalEnv('PHOTO_DEV_DIR') ?? join(process.cwd(), '.linli', 'photos'));
const sign = (text: string) => createHmac('sha256', secret).update(text).digest('hex');
const sameSignature = (given: string | undefined, text: string) => {
  const expected = Buffer.from(sign(text));
  const got = Buffer.from(given ?? '');
  return got.length === expected.length && timingSafeEqual(got, expected);
};

/** The file of a key, refusing anything that would leave the photo folder. */
function fileOf(key: string): string | undefined {
  if (!/^[A-Za-z0-9_\-/.]+$/.test(key) || key.includes('..')) return undefined;
  const file = resolve(root(), key);
  return file.startsWith(root() + sep) ? file : undefined;
}

async function readMeta(file: string): Promise<Meta | undefined> {
  try {
    await stat(file);
    return JSON.parse(await readFile(`${file}.meta.json`, 'utf8')) as Meta;
  } catch {
    return undefined;
  }
}

export function devPhotoStore(): PhotoStore {
  return {
    async presignUpload({ key, contentType, maxBytes, expiresSeconds }) {
      const policy: UploadPolicy = { key, contentType, maxBytes, expires: Date.now() + expiresSeconds * 1000 };
      const encoded = Buffer.from(JSON.stringify(policy)).toString('base64');
      return {
        url: `${baseUrl}${DEV_PHOTO_PATH}`,
        fields: { key, 'Content-Type': contentType, policy: encoded, signature: sign(encoded) },
      };
    },
    async head(key) {
      const file = fileOf(key);
      const meta = file ? await readMeta(file) : undefined;
      return meta ? { size: meta.size, contentType: meta.contentType } : undefined;
    },
    async copy(fromKey, toKey) {
      const from = fileOf(fromKey);
      const to = fileOf(toKey);
      if (!from || !to) throw new Error(`bad photo key ${fromKey} → ${toKey}`);
      await mkdir(dirname(to), { recursive: true });
      await copyFile(from, to);
      await copyFile(`${from}.meta.json`, `${to}.meta.json`);
    },
    async viewUrl(key, expiresSeconds) {
      const expires = Date.now() + expiresSeconds * 1000;
      return `${baseUrl}${DEV_PHOTO_PATH}/${key}?expires=${expires}&signature=${sign(`${key}\n${expires}`)}`;
    },
  };
}

/** What the local API answers: S3's statuses (204 stored, 403 policy broken, 400 bad form, 404). */
export interface DevPhotoAnswer {
  status: number;
  contentType: string;
  body: Buffer | string;
}

const refuse = (status: number, message: string): DevPhotoAnswer => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body: message,
});

/** Stores a multipart upload when its form holds: signature, expiry, key, type and size as signed. */
export async function acceptDevUpload(form: FormData): Promise<DevPhotoAnswer> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const encoded = text('policy');
  if (!encoded || !sameSignature(text('signature'), encoded)) return refuse(403, 'signature does not match');
  const policy = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as UploadPolicy;
  if (Date.now() > policy.expires) return refuse(403, 'policy expired');
  if (text('key') !== policy.key) return refuse(403, 'key does not match the policy');
  if (text('Content-Type') !== policy.contentType) return refuse(403, 'Content-Type does not match the policy');
  const file = form.get('file');
  if (!file || typeof file === 'string') return refuse(400, 'no file field');
  if (file.size < 1 || file.size > policy.maxBytes) return refuse(400, 'EntityTooLarge or empty');
  const target = fileOf(policy.key);
  if (!target) return refuse(400, 'bad key');
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, Buffer.from(await file.arrayBuffer()));
  const meta: Meta = { contentType: policy.contentType, size: file.size };
  await writeFile(`${target}.meta.json`, JSON.stringify(meta));
  return { status: 204, contentType: 'text/plain', body: '' };
}

/** Serves a stored photo to a link whose signature holds and has not expired. */
export async function serveDevPhoto(key: string, query: URLSearchParams): Promise<DevPhotoAnswer> {
  const expires = Number(query.get('expires'));
  if (!Number.isFinite(expires) || !sameSignature(query.get('signature') ?? undefined, `${key}\n${expires}`)) {
    return refuse(403, 'signature does not match');
  }
  if (Date.now() > expires) return refuse(403, 'link expired');
  const file = fileOf(key);
  const meta = file ? await readMeta(file) : undefined;
  if (!file || !meta) return refuse(404, 'no such photo');
  return { status: 200, contentType: meta.contentType, body: await readFile(file) };
}
