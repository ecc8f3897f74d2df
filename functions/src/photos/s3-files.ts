/**
 * Reading and keeping photo files in the private S3 bucket without the S3 client: HEAD, a
 * server-side copy and presigned GET links are three signed HTTP requests (SigV4 with the
 * function's role), so the functions that show photos (care, canteen) stay small. Only the
 * photos function, which signs upload forms, bundles the S3 client (s3-store.ts).
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, HttpRequest, Provider, SourceData } from '@smithy/types';
import type { PhotoFiles } from './store';

const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : data instanceof Uint8Array
      ? data
      : ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : new Uint8Array(data);

/** SHA-256 (or its HMAC with a secret) in the shape the signer asks for, from node:crypto. */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

export interface S3FilesConfig {
  bucket: string;
  region: string;
  credentials?: AwsCredentialIdentity | Provider<AwsCredentialIdentity>;
  /** Tests pass a recorder; the real one is the global fetch. */
  fetch?: typeof fetch;
}

/** The bucket's regional virtual-hosted domain: amazonaws.com.cn in the China regions. */
export const bucketHost = (bucket: string, region: string) =>
  `${bucket}.s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;

const encodeKey = (key: string) => `/${key.split('/').map(encodeURIComponent).join('/')}`;

export function s3Files(config: S3FilesConfig): PhotoFiles {
  const hostname = bucketHost(config.bucket, config.region);
  const signer = new SignatureV4({
    service: 's3',
    region: config.region,
    credentials: config.credentials ?? defaultProvider(),
    sha256: NodeSha256,
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
