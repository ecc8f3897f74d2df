/** Appointment by one-time invite: create, look at, accept (once), revoke. */
import { randomInt } from 'node:crypto';
import { ulid } from 'ulidx';
import type { Session } from '@linli/shared/contract/identity';
import type { Invite, InvitedRole } from '@linli/shared/contract/onboarding';
import type { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import {
  INVITE_ALPHABET,
  INVITE_CODE_LENGTH,
  grantOf,
  inviteStatus,
  isSameAppointment,
  streetScope,
  validUntil,
} from '@linli/shared/domain/onboarding/invites';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken, signRefreshToken } from '../platform/auth';
import { completionPut } from '../platform/idempotency';
import { retry, withOptimisticRetry } from '../platform/retry';
import type { AuditRecord, InviteRecord } from './records';
import * as repo from './repository';
import { requireStreet, requireStreetCommunity } from './streets';
import { inviteView } from './views';

/** A short code from an alphabet people do not misread; 31^8 ≈ 8.5e11 codes make guessing hopeless. */
export function drawInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i += 1) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

type Place = Pick<InviteRecord, 'streetId' | 'streetName' | 'communityId' | 'communityName'>;

/** Stores a fresh invite (a new code if the drawn one is taken) and its audit line. */
export async function issueInvite(
  by: { userId: string; name: string },
  role: InvitedRole,
  place: Place,
  inviteeName: string,
): Promise<Invite> {
  const created = new Date();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const invite: InviteRecord = {
      code: drawInviteCode(),
      role,
      ...place,
      inviteeName,
      invitedBy: by.userId,
      invitedByName: by.name,
      createdAt: created.toISOString(),
      validUntil: validUntil(created),
      status: 'open',
    };
    const audit: AuditRecord = {
      id: ulid(),
      action: 'invited',
      role,
      name: inviteeName,
      communityId: place.communityId,
      communityName: place.communityName,
      byUserId: by.userId,
      byName: by.name,
      at: invite.createdAt,
      inviteCode: invite.code,
    };
    const reply = inviteView(invite, created);
    if (await repo.putInvite(invite, audit, completionPut(reply))) return reply;
  }
  throw new DomainError('SERVICE_UNAVAILABLE');
}

export const createAdminInvite = (principal: Principal, inviteeName: string) =>
  issueInvite(principal, 'admin', {}, inviteeName);

export async function createOperatorInvite(principal: Principal, streetId: string, inviteeName: string) {
  const street = await requireStreet(streetId);
  return issueInvite(principal, 'street', { streetId, streetName: street.name }, inviteeName);
}

export async function createStaffInvite(
  principal: Principal,
  { streetId, communityId }: { streetId: string; communityId: string },
  { inviteeName }: { inviteeName: string },
) {
  const community = await requireStreetCommunity(streetId, communityId);
  return issueInvite(
    principal,
    'staff',
    { streetId, streetName: community.streetName, communityId, communityName: community.name },
    inviteeName,
  );
}

/** Throws the refusal that fits an invite that can no longer be used. */
function refuseUnusable(invite: InviteRecord, now: Date): void {
  const status = inviteStatus(invite, now);
  if (status === 'used') throw new DomainError('INVITE_USED');
  if (status === 'revoked') throw new DomainError('INVITE_REVOKED');
  if (status === 'expired') throw new DomainError('INVITE_EXPIRED');
}

async function requireInvite(code: string): Promise<InviteRecord> {
  const invite = await repo.getInvite(code);
  if (!invite) throw new DomainError('INVITE_NOT_FOUND');
  return invite;
}

export async function getInvite(code: string): Promise<Invite> {
  return inviteView(await requireInvite(code));
}

/**
 * The caller takes the role the invite offers. The invite is used and the grant written in one
 * transaction, so two acceptances at once grant once; the loser is told the invite is used.
 */
export async function acceptInvite(principal: Principal, code: string): Promise<Session> {
  return withOptimisticRetry(async () => {
    const now = new Date();
    const invite = await requireInvite(code);
    refuseUnusable(invite, now);
    const user = await repo.getUserGrants(principal.userId);
    if (!user) throw new DomainError('TOKEN_INVALID');
    if (user.grants.some((g) => isSameAppointment(g, invite))) throw new DomainError('ALREADY_HOLDS_ROLE');
    const grants = [...user.grants, grantOf(invite)];
    const at = now.toISOString();
    const outcome = await repo.acceptInvite(
      invite,
      user,
      grants,
      {
        userId: user.userId,
        name: invite.inviteeName,
        role: invite.role,
        streetId: invite.streetId,
        communityId: invite.communityId,
        communityName: invite.communityName,
        grantedAt: at,
        grantedBy: invite.invitedBy,
        grantedByName: invite.invitedByName,
        inviteCode: invite.code,
      },
      {
        id: ulid(),
        action: 'appointed',
        role: invite.role,
        userId: user.userId,
        name: invite.inviteeName,
        communityId: invite.communityId,
        communityName: invite.communityName,
        byUserId: invite.invitedBy,
        byName: invite.invitedByName,
        at,
        inviteCode: invite.code,
      },
    );
    // Either changed underneath: read again, and the next attempt says what happened.
    if (outcome !== 'accepted') return retry;
    const principalNow = { userId: user.userId, name: user.name, grants };
    return {
      accessToken: await signAccessToken(principalNow),
      refreshToken: await signRefreshToken(user.userId, user.tokenVersion),
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      userId: user.userId,
    };
  });
}

export async function listInvites(streetId: string): Promise<{ items: Invite[] }> {
  const now = new Date();
  return { items: (await repo.listScopeInvites(streetScope(streetId))).map((i) => inviteView(i, now)) };
}

/** Revokes an open invite of the street; an operator's invite only the platform admin may revoke. */
export async function revokeInvite(principal: Principal, streetId: string, code: string): Promise<Invite> {
  const invite = await requireInvite(code);
  if (invite.streetId !== streetId) throw new DomainError('INVITE_NOT_FOUND');
  if (invite.role === 'street' && !principal.grants.some((g) => g.role === 'admin')) {
    throw new DomainError('STREET_OPERATOR_ADMIN_ONLY');
  }
  const now = new Date();
  refuseUnusable(invite, now);
  const at = now.toISOString();
  const reply = inviteView({ ...invite, status: 'revoked', revokedAt: at }, now);
  const revoked = await repo.revokeInvite(
    invite,
    at,
    {
      id: ulid(),
      action: 'invite-revoked',
      role: invite.role,
      name: invite.inviteeName,
      communityId: invite.communityId,
      communityName: invite.communityName,
      byUserId: principal.userId,
      byName: principal.name,
      at,
      inviteCode: invite.code,
    },
    completionPut(reply),
  );
  if (!revoked) refuseUnusable(await requireInvite(code), now);
  return reply;
}
