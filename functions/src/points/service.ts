/**
 * Points use cases: volunteers, activities with QR check-in/out, hours confirmation, the
 * double-entry ledger (awards, deliveries, redemptions, adjustments, reversals), merchants with
 * their agreements, and the month figures.
 */
import { randomInt } from 'node:crypto';
import { ulid } from 'ulidx';
import type {
  Activity,
  Agreement,
  Merchant,
  MonthFigures,
  MyPoints,
  Offer,
  Receipt,
  RedemptionCode,
  Signup,
} from '@linli/shared/contract/points';
import type { Principal } from '@linli/shared/contract/principal';
import { CHECKIN_ALPHABET } from '@linli/shared/domain/council/rules';
import {
  ISSUANCE_ACCOUNT,
  adjustment,
  agreementActive,
  confirmationRefusal,
  deliveryAward,
  wishAward,
  hoursAward,
  maskName,
  merchantAccount,
  minutesBetween,
  monthsUpTo,
  offerPrice,
  parseAccount,
  pointsForMinutes,
  redemption,
  reversal,
  reversalRefusal,
  shanghaiMonth,
  volunteerAccount,
  volunteerStars,
  type PostingDraft,
} from '@linli/shared/domain/points/ledger';
import { DomainError } from '@linli/shared/errors';
import { getUser } from '../identity/repository';
import type { OutboxEvent } from '../platform/outbox';
import { activityCode, expired, readActivityCode, readRedemptionCode, redemptionCode } from './codes';
import * as repo from './repository';
import type { ActivityRecord, EntryRecord, MerchantRecord, PostingRecord, SignupRecord } from './records';

const nowIso = () => new Date().toISOString();

interface Actor {
  userId: string;
  name: string;
}

