/** Crockford base32, the ULID alphabet. */
const ENCODING = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomBytes(count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  // H5 and jsdom have Web Crypto. The weapp JS engine has no synchronous crypto, so it falls
  // back to Math.random: a key only has to be unique among one user's in-flight retries.
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') {
    return crypto.getRandomValues(bytes);
  }
  for (let i = 0; i < count; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}

/**
 * A ULID-shaped id (10 time chars + 16 random chars) for the Idempotency-Key header.
 * Written here instead of using ulidx, whose PRNG detection throws in the weapp runtime.
 */
export function newIdempotencyKey(now: number = Date.now()): string {
  let time = '';
  let rest = now;
  for (let i = 0; i < 10; i++) {
    time = ENCODING.charAt(rest % 32) + time;
    rest = Math.floor(rest / 32);
  }
  let random = '';
  for (const byte of randomBytes(16)) random += ENCODING.charAt(byte % 32);
  return time + random;
}
