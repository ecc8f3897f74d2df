/**
 * Keys, index values, type tags and item builders of the points entities, declared once: the
 * ledger's postings, entries, balances and month figures (whose writes ledger-items.ts builds),
 * volunteers, their activities and signups, partner merchants, settings and redemption short
 * codes. No I/O, no shared-package imports (the seed loads it). The volunteer key lives in
 * table.ts, since care reads volunteers.
 */
import { index as sharedIndex, key as sharedKey, partition } from '../table';
import type { ActivityRecord, MerchantRecord, PointsSettings, SignupRecord, VolunteerRecord } from './records';

type Item = Record<string, unknown>;

/** Type tags of the ledger's items (balances and month figures are tagged by their UpdateItem). */
export const ledgerTypes = ['Posting', 'PointsEntry', 'PointsBalance', 'PointsMonth'] as const;
export type LedgerType = (typeof ledgerTypes)[number];

export const ledgerKey = {
  /** A posting, unique on its idempotency key (AP57). */
  posting: (communityId: string, postingKey: string) => ({
    pk: `PTPOSTING#${communityId}#${postingKey}`,
    sk: 'POSTING',
  }),
  /** The partition of one account: its balance, entries and month figures. */
  account: (communityId: string, account: string) => `PTACCT#${communityId}#${account}`,
  /** A points account's balance; the issuance account keeps `shards` items to spread its writes. */
  balance: (communityId: string, account: string, shard?: number) => ({
    pk: ledgerKey.account(communityId, account),
    sk: shard === undefined ? 'BALANCE' : `BALANCE#${shard}`,
  }),
  entry: (communityId: string, account: string, month: string, postedAt: string, postingId: string) => ({
    pk: ledgerKey.account(communityId, account),
    sk: `${ledgerKey.entryPrefix(month)}${postedAt}#${postingId}`,
  }),
  /** Sort-key prefix of an account's entries, or of one month's (AP56). */
  entryPrefix: (month?: string) => (month ? `ENTRY#${month}#` : 'ENTRY#'),
  month: (communityId: string, account: string, month: string, shard?: number) => ({
    pk: ledgerKey.account(communityId, account),
    sk: shard === undefined ? `MONTH#${month}` : `MONTH#${month}#${shard}`,
  }),
  monthPrefix: 'MONTH#',
} as const;

export const ledgerIndex = {
  /** A posting by its id (AP58). */
  postingId: (postingId: string) => `PTPOSTINGID#${postingId}`,
  /** Manual adjustments and reversals, for the audit list (AP72). */
  pointsAudit: (communityId: string) => `COMMUNITY#${communityId}#PTAUDIT`,
} as const;

export const pointsTypes = [
  ...ledgerTypes,
  'Volunteer',
  'VolunteerStar',
  'Activity',
  'Signup',
  'Merchant',
  'MerchantInvite',
  'MerchantOperator',
  'RedemptionShortCode',
  'PointsSettings',
] as const;
export type PointsType = (typeof pointsTypes)[number];

export const pointsKey = {
  volunteer: sharedKey.volunteer,
  /** A month's confirmed minutes per volunteer (志愿之星, AP68); written by UpdateItem ADD. */
  volunteerStar: (communityId: string, month: string, userId: string) => ({
    pk: pointsKey.starsPartition(communityId, month),
    sk: `USER#${userId}`,
  }),
  starsPartition: (communityId: string, month: string) => `PTSTARS#${communityId}#${month}`,
  activity: (activityId: string) => ({ pk: `ACTIVITY#${activityId}`, sk: 'META' }),
  signup: (activityId: string, userId: string) => ({ pk: `ACTIVITY#${activityId}`, sk: `SIGNUP#${userId}` }),
  signupPrefix: 'SIGNUP#',
  merchant: (communityId: string, merchantId: string) => ({
    pk: partition.community(communityId),
    sk: `MERCHANT#${merchantId}`,
  }),
  merchantPrefix: 'MERCHANT#',
  merchantInvite: (code: string) => ({ pk: `MERCHANTINVITE#${code}`, sk: 'META' }),
  merchantOperator: (userId: string) => ({ pk: partition.user(userId), sk: 'MERCHANT' }),
  /** A redemption's typed short code → its signed code (AP73). */
  redemptionShortCode: (communityId: string, code: string) => ({ pk: `REDEEMCODE#${communityId}#${code}`, sk: 'META' }),
  settings: (communityId: string) => ({ pk: partition.community(communityId), sk: 'SETTINGS#points' }),
} as const;

export const pointsIndex = {
  communityActivities: (communityId: string) => `COMMUNITY#${communityId}#ACTIVITIES`,
  userSignups: (userId: string) => `USER#${userId}#SIGNUPS`,
  pendingHours: (communityId: string) => `COMMUNITY#${communityId}#HOURS#PENDING`,
  communityVolunteers: sharedIndex.communityVolunteers,
} as const;

export function volunteerItem(v: VolunteerRecord): Item {
  return {
    ...pointsKey.volunteer(v.userId, v.communityId),
    type: 'Volunteer',
    ...v,
    gsi1pk: pointsIndex.communityVolunteers(v.communityId),
    gsi1sk: `${v.joinedAt}#${v.userId}`,
  };
}

export function activityItem(a: ActivityRecord): Item {
  return {
    ...pointsKey.activity(a.activityId),
    type: 'Activity',
    ...a,
    gsi1pk: pointsIndex.communityActivities(a.communityId),
    gsi1sk: `${a.endsAt}#${a.activityId}`,
  };
}

/** A signup, listed under its volunteer and, while its hours await confirmation, its community's queue. */
export function signupItem(s: SignupRecord): Item {
  return {
    ...pointsKey.signup(s.activityId, s.userId),
    type: 'Signup',
    ...s,
    gsi1pk: pointsIndex.userSignups(s.userId),
    gsi1sk: `${s.activityStartsAt}#${s.activityId}`,
    ...(s.status === 'checked_out' && s.checkedOutAt
      ? { gsi2pk: pointsIndex.pendingHours(s.communityId), gsi2sk: `${s.checkedOutAt}#${s.signupId}` }
      : {}),
  };
}

export const merchantItem = (m: MerchantRecord): Item => ({
  ...pointsKey.merchant(m.communityId, m.id),
  type: 'Merchant',
  ...m,
});

export const merchantInviteItem = (code: string, m: Pick<MerchantRecord, 'communityId' | 'id'>): Item => ({
  ...pointsKey.merchantInvite(code),
  type: 'MerchantInvite',
  communityId: m.communityId,
  merchantId: m.id,
  status: 'open',
});

export const merchantOperatorItem = (
  userId: string,
  m: { communityId: string; merchantId: string },
  boundAt?: string,
): Item & { pk: string; sk: string } => ({
  ...pointsKey.merchantOperator(userId),
  type: 'MerchantOperator',
  ...m,
  ...(boundAt ? { boundAt } : {}),
});

export const redemptionShortCodeItem = (r: { communityId: string; shortCode: string }): Item => ({
  ...pointsKey.redemptionShortCode(r.communityId, r.shortCode),
  type: 'RedemptionShortCode',
  ...r,
});

export const settingsItem = (communityId: string, settings: PointsSettings): Item => ({
  ...pointsKey.settings(communityId),
  type: 'PointsSettings',
  communityId,
  ...settings,
});
