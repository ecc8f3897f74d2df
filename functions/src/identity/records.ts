import type { RoleGrant } from '@linli/shared/contract/principal';

/** A WeChat account (or a demo login) that can sign in. */
export interface UserRecord {
  userId: string;
  name: string;
  grants: RoleGrant[];
  /** Set once the user's membership is approved. */
  memberId?: string;
  /** The WeChat openid; stays in the backend (subscribe messages are addressed by it). */
  openid?: string;
  /** Bumped to revoke every refresh token of the user. */
  tokenVersion: number;
  createdAt: string;
}

/** A person known to the community, with or without WeChat. */
export interface MemberRecord extends Address {
  memberId: string;
  householdKey: string;
  realName: string;
  birthDate: string;
  /** Stored once, here; every answer shows it masked. */
  phone?: string;
  userId?: string;
  status: 'verified' | 'pending' | 'rejected';
  /** Care tags (独居, 高龄, 低保, 残疾), carried over from the roster when it knows the person. */
  tags?: string[];
  registeredBy: string;
  createdAt: string;
}

export interface ApplicationRecord extends Address {
  applicationId: string;
  userId: string;
  realName: string;
  birthDate: string;
  phone: string;
  status: 'pending' | 'approved' | 'rejected';
  reason?: string;
  createdAt: string;
  decidedAt?: string;
  /** A staff user id, or `roster` when a roster match approved it at once. */
  decidedBy?: string;
  rosterMatch?: { personId: string; name: string; matchedOn: ('name' | 'room' | 'phone4')[] };
}

export type RelationName = '父母' | '祖父母' | '配偶' | '子女' | '兄弟姐妹' | '其他亲属';

export interface LinkRecord {
  linkId: string;
  communityId: string;
  caregiverUserId: string;
  caregiverName: string;
  caregiverMemberId: string;
  dependentMemberId: string;
  relation: RelationName;
  status: 'pending' | 'active' | 'rejected';
  reason?: string;
  createdAt: string;
  decidedAt?: string;
  decidedBy?: string;
}

/** Where a person lives, resolved against the community structure. */
export interface Address {
  communityId: string;
  communityName: string;
  buildingId: string;
  buildingName: string;
  unitId: string;
  unitName: string;
  room: string;
}
