/**
 * Signed codes shown as QR: the rotating activity check-in/out code staff show on site, and the
 * volunteer's one-time redemption code. Each is `<kind>.<payload>.<signature>`, the signature an
 * HMAC-SHA256 with the key that signs access tokens, so a code cannot be made up or altered; the
 * payload carries its own expiry. (No JWT: a QR code stays small and quick to scan.)
 *
 * Each also has a 6-character short code for when the camera cannot read the QR: a person reads it
 * aloud and types it. The activity's is derived from the signed code (every staff screen shows the
 * same one, nothing to store); the redemption's is random and stored with its signed code
 * (repository, AP73). Both live exactly as long as the signed code they stand for.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { newShortCode } from '@linli/shared/domain/common/short-code';
import { loadJwtSecret } from '../platform/secrets';

type Kind = 'A1' | 'R1';

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

async function signature(kind: Kind, payload: string): Promise<Buffer> {
  const secret = await loadJwtSecret();
  return createHmac('sha256', secret).update(`linli-points:${kind}.${payload}`).digest().subarray(0, 18);
}

async function sign(kind: Kind, claims: object): Promise<string> {
  const payload = b64(JSON.stringify(claims));
  return `${kind}.${payload}.${b64(await signature(kind, payload))}`;
}

/** The claims of a genuine code of this kind (expiry not checked here), or undefined for anything else. */
async function verify<T>(kind: Kind, code: string): Promise<T | undefined> {
  const parts = code.trim().split('.');
  if (parts.length !== 3 || parts[0] !== kind) return undefined;
  const [, payload, sig] = parts as [string, string, string];
  const expected = await signature(kind, payload);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

// ── activity check-in / check-out ────────────────────────────────────────────

/** A new code every minute; each stays valid for three, so a scan at the turn of a minute still works. */
export const ACTIVITY_CODE_ROTATE_SECONDS = 60;
export const ACTIVITY_CODE_VALID_SECONDS = 180;

export interface ActivityClaims {
  c: string;
  a: string;
  x: 'in' | 'out';
  /** Expiry, epoch seconds. */
  e: number;
}

const windowOf = (now: Date) =>
  Math.floor(now.getTime() / 1000 / ACTIVITY_CODE_ROTATE_SECONDS) * ACTIVITY_CODE_ROTATE_SECONDS;

/** The 6 readable characters that stand for a signed activity code (a keyed hash of it). */
async function derivedShortCode(signed: string): Promise<string> {
  const digest = createHmac('sha256', await loadJwtSecret())
    .update(`linli-points:short.${signed}`)
    .digest();
  return newShortCode((n) => [...digest.subarray(0, n)]);
}

async function activityCodeOfWindow(communityId: string, activityId: string, action: 'in' | 'out', window: number) {
  const claims: ActivityClaims = { c: communityId, a: activityId, x: action, e: window + ACTIVITY_CODE_VALID_SECONDS };
  const code = await sign('A1', claims);
  return {
    code,
    shortCode: await derivedShortCode(code),
    expiresAt: new Date(claims.e * 1000).toISOString(),
    refreshAt: new Date((window + ACTIVITY_CODE_ROTATE_SECONDS) * 1000).toISOString(),
  };
}

/** The code of the current minute: every staff screen of the activity shows the same one. */
export const activityCode = (communityId: string, activityId: string, action: 'in' | 'out', now: Date) =>
  activityCodeOfWindow(communityId, activityId, action, windowOf(now));

/**
 * The signed code behind a typed short code, among the activities a volunteer may check in or out
 * of: every code of theirs still valid now (this minute's and the two before) is derived and compared.
 */
export async function signedActivityCode(
  communityId: string,
  activityIds: string[],
  shortCode: string,
  now: Date,
): Promise<string | undefined> {
  const current = windowOf(now);
  const windows = [];
  for (let w = current; w + ACTIVITY_CODE_VALID_SECONDS > now.getTime() / 1000; w -= ACTIVITY_CODE_ROTATE_SECONDS)
    windows.push(w);
  for (const activityId of activityIds)
    for (const action of ['in', 'out'] as const)
      for (const w of windows) {
        const candidate = await activityCodeOfWindow(communityId, activityId, action, w);
        if (candidate.shortCode === shortCode) return candidate.code;
      }
  return undefined;
}

export const readActivityCode = (code: string) => verify<ActivityClaims>('A1', code);

// ── redemption ───────────────────────────────────────────────────────────────

export const REDEMPTION_CODE_VALID_SECONDS = 60;

export interface RedemptionClaims {
  /** The code's id: the redemption posting's key is `redeem#<i>`, so the code works once. */
  i: string;
  c: string;
  u: string;
  m: string;
  o: string;
  p: number;
  f?: number;
  e: number;
}

export function redemptionCode(claims: Omit<RedemptionClaims, 'e'>, now: Date) {
  const e = Math.floor(now.getTime() / 1000) + REDEMPTION_CODE_VALID_SECONDS;
  return sign('R1', { ...claims, e }).then((code) => ({ code, expiresAt: new Date(e * 1000).toISOString() }));
}

export const readRedemptionCode = (code: string) => verify<RedemptionClaims>('R1', code);

/** Whether a code's expiry (epoch seconds) has passed. */
export const expired = (e: number, now: Date) => now.getTime() >= e * 1000;
