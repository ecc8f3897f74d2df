import { SignJWT } from 'jose';
import type { Principal } from '@linli/shared';
import { signAccessToken } from '../../functions/src/platform/auth';

/** A valid access token for the principal, signed with the stack's key. */
export const tokenFor = (principal: Principal) => signAccessToken(principal);

/** A token signed with the stack's key whose expiry has passed. */
export const expiredTokenFor = (principal: Principal) => signAccessToken(principal, -60);

/** A well-formed token signed with someone else's key. */
export async function forgedTokenFor(principal: Principal): Promise<string> {
  return new SignJWT({ name: principal.name, grants: principal.grants })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.userId)
    .setIssuer('linli')
    .setAudience('linli-miniapp')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode('not-the-real-key-at-all-000000000'));
}
