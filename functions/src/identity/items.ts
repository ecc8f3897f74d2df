/**
 * Keys, index values, type tags and item builders of the identity entities, declared once (the
 * seed and tests use them too); no I/O. The user, member and link keys live in table.ts, since
 * other features read those items.
 */
import { index as sharedIndex, key as sharedKey, partition } from '../table';
import type { ApplicationRecord, LinkRecord, MemberRecord, UserRecord } from './records';

type Item = Record<string, unknown>;

export const identityTypes = [
  'User',
  'OpenId',
  'MembershipLock',
  'Application',
  'Member',
  'CareGrant',
  'Link',
] as const;
export type IdentityType = (typeof identityTypes)[number];

export const identityKey = {
  user: sharedKey.user,
  member: sharedKey.member,
  link: sharedKey.link,
  openid: (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'USER' }),
  /** One open-or-approved membership per user; its existence refuses a second application. */
  membershipLock: (userId: string) => ({ pk: partition.user(userId), sk: 'MEMBERSHIP' }),
  application: (applicationId: string) => ({ pk: `APPLICATION#${applicationId}`, sk: 'META' }),
  /** A caregiver's right to act for a member (pending until staff confirm). */
  careGrant: (memberId: string, userId: string) => ({ pk: partition.member(memberId), sk: `CAREGIVER#${userId}` }),
  /** Sort-key prefix of a member's care grants (AP12, a grid worker's view of the caregivers). */
  careGrantPrefix: 'CAREGIVER#',
} as const;

export const identityIndex = {
  userApplications: (userId: string) => `USER#${userId}#APPLICATIONS`,
  communityApplications: (communityId: string, status: string) =>
    `COMMUNITY#${communityId}#APPLICATIONS#${status.toUpperCase()}`,
  communityMembers: sharedIndex.communityMembers,
  memberSort: (m: { buildingId: string; unitId: string; room: string; memberId: string }) =>
    `${identityIndex.membersAtPrefix(m.buildingId, m.unitId)}${m.room}#${m.memberId}`,
  /** The sort-value prefix of one building's members, or one unit's, in the community's list (AP10). */
  membersAtPrefix: (buildingId: string, unitId?: string) => (unitId ? `${buildingId}#${unitId}#` : `${buildingId}#`),
  household: (householdKey: string) => `HOUSEHOLD#${householdKey}`,
  userLinks: (userId: string) => `USER#${userId}#LINKS`,
  communityLinks: (communityId: string, status: string) => `COMMUNITY#${communityId}#LINKS#${status.toUpperCase()}`,
  /** The demo logins (dev mode only, AP15). */
  devLogins: () => 'DEVLOGINS',
} as const;

/** A user's profile; a demo login (`devCode`) is also listed for the dev sign-in page (AP15). */
export function userItem(u: UserRecord & { devCode?: string; roleLabel?: string }): Item {
  return {
    ...identityKey.user(u.userId),
    type: 'User',
    ...u,
    ...(u.devCode ? { gsi1pk: identityIndex.devLogins(), gsi1sk: u.devCode } : {}),
  };
}

export const openidItem = (openid: string, userId: string): Item => ({
  ...identityKey.openid(openid),
  type: 'OpenId',
  userId,
});

export const membershipLockItem = (userId: string, applicationId: string, status: 'pending' | 'approved'): Item => ({
  ...identityKey.membershipLock(userId),
  type: 'MembershipLock',
  applicationId,
  status,
});

export const careGrantItem = (
  memberId: string,
  userId: string,
  status: 'pending' | 'active' | 'rejected',
  linkId: string,
): Item => ({ ...identityKey.careGrant(memberId, userId), type: 'CareGrant', status, linkId });

/** A member item with its index attributes (community listing and household). */
export function memberItem(m: MemberRecord): Item {
  return {
    ...identityKey.member(m.memberId),
    type: 'Member',
    ...m,
    gsi1pk: identityIndex.communityMembers(m.communityId),
    gsi1sk: identityIndex.memberSort(m),
    gsi2pk: identityIndex.household(m.householdKey),
    gsi2sk: `MEMBER#${m.memberId}`,
  };
}

/** An application item, indexed for its user and for its community's queue by status. */
export function applicationItem(a: ApplicationRecord): Item {
  return {
    ...identityKey.application(a.applicationId),
    type: 'Application',
    ...a,
    gsi1pk: identityIndex.userApplications(a.userId),
    gsi1sk: `${a.createdAt}#${a.applicationId}`,
    gsi2pk: identityIndex.communityApplications(a.communityId, a.status),
    gsi2sk: `${a.createdAt}#${a.applicationId}`,
  };
}

/** A link item, indexed for its caregiver and for its community's queue by status. */
export function linkItem(l: LinkRecord): Item {
  return {
    ...identityKey.link(l.linkId),
    type: 'Link',
    ...l,
    gsi1pk: identityIndex.userLinks(l.caregiverUserId),
    gsi1sk: `${l.createdAt}#${l.linkId}`,
    gsi2pk: identityIndex.communityLinks(l.communityId, l.status),
    gsi2sk: `${l.createdAt}#${l.linkId}`,
  };
}
