/** Pure rules of appointment by invite: validity, the grant an invite gives, and removal. */
import type { RoleGrant } from '../../contract/principal';
import type { InvitedRole } from '../../contract/onboarding';

/** An invite is valid for 72 hours from its creation. */
export const INVITE_VALID_HOURS = 72;

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;

export interface InviteTerms {
  role: InvitedRole;
  streetId?: string;
  communityId?: string;
}

export type StoredInviteStatus = 'open' | 'used' | 'revoked';

/** The status a person sees: an open invite past its time is expired. */
export function inviteStatus(
  invite: { status: StoredInviteStatus; validUntil: string },
  now: Date,
): StoredInviteStatus | 'expired' {
  if (invite.status === 'open' && Date.parse(invite.validUntil) <= now.getTime()) return 'expired';
  return invite.status;
}

/** The end of an invite's validity, as an ISO instant. */
export function validUntil(createdAt: Date): string {
  return new Date(createdAt.getTime() + INVITE_VALID_HOURS * 3600_000).toISOString();
}

/** The grant an accepted invite gives. */
export function grantOf(terms: InviteTerms): RoleGrant {
  if (terms.role === 'admin') return { role: 'admin' };
  if (terms.role === 'street') return { role: 'street', streetId: terms.streetId };
  return { role: 'staff', communityId: terms.communityId, streetId: terms.streetId };
}

/** Whether a grant is the one these terms describe (same role in the same place). */
export function isSameAppointment(grant: RoleGrant, terms: InviteTerms): boolean {
  if (grant.role !== terms.role) return false;
  if (terms.role === 'street') return grant.streetId === terms.streetId;
  if (terms.role === 'staff') return grant.communityId === terms.communityId;
  return true;
}

/** The grants left after removing one appointment. */
export function grantsWithout(grants: RoleGrant[], terms: InviteTerms): RoleGrant[] {
  return grants.filter((g) => !isSameAppointment(g, terms));
}

/** The role list of the platform's operators. */
export const PLATFORM_SCOPE = 'PLATFORM';

/** The role list of a street: its operators and its communities' staff. */
export const streetScope = (streetId: string): string => `STREET#${streetId}`;

/** The role list an appointment belongs to: the platform's, or its street's. */
export function appointmentScope(terms: InviteTerms): string {
  return terms.role === 'admin' ? PLATFORM_SCOPE : streetScope(terms.streetId ?? '');
}
