import type { Agreement } from '@linli/shared/contract/points';
import type { Award, Entry, PostingKind } from '@linli/shared/domain/points/ledger';

/** One posting of the ledger: append-only, unique on its key. */
export interface PostingRecord {
  postingId: string;
  communityId: string;
  postingKey: string;
  kind: PostingKind;
  reason: string;
  entries: Entry[];
  postedAt: string;
  /** Asia/Shanghai month of postedAt (the month figures it counts in). */
  month: string;
  byUserId: string;
  byName: string;
  /** The volunteer the posting is about, if any. */
  volunteerUserId?: string;
  volunteerName?: string;
  /** Redemptions: what was bought where. */
  redemption?: RedemptionMemo;
  /** Reversals: the posting they undo. */
  reverses?: string;
  /** Set on the original when a reversal undoes it. */
  reversedBy?: string;
}

export interface RedemptionMemo {
  codeId: string;
  merchantId: string;
  merchantName: string;
  offerTitle: string;
  maskedName: string;
  deductionFen?: number;
}

/** One account's side of a posting. */
export interface EntryRecord {
  communityId: string;
  account: string;
  postingId: string;
  postingKey: string;
  kind: PostingKind;
  amount: number;
  reason: string;
  postedAt: string;
  month: string;
  redemption?: RedemptionMemo;
  reversed?: boolean;
}

export interface ActivityRecord {
  activityId: string;
  communityId: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  slots: number;
  signedUp: number;
  award: Award;
  createdBy: string;
  createdAt: string;
}

export type SignupStatus = 'signed_up' | 'checked_in' | 'checked_out' | 'confirmed';

export interface SignupRecord {
  signupId: string;
  activityId: string;
  communityId: string;
  userId: string;
  name: string;
  status: SignupStatus;
  createdAt: string;
  checkedInAt?: string;
  checkedOutAt?: string;
  measuredMinutes?: number;
  confirmedMinutes?: number;
  points?: number;
  adjustReason?: string;
  confirmedBy?: string;
  activityTitle: string;
  activityStartsAt: string;
}

export interface VolunteerRecord {
  userId: string;
  communityId: string;
  name: string;
  showOnStarList: boolean;
  joinedAt: string;
}

export interface MerchantRecord {
  id: string;
  communityId: string;
  name: string;
  address: string;
  category: string;
  agreement?: Agreement;
  inviteCode?: string;
  operatorUserId?: string;
}

export interface PointsSettings {
  pointsPerDelivery: number;
}

export const DEFAULT_POINTS_SETTINGS: PointsSettings = { pointsPerDelivery: 10 };
