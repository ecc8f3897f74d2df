import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { optionalEnv } from './env';
import { memoizeAsync } from './memo';

const jwtSecret = memoizeAsync(resolveSecret);

/**
 * The HS256 signing key. Locally it comes from JWT_SECRET. In AWS it is the Secrets Manager
 * secret named by JWT_SECRET_ARN, read with the SDK. Fetched once per container.
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
 * `aws` and `aws-cn` partitions alike. SECRETS_MANAGER_ENDPOINT points it elsewhere in tests.
 */
let client: SecretsManagerClient | undefined;
function secretsManager(): SecretsManagerClient {
  const endpoint = optionalEnv('SECRETS_MANAGER_ENDPOINT');
  client ??= new SecretsManagerClient(endpoint ? { endpoint } : {});
  return client;
}

/**
 * The current string value of a Secrets Manager secret, read with the SDK. The AWS Parameters
 * and Secrets Lambda Extension would save the SDK's bytes, but its ARM64 layer is not published
 * in the China regions (docs/deploy.md), and one code path in every partition is worth more.
 * Callers keep the value for the life of the container (memoizeAsync).
 */
export async function readSecret(secretId: string): Promise<string> {
  const { SecretString } = await secretsManager().send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!SecretString) throw new Error(`Secret ${secretId} has no string value`);
  return SecretString;
}

/** Forgets the client (tests that change SECRETS_MANAGER_ENDPOINT). */
export function resetSecretsClient(): void {
  client?.destroy();
  client = undefined;
}

/**
 * @deprecated The extension is gone; use {@link readSecret}. Kept so branches written against
 * the old name still compile after a merge.
 */
export const readSecretThroughExtension = readSecret;
