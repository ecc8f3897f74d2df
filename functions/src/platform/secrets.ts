import { optionalEnv } from './env';
import { memoizeAsync } from './memo';

const jwtSecret = memoizeAsync(resolveSecret);

/**
 * The HS256 signing key. Locally it comes from JWT_SECRET. In AWS it is the Secrets Manager
 * secret named by JWT_SECRET_ARN, read through the AWS Parameters and Secrets Lambda Extension
 * (a layer that caches secrets and answers on localhost), which keeps the Secrets Manager SDK
 * (~30 KB) out of every bundle. Fetched once per container.
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
  return new TextEncoder().encode(await readSecretThroughExtension(secretId));
}

/** GET /secretsmanager/get on the Parameters and Secrets extension, authenticated by the session token. */
export async function readSecretThroughExtension(secretId: string): Promise<string> {
  const port = optionalEnv('PARAMETERS_SECRETS_EXTENSION_HTTP_PORT') ?? '2773';
  const host = optionalEnv('PARAMETERS_SECRETS_EXTENSION_HOST') ?? 'localhost';
  const res = await fetch(`http://${host}:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`, {
    headers: { 'X-Aws-Parameters-Secrets-Token': optionalEnv('AWS_SESSION_TOKEN') ?? '' },
  });
  if (!res.ok) throw new Error(`secrets extension answered ${res.status}`);
  const body = (await res.json()) as { SecretString?: string };
  if (!body.SecretString) throw new Error('JWT secret is empty');
  return body.SecretString;
}
