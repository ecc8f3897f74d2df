/**
 * The node:crypto HS256 tokens of platform/jwt.ts, checked against jose (a well-kept
 * implementation, still a dependency of the tests): each accepts the other's tokens, and every
 * kind of forged, foreign or stale token is refused with the right error.
 */
import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { JwtExpired, JwtInvalid, signJwt, verifyJwt } from '../../functions/src/platform/jwt';

const key = new TextEncoder().encode('a-test-key-of-enough-length-0123456789');
const otherKey = new TextEncoder().encode('another-key-of-enough-length-987654321');
const NOW = 1_800_000_000;
const expected = { issuer: 'linli', audience: 'linli-miniapp', now: NOW };
const claims = { sub: 'u1', iss: 'linli', aud: 'linli-miniapp', iat: NOW - 10, exp: NOW + 900 };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token with any header and payload, HMAC-signed with the key (headers jose would not write). */
const forge = (header: unknown, payload: unknown, signingKey = key) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', signingKey).update(input).digest('base64url')}`;
};

describe('HS256 tokens with node:crypto', () => {
  it('signs what jose verifies, and verifies what jose signs', async () => {
    const ours = signJwt({ name: '王阿姨', ...claims }, key);
    const { payload, protectedHeader } = await jwtVerify(ours, key, {
      issuer: 'linli',
      audience: 'linli-miniapp',
      currentDate: new Date(NOW * 1000),
    });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({ name: '王阿姨', ...claims });
    const theirs = await new SignJWT({ name: '王阿姨' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('u1')
      .setIssuer('linli')
      .setAudience(['other', 'linli-miniapp'])
      .setIssuedAt(NOW - 10)
      .setExpirationTime(NOW + 900)
      .sign(key);
    expect(verifyJwt(theirs, key, expected)).toMatchObject({ sub: 'u1', name: '王阿姨' });
  });

  it('refuses a tampered payload, another key, a changed or padded signature', () => {
    const token = signJwt(claims, key);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const admin = `${header}.${b64({ ...claims, sub: 'admin' })}.${signature}`;
    expect(() => verifyJwt(admin, key, expected)).toThrow(JwtInvalid);
    expect(() => verifyJwt(token, otherKey, expected)).toThrow(JwtInvalid);
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    expect(() => verifyJwt(`${header}.${payload}.${flipped}`, key, expected)).toThrow(JwtInvalid);
    // The last character of a 32-byte base64url signature carries 2 unused bits: another string, same bytes.
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[(alphabet.indexOf(last) & ~3) + ((alphabet.indexOf(last) + 1) & 3)]!;
    expect(() => verifyJwt(`${header}.${payload}.${signature.slice(0, -1)}${sibling}`, key, expected)).toThrow(
      JwtInvalid,
    );
    expect(() => verifyJwt(`${header}.${payload}.${signature}=`, key, expected)).toThrow(JwtInvalid);
    expect(() => verifyJwt(`${header}.${payload}.`, key, expected)).toThrow(JwtInvalid);
  });

  it('refuses alg none, another algorithm, another type and critical extensions', async () => {
    const [, payload] = signJwt(claims, key).split('.') as [string, string];
    expect(() => verifyJwt(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, key, expected)).toThrow(JwtInvalid);
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(key);
    expect(() => verifyJwt(hs512, key, expected)).toThrow(JwtInvalid);
    expect(() => verifyJwt(forge({ alg: 'HS256', typ: 'at+jwt' }, claims), key, expected)).toThrow(JwtInvalid);
    expect(() => verifyJwt(forge({ alg: 'HS256', crit: ['exp'] }, claims), key, expected)).toThrow(JwtInvalid);
    // Without typ, as RFC 7519 allows, a correct token is accepted.
    expect(verifyJwt(forge({ alg: 'HS256' }, claims), key, expected)).toEqual(claims);
  });

  it('refuses another issuer or audience, a missing or non-numeric expiry, a future nbf', () => {
    const bad = (payload: Record<string, unknown>) => () => verifyJwt(signJwt(payload, key), key, expected);
    expect(bad({ ...claims, iss: 'someone' })).toThrow(JwtInvalid);
    expect(bad({ ...claims, aud: 'linli-refresh' })).toThrow(JwtInvalid);
    expect(bad({ ...claims, aud: undefined })).toThrow(JwtInvalid);
    expect(bad({ ...claims, exp: undefined })).toThrow(JwtInvalid);
    expect(bad({ ...claims, exp: String(NOW + 900) })).toThrow(JwtInvalid);
    expect(bad({ ...claims, iat: 'yesterday' })).toThrow(JwtInvalid);
    expect(bad({ ...claims, nbf: NOW + 60 })).toThrow(JwtInvalid);
  });

  it('tells an expired token (exp at or before now) apart, but only once it is otherwise valid', () => {
    expect(() => verifyJwt(signJwt({ ...claims, exp: NOW }, key), key, expected)).toThrow(JwtExpired);
    expect(() => verifyJwt(signJwt({ ...claims, exp: NOW - 1 }, key), key, expected)).toThrow(JwtExpired);
    expect(verifyJwt(signJwt({ ...claims, exp: NOW + 1 }, key), key, expected)).toMatchObject({ sub: 'u1' });
    // An expired token with a wrong signature or audience is invalid, not expired (jose's order).
    expect(() => verifyJwt(signJwt({ ...claims, exp: NOW - 1 }, otherKey), key, expected)).toThrow(JwtInvalid);
    expect(() => verifyJwt(signJwt({ ...claims, exp: NOW - 1, aud: 'linli-refresh' }, key), key, expected)).toThrow(
      JwtInvalid,
    );
  });

  it('refuses what is not a token: parts, base64, JSON, objects', () => {
    for (const garbage of ['', 'a.b', 'a.b.c.d', '!!!.e30.sig', `${b64([1])}.e30.x`]) {
      expect(() => verifyJwt(garbage, key, expected)).toThrow(JwtInvalid);
    }
    expect(() => verifyJwt(forge({ alg: 'HS256' }, [claims]), key, expected)).toThrow(JwtInvalid);
    const notJson = `${b64({ alg: 'HS256' })}.${Buffer.from('{oops').toString('base64url')}`;
    const signedNotJson = `${notJson}.${createHmac('sha256', key).update(notJson).digest('base64url')}`;
    expect(() => verifyJwt(signedNotJson, key, expected)).toThrow(JwtInvalid);
  });
});
