import { optionalEnv } from './env';

let cached: Promise<Uint8Array> | undefined;

/**
 * The HS256 signing key. Locally it comes from JWT_SECRET; in AWS from the Secrets Manager
 * secret named by JWT_SECRET_ARN, fetched once per container.
 */
export function loadJwtSecret(): Promise<Uint8Array> {
  cached ??= resolveSecret().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function resolveSecret(): Promise<Uint8Array> {
  const local = optionalEnv('JWT_SECRET');
  if (local) return new TextEncoder().encode(local);
  const arn = optionalEnv('JWT_SECRET_ARN');
  if (!arn) throw new Error('Neither JWT_SECRET nor JWT_SECRET_ARN is set');
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!out.SecretString) throw new Error('JWT secret is empty');
  return new TextEncoder().encode(out.SecretString);
}
