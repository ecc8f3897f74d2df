/**
 * Reads the roles an access token carries, to notice when they are stale (a membership was
 * approved after the token was issued). Only to compare with /me: the server verifies tokens,
 * the client never trusts what it decodes here.
 */
import type { RoleGrant } from '@linli/shared/contract';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url (or base64) → bytes; the weapp JS engine has neither atob nor Buffer. */
function decodeBase64Url(text: string): number[] {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.replace(/\+/g, '-').replace(/\//g, '_')) {
    const index = BASE64URL.indexOf(char);
    if (index < 0) continue; // padding
    buffer = ((buffer << 6) | index) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

/** UTF-8 bytes → string (names in the token are Chinese). */
function decodeUtf8(bytes: number[]): string {
  return decodeURIComponent(bytes.map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));
}

/** The grants in an access token's payload, or undefined when it cannot be read. */
export function tokenGrants(token: string): RoleGrant[] | undefined {
  try {
    const payload = token.split('.')[1];
    if (!payload) return undefined;
    const claims = JSON.parse(decodeUtf8(decodeBase64Url(payload))) as { grants?: unknown };
    return Array.isArray(claims.grants) ? (claims.grants as RoleGrant[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The same text for the same set of grants, whatever their order. */
export function grantsKey(grants: readonly RoleGrant[]): string {
  return JSON.stringify(
    grants
      .map((g) => [g.role, g.communityId ?? '', g.buildingId ?? '', g.merchantId ?? '', g.memberId ?? ''].join('|'))
      .sort(),
  );
}
