import type { Claimer, WishCategory, WishHandover, WishStatus } from '@linli/shared/domain/care/wish';
import type { MemberTag } from '@linli/shared/domain/care/tags';

/** A 微心愿 as stored: pk=WISH#<id>, sk=META. */
export interface WishRecord {
  wishId: string;
  communityId: string;
  text: string;
  /** The words the wisher's side wrote, kept when staff edit the wording for privacy. */
  originalText?: string;
  category: WishCategory;
  handover: WishHandover;
  showBuilding: boolean;
  /** A photo given as a URL (older wishes, or one already online). */
  photoUrl?: string;
  /** The kept key of an uploaded photo (photos feature); checked by WeChat before others see it. */
  photoKey?: string;
  memberId: string;
  memberName: string;
  /** The wisher's user (when they have WeChat), told of every step. */
  memberUserId?: string;
  buildingName: string;
  /** 6号楼2单元301: only for staff and the current claimer of a 上门送达 wish. */
  address: string;
  priority: boolean;
  recordedByUserId: string;
  recordedByName: string;
  via: 'self' | 'caregiver' | 'staff';
  offeredTo: { kind: 'all' } | { kind: 'partner'; partnerId: string; partnerName: string };
  status: WishStatus;
  /** Number of timeline entries; every state change is conditioned on the one it read. */
  version: number;
  claimer?: Claimer;
  claimedAt?: string;
  deliveryNote?: string;
  deliveryPhotoUrl?: string;
  deliveryPhotoKey?: string;
  createdAt: string;
  statusAt: string;
  fulfilledAt?: string;
}

/** One append-only timeline entry: pk=WISH#<id>, sk=TL#<seq>. */
export interface WishTimelineRecord {
  wishId: string;
  seq: number;
  at: string;
  byId: string;
  byName: string;
  byRole: 'resident' | 'caregiver' | 'staff' | 'volunteer' | 'partner';
  from: WishStatus | null;
  to: WishStatus;
  note?: string;
}

/** A claimer's figures for one year: pk=WISHSTATS#<community>#<yyyy>, sk=<kind>#<claimerId>. */
export interface ClaimerStatRecord {
  kind: Claimer['kind'];
  claimerId: string;
  name: string;
  claimed?: number;
  fulfilled?: number;
}

/** A partner unit (共建单位): pk=COMMUNITY#<id>, sk=PARTNER#<id>. */
export interface PartnerRecord {
  partnerId: string;
  communityId: string;
  name: string;
  kind: string;
  inviteCode?: string;
  operatorUserId?: string;
  createdAt: string;
}

export interface CareSettingsRecord {
  overdueDays: number;
  pointsPerWish: number;
}

/** The part of a member item care reads: who, where, and the care tags (a field of the member item). */
export interface CareMember {
  memberId: string;
  communityId: string;
  realName: string;
  userId?: string;
  buildingId: string;
  buildingName: string;
  unitName: string;
  room: string;
  status: string;
  tags?: MemberTag[];
}