/** A posting record from a draft: who made it, when, and what it is about. */
function record(
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

function signupView(s: SignupRecord): Signup {
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

function activityView(a: ActivityRecord, mine?: SignupRecord): Activity {
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

function merchantView(m: MerchantRecord, forStaff: boolean, now = new Date()): Merchant {
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

const entryView = (e: EntryRecord) => ({
  postingId: e.postingId,
  kind: e.kind,
  amount: e.amount,
  reason: e.redemption ? `${e.redemption.merchantName}：${e.redemption.offerTitle}` : e.reason,
  postedAt: e.postedAt,
  reversed: e.reversed,
});

function receiptView(p: PostingRecord): Receipt {
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

function auditView(p: PostingRecord) {
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

// ── volunteers ───────────────────────────────────────────────────────────────

/**
 * 成为志愿者: immediate for a verified resident of the community. Staff already verified who they
 * are; joining lets them sign up, and every point still needs staff to confirm the hours.
 */
export async function joinVolunteers(principal: Principal, communityId: string, showOnStarList: boolean) {
  const resident = principal.grants.find((g) => g.role === 'resident' && g.communityId === communityId);
  if (!resident) throw new DomainError('NOT_A_MEMBER');
  const user = await getUser(principal.userId);
  const v = {
    userId: principal.userId,
    communityId,
    name: user?.name ?? principal.name,
    showOnStarList,
    joinedAt: nowIso(),
  };
  const outcome = await repo.joinVolunteers(v);
  if (outcome === 'already') throw new DomainError('ALREADY_VOLUNTEER');
  if (outcome === 'no-user') throw new DomainError('TOKEN_INVALID');
  return { ...v, balance: 0 };
}

export async function listVolunteers(communityId: string) {
  const volunteers = await repo.listVolunteers(communityId);
  const balances = await Promise.all(volunteers.map((v) => repo.balanceOf(communityId, volunteerAccount(v.userId))));
  return {
    volunteers: volunteers.map((v, i) => ({
      userId: v.userId,
      name: v.name,
      balance: balances[i]!,
      showOnStarList: v.showOnStarList,
      joinedAt: v.joinedAt,
    })),
  };
}

/** Balance, pending points (hours checked out, not yet confirmed) and the history of a volunteer. */
export async function pointsOf(communityId: string, userId: string): Promise<MyPoints> {
  const account = volunteerAccount(userId);
  const [balance, entries, signups] = await Promise.all([
    repo.balanceOf(communityId, account),
    repo.accountEntries(communityId, account, { limit: 100 }),
    repo.listUserSignups(userId),
  ]);
  const pendingPoints = signups
    .filter((s) => s.communityId === communityId && s.status === 'checked_out')
    .reduce((sum, s) => sum + (s.points ?? 0), 0);
  return { balance, pendingPoints, entries: entries.map(entryView) };
}

// ── activities ───────────────────────────────────────────────────────────────

async function activityOf(communityId: string, activityId: string, consistent = false) {
  const a = await repo.getActivity(activityId, consistent);
  if (!a || a.communityId !== communityId) throw new DomainError('ACTIVITY_NOT_FOUND');
  return a;
}

export async function createActivity(
  principal: Principal,
  communityId: string,
  input: Pick<ActivityRecord, 'title' | 'place' | 'startsAt' | 'endsAt' | 'slots' | 'award'>,
): Promise<Activity> {
  const start = Date.parse(input.startsAt);
  const end = Date.parse(input.endsAt);
  if (!(end > start) || end - start > 24 * 3600_000 || end < Date.now())
    throw new DomainError('ACTIVITY_TIMES_INVALID');
  const a: ActivityRecord = {
    activityId: ulid(),
    communityId,
    ...input,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(end).toISOString(),
    signedUp: 0,
    createdBy: principal.userId,
    createdAt: nowIso(),
  };
  await repo.putActivity(a);
  return activityView(a);
}

export async function listActivities(principal: Principal, communityId: string) {
  const now = new Date();
  const [activities, mine] = await Promise.all([
    repo.listActivities(communityId, now),
    repo.listUserSignups(principal.userId),
  ]);
  const mineById = new Map(mine.map((s) => [s.activityId, s]));
  return {
    activities: activities
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((a) => activityView(a, mineById.get(a.activityId))),
  };
}

async function volunteerOf(principal: Principal, communityId: string) {
  const v = await repo.getVolunteer(principal.userId, communityId);
  if (!v) throw new DomainError('NOT_A_VOLUNTEER');
  return v;
}

export async function signUp(principal: Principal, communityId: string, activityId: string): Promise<Signup> {
  const a = await activityOf(communityId, activityId);
  const v = await volunteerOf(principal, communityId);
  const now = nowIso();
  if (a.endsAt <= now) throw new DomainError('ACTIVITY_CLOSED');
  const s: SignupRecord = {
    signupId: ulid(),
    activityId,
    communityId,
    userId: principal.userId,
    name: v.name,
    status: 'signed_up',
    createdAt: now,
    activityTitle: a.title,
    activityStartsAt: a.startsAt,
  };
  const outcome = await repo.signUp(s, now);
  if (outcome === 'already') throw new DomainError('ALREADY_SIGNED_UP');
  if (outcome === 'full-or-closed') {
    const fresh = await activityOf(communityId, activityId, true);
    throw new DomainError(fresh.endsAt <= now ? 'ACTIVITY_CLOSED' : 'ACTIVITY_FULL');
  }
  return signupView(s);
}

export async function getActivityCode(communityId: string, activityId: string, action: 'in' | 'out') {
  await activityOf(communityId, activityId);
  return { action, ...(await activityCode(communityId, activityId, action, new Date())) };
}

/** A volunteer scans the code staff show: check-in or check-out, as the code says. */
export async function scanActivityCode(principal: Principal, communityId: string, code: string) {
  const claims = await readActivityCode(code);
  if (!claims || claims.c !== communityId) throw new DomainError('ACTIVITY_CODE_INVALID');
  const now = new Date();
  if (expired(claims.e, now)) throw new DomainError('ACTIVITY_CODE_EXPIRED');
  const a = await activityOf(communityId, claims.a);
  const s = await repo.getSignup(a.activityId, principal.userId);
  if (!s) throw new DomainError('NOT_SIGNED_UP');
  const at = now.toISOString();
  let next: SignupRecord;
  if (claims.x === 'in') {
    if (s.status !== 'signed_up') throw new DomainError('ACTIVITY_ALREADY_CHECKED_IN');
    next = { ...s, status: 'checked_in', checkedInAt: at };
  } else {
    if (s.status === 'signed_up') throw new DomainError('CHECKOUT_BEFORE_CHECKIN');
    if (s.status !== 'checked_in') throw new DomainError('ACTIVITY_ALREADY_CHECKED_OUT');
    const measuredMinutes = minutesBetween(s.checkedInAt!, at);
    next = {
      ...s,
      status: 'checked_out',
      checkedOutAt: at,
      measuredMinutes,
      points: pointsForMinutes(a.award, measuredMinutes),
    };
  }
  if (!(await repo.advanceSignup(next, s.status)))
    throw new DomainError(claims.x === 'in' ? 'ACTIVITY_ALREADY_CHECKED_IN' : 'ACTIVITY_ALREADY_CHECKED_OUT');
  return { action: claims.x, activity: activityView(a, next), signup: signupView(next) };
}

export async function listActivitySignups(communityId: string, activityId: string) {
  const a = await activityOf(communityId, activityId);
  const signups = await repo.listSignups(activityId);
  return { activity: activityView(a), signups: signups.map(signupView) };
}

export async function listPendingHours(communityId: string) {
  const pending = await repo.listPendingHours(communityId);
  const activities = await Promise.all(
    [...new Set(pending.map((s) => s.activityId))].map((id) => repo.getActivity(id)),
  );
  const byId = new Map(activities.filter((a): a is ActivityRecord => Boolean(a)).map((a) => [a.activityId, a]));
  return {
    items: pending.flatMap((s) => {
      const a = byId.get(s.activityId);
      return a ? [{ activity: activityView(a), signup: signupView(s) }] : [];
    }),
  };
}

/** Staff confirm the measured minutes (or others, with a reason); the award is posted at once. */
export async function confirmHours(
  principal: Principal,
  communityId: string,
  activityId: string,
  userId: string,
  input: { minutes?: number; reason?: string },
): Promise<Signup> {
  const a = await activityOf(communityId, activityId);
  const s = await repo.getSignup(activityId, userId);
  if (!s) throw new DomainError('SIGNUP_NOT_FOUND');
  if (s.status === 'confirmed') throw new DomainError('HOURS_ALREADY_CONFIRMED');
  if (s.status !== 'checked_out') throw new DomainError('HOURS_NOT_READY');
  const measured = s.measuredMinutes ?? 0;
  const minutes = input.minutes ?? measured;
  const reason = input.reason?.trim() || undefined;
  const refusal = confirmationRefusal(measured, minutes, reason);
  if (refusal) throw new DomainError(refusal);
  const points = pointsForMinutes(a.award, minutes);
  const at = new Date();
  const next: SignupRecord = {
    ...s,
    status: 'confirmed',
    confirmedMinutes: minutes,
    points,
    adjustReason: minutes !== measured ? reason : undefined,
    confirmedBy: principal.userId,
  };
  const volunteer = await repo.getVolunteer(userId, communityId);
  const event: OutboxEvent = {
    type: 'points.hours_confirmed',
    communityId,
    userId,
    activityTitle: a.title,
    minutes,
    points,
    adjusted: minutes !== measured,
    reason: next.adjustReason,
  };
  const month = shanghaiMonth(at);
  if (points === 0) {
    // Nothing to post (e.g. confirmed as 0 minutes): the signup is closed all the same.
    const closed = await repo.advanceSignup(next, 'checked_out');
    if (!closed) throw new DomainError('HOURS_ALREADY_CONFIRMED');
    return signupView(next);
  }
  const label = `志愿服务：${a.title}（${minutes} 分钟）`;
  const p = record(
    communityId,
    hoursAward(s.signupId, userId, points, reason ? `${label}，${reason}` : label),
    principal,
    {
      volunteerUserId: userId,
      volunteerName: s.name,
    },
    at,
  );
  const outcome = await repo.post(p, { extra: repo.confirmHoursWrites(next, month, volunteer), events: [event] });
  if (outcome.outcome !== 'posted') throw new DomainError('HOURS_ALREADY_CONFIRMED');
  return signupView(next);
}

// ── merchants ────────────────────────────────────────────────────────────────

const isStaff = (p: Principal) => p.grants.some((g) => g.role === 'staff' || g.role === 'admin');

export async function listMerchants(principal: Principal, communityId: string) {
  const merchants = await repo.listMerchants(communityId);
  const staff = isStaff(principal);
  return {
    merchants: merchants
      .filter((m) => staff || m.agreement)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((m) => merchantView(m, staff)),
  };
}

const newInviteCode = () =>
  Array.from({ length: 8 }, () => CHECKIN_ALPHABET[randomInt(CHECKIN_ALPHABET.length)]).join('');

export async function createMerchant(
  communityId: string,
  input: { name: string; address: string; category: string; agreement: Agreement },
): Promise<Merchant> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const m = { id: ulid(), communityId, ...input, inviteCode: newInviteCode() };
    if (await repo.createMerchant(m)) return merchantView(m, true);
  }
  throw new DomainError('SERVICE_UNAVAILABLE');
}

export async function updateAgreement(communityId: string, merchantId: string, agreement: Agreement) {
  const m = await repo.updateAgreement(communityId, merchantId, agreement);
  if (!m) throw new DomainError('MERCHANT_NOT_FOUND');
  return merchantView(m, true);
}

export async function bindMerchant(principal: Principal, inviteCode: string) {
  const code = inviteCode.trim().toUpperCase();
  const invite = await repo.getInvite(code);
  if (!invite) throw new DomainError('INVITE_CODE_INVALID');
  if (invite.status !== 'open') throw new DomainError('INVITE_CODE_USED');
  if (await repo.getMerchantOperator(principal.userId)) throw new DomainError('ALREADY_MERCHANT_OPERATOR');
  const outcome = await repo.bindOperator(principal.userId, code, invite, nowIso());
  if (outcome === 'invite-used') throw new DomainError('INVITE_CODE_USED');
  if (outcome === 'already-operator') throw new DomainError('ALREADY_MERCHANT_OPERATOR');
  if (outcome === 'no-user') throw new DomainError('TOKEN_INVALID');
  const m = await repo.getMerchant(invite.communityId, invite.merchantId);
  return { communityId: invite.communityId, merchantId: invite.merchantId, merchantName: m?.name ?? '' };
}

/** The merchant the caller operates in this community. */
function operatedMerchant(principal: Principal, communityId: string): string {
  const grant = principal.grants.find((g) => g.role === 'merchant' && g.communityId === communityId && g.merchantId);
  if (!grant?.merchantId) throw new DomainError('NOT_MERCHANT_OPERATOR');
  return grant.merchantId;
}

// ── redemption ───────────────────────────────────────────────────────────────

function activeOffer(m: MerchantRecord | undefined, offerId: string, now: Date): Offer {
  if (!m) throw new DomainError('MERCHANT_NOT_FOUND');
  if (!m.agreement || !agreementActive(m.agreement, now)) throw new DomainError('OFFER_NOT_ACTIVE');
  const offer = m.agreement.offers.find((o) => o.offerId === offerId);
  if (!offer) throw new DomainError('OFFER_NOT_FOUND');
  return offer;
}

/** A one-time code for an offer, valid 60 seconds; the balance is checked again when the merchant confirms. */
export async function createRedemptionCode(
  principal: Principal,
  communityId: string,
  input: { merchantId: string; offerId: string; orderFen?: number; points?: number },
): Promise<RedemptionCode> {
  await volunteerOf(principal, communityId);
  const now = new Date();
  const m = await repo.getMerchant(communityId, input.merchantId);
  const offer = activeOffer(m, input.offerId, now);
  const price = offerPrice(offer, input);
  if (!price.ok) throw new DomainError(price.code);
  const balance = await repo.balanceOf(communityId, volunteerAccount(principal.userId));
  if (balance < price.points) throw new DomainError('POINTS_INSUFFICIENT');
  const codeId = ulid(now.getTime());
  const signed = await redemptionCode(
    {
      i: codeId,
      c: communityId,
      u: principal.userId,
      m: m!.id,
      o: offer.offerId,
      p: price.points,
      f: price.deductionFen,
    },
    now,
  );
  return {
    codeId,
    ...signed,
    points: price.points,
    deductionFen: price.deductionFen,
    merchantName: m!.name,
    offerTitle: offer.title,
  };
}

async function checkedCode(principal: Principal, communityId: string, code: string) {
  const claims = await readRedemptionCode(code);
  if (!claims) throw new DomainError('REDEMPTION_CODE_INVALID');
  const now = new Date();
  if (expired(claims.e, now)) throw new DomainError('REDEMPTION_CODE_EXPIRED');
  if (claims.c !== communityId || claims.m !== operatedMerchant(principal, communityId))
    throw new DomainError('REDEMPTION_OTHER_MERCHANT');
  const m = await repo.getMerchant(communityId, claims.m);
  const offer = activeOffer(m, claims.o, now);
  const volunteer = await getUser(claims.u);
  return { claims, merchant: m!, offer, maskedName: maskName(volunteer?.name ?? '志愿者'), now };
}

export async function previewRedemption(principal: Principal, communityId: string, code: string) {
  const { claims, merchant, offer, maskedName } = await checkedCode(principal, communityId, code);
  if (await repo.getPostingByKey(communityId, `redeem#${claims.i}`)) throw new DomainError('REDEMPTION_CODE_USED');
  return {
    maskedName,
    merchantName: merchant.name,
    offerTitle: offer.title,
    points: claims.p,
    deductionFen: claims.f,
    expiresAt: new Date(claims.e * 1000).toISOString(),
  };
}

/** The merchant confirms: volunteer → merchant in one transaction, once per code, within the monthly cap. */
export async function confirmRedemption(principal: Principal, communityId: string, code: string): Promise<Receipt> {
  const { claims, merchant, offer, maskedName, now } = await checkedCode(principal, communityId, code);
  const p = record(
    communityId,
    redemption(claims.i, claims.u, merchant.id, claims.p, `兑换：${merchant.name} ${offer.title}`),
    principal,
    {
      volunteerUserId: claims.u,
      redemption: {
        codeId: claims.i,
        merchantId: merchant.id,
        merchantName: merchant.name,
        offerTitle: offer.title,
        maskedName,
        deductionFen: claims.f,
      },
    },
    now,
  );
  const event: OutboxEvent = {
    type: 'points.redeemed',
    communityId,
    userId: claims.u,
    operatorUserId: principal.userId,
    merchantName: merchant.name,
    offerTitle: offer.title,
    maskedName,
    points: claims.p,
    codeId: claims.i,
  };
  const outcome = await repo.post(p, { merchantCap: merchant.agreement?.monthlyCap, events: [event] });
  if (outcome.outcome === 'duplicate') throw new DomainError('REDEMPTION_CODE_USED');
  if (outcome.outcome === 'insufficient') throw new DomainError('POINTS_INSUFFICIENT');
  if (outcome.outcome === 'cap') throw new DomainError('MERCHANT_MONTHLY_CAP');
  if (outcome.outcome !== 'posted') throw new DomainError('SERVICE_UNAVAILABLE');
  return receiptView(p);
}

/** The volunteer's screen asks whether the merchant confirmed the code yet. */
export async function getRedemption(principal: Principal, communityId: string, codeId: string) {
  const p = await repo.getPostingByKey(communityId, `redeem#${codeId}`);
  if (!p) return { status: 'pending' as const };
  if (p.volunteerUserId !== principal.userId) throw new DomainError('REDEMPTION_NOT_FOUND');
  return { status: 'redeemed' as const, receipt: receiptView(p) };
}

export async function merchantRedemptions(
  principal: Principal,
  communityId: string,
  month = shanghaiMonth(new Date()),
) {
  const merchantId = operatedMerchant(principal, communityId);
  const m = await repo.getMerchant(communityId, merchantId);
  if (!m) throw new DomainError('MERCHANT_NOT_FOUND');
  const entries = await repo.accountEntries(communityId, merchantAccount(merchantId), { month });
  const redemptions = entries
    .filter((e) => e.kind === 'redeem' && e.redemption)
    .map((e): Receipt => ({
      postingId: e.postingId,
      codeId: e.redemption!.codeId,
      maskedName: e.redemption!.maskedName,
      merchantId,
      merchantName: m.name,
      offerTitle: e.redemption!.offerTitle,
      points: e.amount,
      deductionFen: e.redemption!.deductionFen,
      redeemedAt: e.postedAt,
      reversed: e.reversed,
    }));
  const figures = (await repo.monthFigures(communityId, merchantAccount(merchantId))).find((r) => r.month === month);
  return {
    merchant: merchantView(m, false),
    month,
    statement: {
      count: figures?.redemptions ?? 0,
      points: figures?.redeemed ?? 0,
      deductionFen: figures?.deductionFen ?? 0,
      monthlyCap: m.agreement?.monthlyCap,
    },
    redemptions,
  };
}

// ── adjustments, reversals, deliveries ───────────────────────────────────────

export async function adjustPoints(
  principal: Principal,
  communityId: string,
  idempotencyKey: string,
  input: { userId: string; points: number; reason: string },
) {
  const volunteer = await repo.getVolunteer(input.userId, communityId);
  if (!volunteer) throw new DomainError('VOLUNTEER_NOT_FOUND');
  const p = record(communityId, adjustment(idempotencyKey, input.userId, input.points, input.reason), principal, {
    volunteerUserId: input.userId,
    volunteerName: volunteer.name,
  });
  const event: OutboxEvent = {
    type: 'points.changed',
    communityId,
    userId: input.userId,
    amount: input.points,
    kind: 'adjust',
    reason: input.reason,
  };
  const outcome = await repo.post(p, { events: [event] });
  if (outcome.outcome === 'duplicate') {
    const existing = await repo.getPostingByKey(communityId, p.postingKey);
    return auditView(existing!);
  }
  if (outcome.outcome === 'insufficient') throw new DomainError('POINTS_INSUFFICIENT');
  if (outcome.outcome !== 'posted') throw new DomainError('SERVICE_UNAVAILABLE');
  return auditView(p);
}

/** Undoes a posting with its mirror image; the original stays, marked reversed. */
export async function reversePosting(principal: Principal, communityId: string, postingId: string, reason: string) {
  const original = await repo.getPostingById(postingId);
  if (!original || original.communityId !== communityId) throw new DomainError('POSTING_NOT_FOUND');
  const refusal = reversalRefusal(original.kind);
  if (refusal) throw new DomainError(refusal);
  if (original.reversedBy) throw new DomainError('ALREADY_REVERSED');
  const p = record(communityId, reversal(original, reason), principal, {
    volunteerUserId: original.volunteerUserId,
    volunteerName: original.volunteerName,
    reverses: original.postingId,
    redemption: original.redemption,
  });
  const volunteerEntry = p.entries.find((e) => parseAccount(e.account)?.kind === 'volunteer');
  const events: OutboxEvent[] =
    volunteerEntry && original.volunteerUserId
      ? [
          {
            type: 'points.changed',
            communityId,
            userId: original.volunteerUserId,
            amount: volunteerEntry.amount,
            kind: 'reversal',
            reason,
          },
        ]
      : [];
  const outcome = await repo.post(p, { extra: repo.markReversedWrites(original, p.postingId), events });
  if (outcome.outcome === 'duplicate' || outcome.outcome === 'extra-failed') throw new DomainError('ALREADY_REVERSED');
  if (outcome.outcome === 'insufficient') throw new DomainError('POINTS_INSUFFICIENT');
  if (outcome.outcome !== 'posted') throw new DomainError('SERVICE_UNAVAILABLE');
  return auditView(p);
}

export async function listAdjustments(communityId: string) {
  return { lines: (await repo.listAudit(communityId)).map(auditView) };
}

export async function volunteerPoints(communityId: string, userId: string) {
  if (!(await repo.getVolunteer(userId, communityId))) throw new DomainError('VOLUNTEER_NOT_FOUND');
  return pointsOf(communityId, userId);
}

/**
 * The stream consumer's side of a delivered canteen order: the volunteer who delivered is
 * credited the community's points per delivery, once per order however often the event arrives.
 */
export async function creditDelivery(event: Extract<OutboxEvent, { type: 'canteen.delivery_confirmed' }>) {
  const settings = await repo.getSettings(event.communityId);
  if (settings.pointsPerDelivery <= 0) return 'skipped' as const;
  const at = new Date(event.confirmedAt);
  const user = await getUser(event.volunteerUserId);
  const p = record(
    event.communityId,
    deliveryAward(event.orderId, event.volunteerUserId, settings.pointsPerDelivery),
    { userId: 'system', name: '食堂送餐' },
    { volunteerUserId: event.volunteerUserId, volunteerName: user?.name },
    Number.isNaN(at.getTime()) ? new Date() : at,
  );
  const outcome = await repo.post(p, {
    events: [
      {
        type: 'points.changed',
        communityId: event.communityId,
        userId: event.volunteerUserId,
        amount: settings.pointsPerDelivery,
        kind: 'delivery',
        reason: '助餐送餐',
      },
    ],
  });
  if (outcome.outcome === 'posted' || outcome.outcome === 'duplicate') return outcome.outcome;
  throw new Error(`delivery ${event.orderId} not credited: ${outcome.outcome}`);
}

/**
 * The stream consumer's side of a fulfilled 微心愿: the volunteer who fulfilled it is credited
 * the points care settings gave per wish when it was confirmed, once per wish however often the event arrives.
 */
export async function creditWish(event: Extract<OutboxEvent, { type: 'care.wish_fulfilled' }>) {
  const { points } = event;
  if (points <= 0) return 'skipped' as const;
  const at = new Date(event.confirmedAt);
  const user = await getUser(event.volunteerUserId);
  const p = record(
    event.communityId,
    wishAward(event.wishId, event.volunteerUserId, points),
    { userId: 'system', name: '微心愿' },
    { volunteerUserId: event.volunteerUserId, volunteerName: user?.name },
    Number.isNaN(at.getTime()) ? new Date() : at,
  );
  const outcome = await repo.post(p, {
    events: [
      {
        type: 'points.changed',
        communityId: event.communityId,
        userId: event.volunteerUserId,
        amount: points,
        kind: 'wish',
        reason: '圆梦微心愿',
      },
    ],
  });
  if (outcome.outcome === 'posted' || outcome.outcome === 'duplicate') return outcome.outcome;
  throw new Error(`wish ${event.wishId} not credited: ${outcome.outcome}`);
}

export async function getSettings(communityId: string) {
  const { pointsPerDelivery } = await repo.getSettings(communityId);
  return { pointsPerDelivery };
}

export async function updateSettings(communityId: string, settings: { pointsPerDelivery: number }) {
  await repo.putSettings(communityId, settings);
  return settings;
}

// ── figures ──────────────────────────────────────────────────────────────────

/** Per month: points issued (net of reversals), redeemed (per merchant), and held by volunteers at its end. */
export async function pointsReport(communityId: string, count = 6): Promise<{ months: MonthFigures[] }> {
  const months = monthsUpTo(shanghaiMonth(new Date()), count);
  const merchants = await repo.listMerchants(communityId);
  const [issuance, ...perMerchant] = await Promise.all([
    repo.monthFigures(communityId, ISSUANCE_ACCOUNT),
    ...merchants.map((m) => repo.monthFigures(communityId, merchantAccount(m.id))),
  ]);
  let issuedBefore = 0;
  let redeemedBefore = 0;
  for (const r of issuance!) if (r.month < months[0]!) issuedBefore += r.issued ?? 0;
  for (const rows of perMerchant) for (const r of rows) if (r.month < months[0]!) redeemedBefore += r.redeemed ?? 0;
  return {
    months: months.map((month) => {
      const issued = issuance!.find((r) => r.month === month)?.issued ?? 0;
      const byMerchant = merchants.map((m, i) => {
        const row = perMerchant[i]!.find((r) => r.month === month);
        return { merchantId: m.id, name: m.name, redeemed: row?.redeemed ?? 0, count: row?.redemptions ?? 0 };
      });
      const redeemed = byMerchant.reduce((sum, x) => sum + x.redeemed, 0);
      issuedBefore += issued;
      redeemedBefore += redeemed;
      return { month, issued, redeemed, outstanding: issuedBefore - redeemedBefore, byMerchant };
    }),
  };
}

export async function stars(communityId: string, month = shanghaiMonth(new Date())) {
  const rows = await repo.listStars(communityId, month);
  return {
    month,
    stars: volunteerStars(
      rows.map((r) => ({ userId: r.userId, name: r.name, minutes: r.minutes, showName: r.showName })),
    ).map(({ rank, name, minutes }) => ({ rank, name, minutes })),
  };
}
