/** Item builders of the identity entities: keys and index attributes, no I/O. */
import { index, key } from '../table';
import type { ApplicationRecord, LinkRecord, MemberRecord } from './records';

type Item = Record<string, unknown>;

/** A member item with its index attributes (community listing and household). */
export function memberItem(m: MemberRecord): Item {
  return {
    ...key.member(m.memberId),
    type: 'Member',
    ...m,
    gsi1pk: index.communityMembers(m.communityId),
    gsi1sk: index.memberSort(m),
    gsi2pk: index.household(m.householdKey),
    gsi2sk: `MEMBER#${m.memberId}`,
  };
}

/** An application item, indexed for its user and for its community's queue by status. */
export function applicationItem(a: ApplicationRecord): Item {
  return {
    ...key.application(a.applicationId),
    type: 'Application',
    ...a,
    gsi1pk: index.userApplications(a.userId),
    gsi1sk: `${a.createdAt}#${a.applicationId}`,
    gsi2pk: index.communityApplications(a.communityId, a.status),
    gsi2sk: `${a.createdAt}#${a.applicationId}`,
  };
}

/** A link item, indexed for its caregiver and for its community's queue by status. */
export function linkItem(l: LinkRecord): Item {
  return {
    ...key.link(l.linkId),
    type: 'Link',
    ...l,
    gsi1pk: index.userLinks(l.caregiverUserId),
    gsi1sk: `${l.createdAt}#${l.linkId}`,
    gsi2pk: index.communityLinks(l.communityId, l.status),
    gsi2sk: `${l.createdAt}#${l.linkId}`,
  };
}
