/**
 * Reading and keeping photo files in the private S3 bucket without the S3 client: HEAD, a
 * server-side copy and presigned GET links are three signed HTTP requests (SigV4 with the
 * function's role), so the functions that show photos (care, canteen) stay small. Only the
 * photos function, which signs upload forms, bundles the S3 client (s3-store.ts).
 */
import type { HttpRequest } from '@smithy/types';
import { awsDomain, awsSigner, sha256Hex, type AwsCredentials } from '../platform/aws-signing';
import type { PhotoFiles } from './store';

const EMPTY_SHA256 = sha256Hex('');

export interface S3FilesConfig {
  bucket: string;
  region: string;
  credentials?: AwsCredentials;
  /** Tests pass a recorder; the real one is the global fetch. */
  fetch?: typeof fetch;
}

/** The bucket's regional virtual-hosted domain: amazonaws.com.cn in the China regions. */
export const bucketHost = (bucket: string, region: string) => `${bucket}.s3.${region}.${awsDomain(region)}`;

const encodeKey = (key: string) => `/${key.split('/').map(encodeURIComponent).join('/')}`;

export function s3Files(config: S3FilesConfig): PhotoFiles {
  const hostname = bucketHost(config.bucket, config.region);
  const signer = awsSigner({
    service: 's3',
    region: config.region,
    credentials: config.credentials,
    uriEscapePath: false,
  });
  const send = config.fetch ?? fetch;
  const request = (method: string, key: string, headers: Record<string, string> = {}): HttpRequest => ({
    method,
    protocol: 'https:',
    hostname,
    path: encodeKey(key),
    query: {},
    headers: { host: hostname, ...headers },
  });
  const signedFetch = async (req: HttpRequest) => {
    const signed = await signer.sign({ ...req, headers: { ...req.headers, 'x-amz-content-sha256': EMPTY_SHA256 } });
    return send(`https://${hostname}${req.path}`, { method: req.method, headers: signed.headers });
  };
  return {
    async head(key) {
      const answer = await signedFetch(request('HEAD', key));
      // Without s3:ListBucket (not granted) S3 answers a missing key with 403, not 404.
      if (answer.status === 404 || answer.status === 403) return undefined;
      if (!answer.ok) throw new Error(`S3 HEAD ${key}: ${answer.status}`);
      return {
        size: Number(answer.headers.get('content-length') ?? 0),
        contentType: answer.headers.get('content-type') ?? undefined,
      };
    },
    async copy(fromKey, toKey) {
      const answer = await signedFetch(
        request('PUT', toKey, { 'x-amz-copy-source': `/${config.bucket}${encodeKey(fromKey)}` }),
      );
      // A copy can fail after S3 sent 200: the error is then in the body.
      const body = await answer.text();
      if (!answer.ok || body.includes('<Error>')) throw new Error(`S3 copy ${fromKey} → ${toKey}: ${answer.status}`);
    },
    async viewUrl(key, expiresSeconds) {
      const signed = await signer.presign(request('GET', key), { expiresIn: expiresSeconds });
      const query = new URLSearchParams(signed.query as Record<string, string>).toString();
      return `https://${hostname}${signed.path}?${query}`;
    },
  };
}
