import { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { JwtExpired, signJwt, verifyJwt } from './jwt';
import { loadJwtSecret } from './secrets';

const ISSUER = 'linli';
const AUDIENCE = 'linli-miniapp';
/** Access tokens are short-lived; the client refreshes them. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** Signs an access token for a principal (identity issues it at login and refresh). */
export async function signAccessToken(principal: Principal, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): Promise<string> {
  const key = await loadJwtSecret();
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      name: principal.name,
      grants: principal.grants,
      sub: principal.userId,
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now,
      exp: now + ttlSeconds,
    },
    key,
  );
}

/** Verifies a bearer token; throws 401 domain errors a person can act on. */
export async function verifyAccessToken(token: string): Promise<Principal> {
  const key = await loadJwtSecret();
  try {
    const payload = verifyJwt(token, key, { issuer: ISSUER, audience: AUDIENCE });
    const parsed = Principal().safeParse({ userId: payload.sub, name: payload.name, grants: payload.grants });
    if (!parsed.success) throw new DomainError('TOKEN_INVALID');
    return parsed.data;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof JwtExpired) throw new DomainError('TOKEN_EXPIRED');
    throw new DomainError('TOKEN_INVALID');
  }
}

/** Extracts the bearer token from an Authorization header value. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}

const REFRESH_AUDIENCE = 'linli-refresh';
/** Refresh tokens last a month; bumping the user's tokenVersion revokes all of them. */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

/** A refresh token: only the user id and the token version, never roles. */
export async function signRefreshToken(userId: string, tokenVersion: number): Promise<string> {
  const key = await loadJwtSecret();
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      ver: tokenVersion,
      sub: userId,
      iss: ISSUER,
      aud: REFRESH_AUDIENCE,
      iat: now,
      exp: now + REFRESH_TOKEN_TTL_SECONDS,
    },
    key,
  );
}

/** Verifies a refresh token; any failure is REFRESH_TOKEN_INVALID (the person logs in again). */
export async function verifyRefreshToken(token: string): Promise<{ userId: string; tokenVersion: number }> {
  const key = await loadJwtSecret();
  try {
    const payload = verifyJwt(token, key, { issuer: ISSUER, audience: REFRESH_AUDIENCE });
    if (typeof payload.sub !== 'string' || typeof payload.ver !== 'number') throw new Error('claims');
    return { userId: payload.sub, tokenVersion: payload.ver };
  } catch {
    throw new DomainError('REFRESH_TOKEN_INVALID');
  }
}
