import { decodeJwt, SignJWT } from 'jose';
import type { Principal } from '@linli/shared';
import { DomainError } from '@linli/shared/errors';
import {
  bearerToken,
  signAccessToken,
  signRefreshToken,
  verifyAccessToken,
  verifyRefreshToken,
} from '../../functions/src/platform/auth';
import { loadJwtSecret } from '../../functions/src/platform/secrets';
import { expiredTokenFor, forgedTokenFor, tokenFor } from '../helpers/tokens';

const resident: Principal = {
  userId: 'user-01',
  name: '王阿姨',
  grants: [{ role: 'resident', communityId: 'c1', buildingId: 'b3', memberId: 'm-7' }],
};

/** The DomainError code a promise rejects with (fails the test when it resolves or throws something else). */
async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

/** Re-encodes a token's payload with changed claims while keeping its original signature. */
function withTamperedPayload(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(claims);
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('access tokens', () => {
  it('verifies a token it signed back into the same principal', async () => {
    const token = await signAccessToken(resident);

    const principal = await verifyAccessToken(token);

    expect(principal).toEqual(resident);
  });

  it('keeps the token short-lived (15 minutes)', async () => {
    const token = await tokenFor(resident);

    const { iat, exp } = decodeJwt(token);

    expect((exp ?? 0) - (iat ?? 0)).toBe(15 * 60);
  });

  it('refuses an expired token as TOKEN_EXPIRED', async () => {
    const token = await expiredTokenFor(resident);

    await expect(rejectionCode(verifyAccessToken(token))).resolves.toBe('TOKEN_EXPIRED');
  });

  it('refuses a token signed with another key as TOKEN_INVALID', async () => {
    const token = await forgedTokenFor(resident);

    await expect(rejectionCode(verifyAccessToken(token))).resolves.toBe('TOKEN_INVALID');
  });

  it('refuses a refresh token presented as an access token as TOKEN_INVALID', async () => {
    const refresh = await signRefreshToken(resident.userId, 1);

    await expect(rejectionCode(verifyAccessToken(refresh))).resolves.toBe('TOKEN_INVALID');
  });

  it('refuses a token whose payload was changed to grant admin as TOKEN_INVALID', async () => {
    const token = withTamperedPayload(await tokenFor(resident), (claims) => {
      claims.grants = [{ role: 'admin' }];
    });

    await expect(rejectionCode(verifyAccessToken(token))).resolves.toBe('TOKEN_INVALID');
  });

  it('refuses a token with unsigned algorithm "none" as TOKEN_INVALID', async () => {
    const [, payload] = (await tokenFor(resident)).split('.') as [string, string];
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');

    await expect(rejectionCode(verifyAccessToken(`${header}.${payload}.`))).resolves.toBe('TOKEN_INVALID');
  });

  it('refuses a validly signed token whose claims are not a principal as TOKEN_INVALID', async () => {
    const token = await new SignJWT({ name: resident.name })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(resident.userId)
      .setIssuer('linli')
      .setAudience('linli-miniapp')
      .setExpirationTime('5m')
      .sign(await loadJwtSecret());

    await expect(rejectionCode(verifyAccessToken(token))).resolves.toBe('TOKEN_INVALID');
  });

  it('refuses a string that is not a token as TOKEN_INVALID', async () => {
    await expect(rejectionCode(verifyAccessToken('not-a-jwt'))).resolves.toBe('TOKEN_INVALID');
  });
});

describe('refresh tokens', () => {
  it('verifies a refresh token it signed back into the user id and token version', async () => {
    const token = await signRefreshToken('user-01', 4);

    const claims = await verifyRefreshToken(token);

    expect(claims).toEqual({ userId: 'user-01', tokenVersion: 4 });
  });

  it('carries no name or roles', async () => {
    const token = await signRefreshToken('user-01', 4);

    const claims = decodeJwt(token);

    expect(claims).not.toHaveProperty('grants');
    expect(claims).not.toHaveProperty('name');
  });

  it('refuses an access token presented as a refresh token as REFRESH_TOKEN_INVALID', async () => {
    const access = await tokenFor(resident);

    await expect(rejectionCode(verifyRefreshToken(access))).resolves.toBe('REFRESH_TOKEN_INVALID');
  });

  it('refuses a refresh token whose version was raised as REFRESH_TOKEN_INVALID', async () => {
    const token = withTamperedPayload(await signRefreshToken('user-01', 4), (claims) => {
      claims.ver = 5;
    });

    await expect(rejectionCode(verifyRefreshToken(token))).resolves.toBe('REFRESH_TOKEN_INVALID');
  });

  it('refuses garbage as REFRESH_TOKEN_INVALID', async () => {
    await expect(rejectionCode(verifyRefreshToken(''))).resolves.toBe('REFRESH_TOKEN_INVALID');
  });
});

describe('bearerToken', () => {
  it('reads the token after "Bearer "', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
  });

  it('accepts the scheme in lower case', () => {
    expect(bearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
  });

  it('ignores surrounding whitespace', () => {
    expect(bearerToken('  Bearer abc.def.ghi  ')).toBe('abc.def.ghi');
  });

  it.each([
    ['a Basic header', 'Basic dXNlcjpwYXNz'],
    ['an empty header', ''],
    ['a missing header', undefined],
    ['the scheme without a token', 'Bearer'],
    ['two tokens', 'Bearer a b'],
  ])('finds no token in %s', (_case, header) => {
    expect(bearerToken(header)).toBeUndefined();
  });
});
