/** How points records read to people, and the posting record every ledger change starts from. */
import { ulid } from 'ulidx';
import type { Activity, Merchant, Receipt, Signup } from '@linli/shared/contract/points';
import { agreementActive, parseAccount, shanghaiMonth, type PostingDraft } from '@linli/shared/domain/points/ledger';
import type { ActivityRecord, EntryRecord, MerchantRecord, PostingRecord, SignupRecord } from './records';

export const nowIso = () => new Date().toISOString();

export interface Actor {
  userId: string;
  name: string;
}

/** A posting record from a draft: who made it, when, and what it is about. */
export function record(
  communityId: string,
  d: PostingDraft,
  by: Actor,
  extra: Partial<PostingRecord> = {},
  at = new Date(),
): PostingRecord {
  return {
    postingId: ulid(at.getTime()),
    communityId,
    postingKey: d.postingKey,
    kind: d.kind,
    reason: d.reason,
    entries: d.entries,
    postedAt: at.toISOString(),
    month: shanghaiMonth(at),
    byUserId: by.userId,
    byName: by.name,
    ...extra,
  };
}

// ── views ────────────────────────────────────────────────────────────────────

export function signupView(s: SignupRecord): Signup {
  return {
    signupId: s.signupId,
    activityId: s.activityId,
    userId: s.userId,
    name: s.name,
    status: s.status,
    checkedInAt: s.checkedInAt,
    checkedOutAt: s.checkedOutAt,
    measuredMinutes: s.measuredMinutes,
    confirmedMinutes: s.confirmedMinutes,
    points: s.points,
    adjustReason: s.adjustReason,
  };
}

export function activityView(a: ActivityRecord, mine?: SignupRecord): Activity {
  return {
    activityId: a.activityId,
    communityId: a.communityId,
    title: a.title,
    place: a.place,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    slots: a.slots,
    signedUp: a.signedUp,
    award: a.award,
    mySignup: mine ? signupView(mine) : undefined,
  };
}

export function merchantView(m: MerchantRecord, forStaff: boolean, now = new Date()): Merchant {
  return {
    merchantId: m.id,
    name: m.name,
    address: m.address,
    category: m.category,
    agreement: m.agreement,
    active: m.agreement ? agreementActive(m.agreement, now) : false,
    ...(forStaff ? { inviteCode: m.inviteCode, operatorBound: Boolean(m.operatorUserId) } : {}),
  };
}

export const entryView = (e: EntryRecord) => ({
  postingId: e.postingId,
  kind: e.kind,
  amount: e.amount,
  reason: e.redemption ? `${e.redemption.merchantName}：${e.redemption.offerTitle}` : e.reason,
  postedAt: e.postedAt,
  reversed: e.reversed,
});

export function receiptView(p: PostingRecord): Receipt {
  const r = p.redemption!;
  return {
    postingId: p.postingId,
    codeId: r.codeId,
    maskedName: r.maskedName,
    merchantId: r.merchantId,
    merchantName: r.merchantName,
    offerTitle: r.offerTitle,
    points: p.entries.find((e) => e.amount > 0)!.amount,
    deductionFen: r.deductionFen,
    redeemedAt: p.postedAt,
    reversed: p.reversedBy ? true : undefined,
  };
}

export function auditView(p: PostingRecord) {
  const volunteer = p.entries.find((e) => parseAccount(e.account)?.kind === 'volunteer');
  const largest = p.entries.reduce((a, b) => (Math.abs(b.amount) > Math.abs(a.amount) ? b : a));
  return {
    postingId: p.postingId,
    kind: p.kind,
    volunteerUserId: p.volunteerUserId,
    volunteerName: p.volunteerName,
    amount: (volunteer ?? largest).amount,
    reason: p.reason,
    byUserId: p.byUserId,
    byName: p.byName,
    postedAt: p.postedAt,
    reverses: p.reverses,
  };
}
