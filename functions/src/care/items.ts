/**
 * Keys and item builders of the care entities, declared once (the seed uses them too); no I/O.
 * Access patterns (also in table.ts and docs/data-model.md):
 *  AP80 a wish                                  GetItem pk=WISH#<id> sk=META
 *  AP81 a wish's timeline, in order             Query pk=WISH#<id> begins_with(sk, TL#)
 *  AP82 a community's wishes by status          Query gsi1 gsi1pk=COMMUNITY#<id>#WISHES#<STATUS>
 *  AP83 a claimer's wishes, newest claim first  Query gsi2 gsi2pk=WISHCLAIMER#<community>#<kind>#<id>
 *  AP84 a member's wishes                       Query pk=MEMBER#<id> begins_with(sk, WISH#)
 *  AP85 claimer figures of a year               Query pk=WISHSTATS#<community>#<yyyy>
 *  AP86 partner units / invite / operator       Query pk=COMMUNITY#<id> begins_with(sk, PARTNER#); GetItem pk=PARTNERINVITE#<code>; pk=USER#<id> sk=PARTNER
 *  AP87 a community's care settings             GetItem pk=COMMUNITY#<id> sk=SETTINGS#care
 */
import { key as tableKey, partition } from '../table';
import type { ClaimerStatRecord, PartnerRecord, WishRecord, WishTimelineRecord } from './records';

type Item = Record<string, unknown>;

/** Care's item types: wishes and partner units (here), needs (need-items.ts), visits (visit-items.ts). */
export const careTypes = [
  'Wish',
  'WishTimeline',
  'MemberWish',
  'WishClaimerStat',
  'PartnerUnit',
  'PartnerInvite',
  'PartnerOperator',
  'CareSettings',
  'Need',
  'NeedTimeline',
  'MemberNeed',
  'GridWorker',
  'Visit',
  'VisitIntervals',
] as const;
export type CareType = (typeof careTypes)[number];

/** States in which a wish is listed under its claimer. */
const HELD = new Set(['claimed', 'delivered', 'fulfilled']);

export const careKey = {
  wish: (wishId: string) => ({ pk: `WISH#${wishId}`, sk: 'META' }),
  wishTimeline: (wishId: string, seq: number) => ({ pk: `WISH#${wishId}`, sk: `TL#${String(seq).padStart(5, '0')}` }),
  wishTimelinePrefix: 'TL#',
  memberWish: (memberId: string, wishId: string) => ({ pk: partition.member(memberId), sk: `WISH#${wishId}` }),
  memberWishPrefix: 'WISH#',
  claimerStat: (communityId: string, year: string, kind: string, claimerId: string) => ({
    pk: `WISHSTATS#${communityId}#${year}`,
    sk: `${kind}#${claimerId}`,
  }),
  partner: (communityId: string, partnerId: string) => ({
    pk: partition.community(communityId),
    sk: `PARTNER#${partnerId}`,
  }),
  partnerPrefix: 'PARTNER#',
  partnerInvite: (code: string) => ({ pk: `PARTNERINVITE#${code}`, sk: 'META' }),
  partnerOperator: (userId: string) => ({ pk: partition.user(userId), sk: 'PARTNER' }),
  settings: (communityId: string) => ({ pk: partition.community(communityId), sk: 'SETTINGS#care' }),
  member: tableKey.member,
} as const;

export const careIndex = {
  communityWishes: (communityId: string, status: string) => `COMMUNITY#${communityId}#WISHES#${status.toUpperCase()}`,
  claimerWishes: (communityId: string, kind: string, claimerId: string) =>
    `WISHCLAIMER#${communityId}#${kind}#${claimerId}`,
} as const;

/** Index attributes of a wish: its status list always, its claimer's list while someone holds it. */
export function wishIndexes(w: WishRecord): Item {
  const held = HELD.has(w.status) && w.claimer;
  return {
    gsi1pk: careIndex.communityWishes(w.communityId, w.status),
    gsi1sk: `${w.statusAt}#${w.wishId}`,
    ...(held
      ? {
          gsi2pk: careIndex.claimerWishes(w.communityId, w.claimer!.kind, w.claimer!.id),
          gsi2sk: `${w.claimedAt}#${w.wishId}`,
        }
      : {}),
  };
}

export const wishItem = (w: WishRecord): Item => ({ ...careKey.wish(w.wishId), type: 'Wish', ...w, ...wishIndexes(w) });

export const wishTimelineItem = (e: WishTimelineRecord): Item => ({
  ...careKey.wishTimeline(e.wishId, e.seq),
  type: 'WishTimeline',
  ...e,
});

export const memberWishItem = (w: Pick<WishRecord, 'memberId' | 'wishId' | 'communityId'>): Item => ({
  ...careKey.memberWish(w.memberId, w.wishId),
  type: 'MemberWish',
  wishId: w.wishId,
  communityId: w.communityId,
});

export const partnerItem = (p: PartnerRecord): Item => ({
  ...careKey.partner(p.communityId, p.partnerId),
  type: 'PartnerUnit',
  ...p,
});

export const partnerInviteItem = (code: string, p: Pick<PartnerRecord, 'communityId' | 'partnerId'>): Item => ({
  ...careKey.partnerInvite(code),
  type: 'PartnerInvite',
  communityId: p.communityId,
  partnerId: p.partnerId,
  status: 'open',
});

export type { ClaimerStatRecord };
