import type { SignatureV4 } from '@smithy/signature-v4';
import { awsDomain, awsSigner } from './aws-signing';
import { optionalEnv, requireEnv } from './env';
import { memoizeAsync } from './memo';

const jwtSecret = memoizeAsync(resolveSecret);

/**
 * The HS256 signing key. Locally it comes from JWT_SECRET. In AWS it is the Secrets Manager
 * secret named by JWT_SECRET_ARN (readSecret). Fetched once per container.
 */
export function loadJwtSecret(): Promise<Uint8Array> {
  return jwtSecret.get();
}

/** Forgets the cached key (tests; a rotated secret is picked up by new containers anyway). */
export function resetJwtSecretCache(): void {
  jwtSecret.reset();
}

async function resolveSecret(): Promise<Uint8Array> {
  const local = optionalEnv('JWT_SECRET');
  if (local) return new TextEncoder().encode(local);
  const secretId = optionalEnv('JWT_SECRET_ARN');
  if (!secretId) throw new Error('Neither JWT_SECRET nor JWT_SECRET_ARN is set');
  return new TextEncoder().encode(await readSecret(secretId));
}

/**
 * Created on first use: the region and credentials come from the Lambda environment, in the
 * `aws` and `aws-cn` partitions alike. SECRETS_MANAGER_ENDPOINT points the calls elsewhere in tests.
 */
let signer: SignatureV4 | undefined;
const region = () => requireEnv('AWS_REGION');

/**
 * The current string value of a Secrets Manager secret: one SigV4-signed GetSecretValue call
 * (JSON 1.1 protocol) with the signer and credential chain the DynamoDB client bundles anyway.
 * The Secrets Manager client would add its own ~30 KB and a few milliseconds to every cold
 * start for this one call; the AWS Parameters and Secrets Lambda Extension's ARM64 layer is not
 * published in the China regions (docs/deploy.md). Callers keep the value for the life of the
 * container (memoizeAsync).
 */
export async function readSecret(secretId: string): Promise<string> {
  const endpoint = new URL(
    optionalEnv('SECRETS_MANAGER_ENDPOINT') ?? `https://secretsmanager.${region()}.${awsDomain(region())}`,
  );
  signer ??= awsSigner({ service: 'secretsmanager', region: region() });
  const body = JSON.stringify({ SecretId: secretId });
  const signed = await signer.sign({
    method: 'POST',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    path: '/',
    query: {},
    headers: {
      host: endpoint.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'secretsmanager.GetSecretValue',
    },
    body,
  });
  const answer = await fetch(new URL('/', endpoint), { method: 'POST', headers: signed.headers, body });
  const text = await answer.text();
  const json = parseJson(text) as { SecretString?: unknown; __type?: unknown; message?: unknown; Message?: unknown };
  if (!answer.ok) {
    // The error's type and message, as the SDK would have thrown them (never the secret: errors carry none).
    const type = String(json?.__type ?? `HTTP ${answer.status}`)
      .split('#')
      .pop();
    throw new Error(
      `Secrets Manager GetSecretValue ${secretId}: ${type}: ${String(json?.message ?? json?.Message ?? text)}`,
    );
  }
  if (typeof json?.SecretString !== 'string' || json.SecretString === '') {
    throw new Error(`Secret ${secretId} has no string value`);
  }
  return json.SecretString;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Forgets the signer (tests that change the credentials or the region). */
export function resetSecretsClient(): void {
  signer = undefined;
}

/**
 * @deprecated The extension is gone; use {@link readSecret}. Kept so branches written against
 * the old name still compile after a merge.
 */
export const readSecretThroughExtension = readSecret;
