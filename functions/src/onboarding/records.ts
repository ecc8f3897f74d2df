/** Stored shapes of the onboarding feature. */
import type { InvitedRole } from '@linli/shared/contract/onboarding';
import type { StoredInviteStatus } from '@linli/shared/domain/onboarding/invites';

export interface StreetRecord {
  id: string;
  name: string;
  city: string;
  district: string;
  createdAt: string;
  createdBy: string;
}

/** The community's META item as onboarding reads and writes it. */
export interface CommunityMetaRecord {
  id: string;
  name: string;
  city: string;
  district: string;
  address: string;
  streetId?: string;
  streetName?: string;
}

export interface InviteRecord {
  code: string;
  role: InvitedRole;
  streetId?: string;
  streetName?: string;
  communityId?: string;
  communityName?: string;
  inviteeName: string;
  invitedBy: string;
  invitedByName: string;
  createdAt: string;
  validUntil: string;
  status: StoredInviteStatus;
  usedBy?: string;
  usedAt?: string;
  revokedAt?: string;
}

export interface HolderRecord {
  userId: string;
  name: string;
  role: InvitedRole;
  streetId?: string;
  communityId?: string;
  communityName?: string;
  grantedAt: string;
  grantedBy: string;
  grantedByName: string;
  inviteCode?: string;
}

export interface AuditRecord {
  id: string;
  action: 'appointed' | 'removed' | 'invited' | 'invite-revoked' | 'phone-revealed';
  role: InvitedRole;
  userId?: string;
  name: string;
  communityId?: string;
  communityName?: string;
  byUserId: string;
  byName: string;
  at: string;
  inviteCode?: string;
}
