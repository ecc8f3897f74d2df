/** Answers of the onboarding feature, built from stored records. */
import type { CommunitySummary, Invite, RoleAuditEntry, RoleHolder, Street } from '@linli/shared/contract/onboarding';
import { inviteStatus } from '@linli/shared/domain/onboarding/invites';
import type { AuditRecord, CommunityMetaRecord, HolderRecord, InviteRecord, StreetRecord } from './records';

/** The mini-program page that accepts an invite; the QR code carries it. */
export const INVITE_PAGE = '/packages/onboarding/invite/index';

export function streetView(s: StreetRecord): Street {
  return { id: s.id, name: s.name, city: s.city, district: s.district, createdAt: s.createdAt };
}

export function communityView(c: CommunityMetaRecord): CommunitySummary {
  return {
    id: c.id,
    name: c.name,
    city: c.city,
    district: c.district,
    address: c.address,
    streetId: c.streetId,
    streetName: c.streetName,
  };
}

export function inviteView(i: InviteRecord, now = new Date()): Invite {
  return {
    code: i.code,
    role: i.role,
    streetId: i.streetId,
    streetName: i.streetName,
    communityId: i.communityId,
    communityName: i.communityName,
    inviteeName: i.inviteeName,
    invitedByName: i.invitedByName,
    createdAt: i.createdAt,
    validUntil: i.validUntil,
    status: inviteStatus(i, now),
    link: `${INVITE_PAGE}?code=${i.code}`,
  };
}

export function holderView(h: HolderRecord): RoleHolder {
  return {
    userId: h.userId,
    name: h.name,
    role: h.role,
    streetId: h.streetId,
    communityId: h.communityId,
    communityName: h.communityName,
    grantedAt: h.grantedAt,
    grantedByName: h.grantedByName,
  };
}

export function auditView(a: AuditRecord): RoleAuditEntry {
  return {
    id: a.id,
    action: a.action,
    role: a.role,
    userId: a.userId,
    name: a.name,
    communityId: a.communityId,
    communityName: a.communityName,
    byUserId: a.byUserId,
    byName: a.byName,
    at: a.at,
    inviteCode: a.inviteCode,
  };
}
