/**
 * SigV4 signing for the few AWS calls the functions make without a service client (S3 files,
 * Secrets Manager): the signer and the credential chain are the ones the DynamoDB client already
 * bundles, so these calls add a few hundred bytes instead of a client each (cold start).
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Provider, SourceData } from '@smithy/types';

export type AwsCredentials = AwsCredentialIdentity | Provider<AwsCredentialIdentity>;

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

/** Hex SHA-256 of a payload (S3 wants it in x-amz-content-sha256). */
export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The public AWS domain of a region: amazonaws.com.cn in the China regions. */
export const awsDomain = (region: string) => `amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;

export interface SignerConfig {
  service: string;
  region: string;
  /** Tests pass fixed keys; Lambda's role supplies them otherwise (the SDK's default chain). */
  credentials?: AwsCredentials;
  /** S3 keys are escaped once by the caller; every other service wants the SDK default. */
  uriEscapePath?: boolean;
}

/** A SigV4 signer for one service in one region. */
export function awsSigner(config: SignerConfig): SignatureV4 {
  return new SignatureV4({
    service: config.service,
    region: config.region,
    credentials: config.credentials ?? defaultProvider(),
    sha256: NodeSha256,
    uriEscapePath: config.uriEscapePath ?? true,
  });
}
