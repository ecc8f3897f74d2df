/**
 * The points ledger's posting rules, pure. A posting moves points between accounts of one
 * community: the community's issuance account (the source of every point, the only account that
 * may go below zero), volunteers, and merchants. Its entries always sum to zero, so the sum of
 * all balances of a community is always zero; history is never edited, a mistake is undone by a
 * compensating posting.
 */
import type { ErrorCode } from '../../errors';
import { shanghaiDate } from '../common/shanghai-time';

/** The community's issuance account: points enter circulation by leaving it. */
export const ISSUANCE_ACCOUNT = 'community';

export type AccountKind = 'community' | 'volunteer' | 'merchant';

export const volunteerAccount = (userId: string) => `volunteer#${userId}`;
export const merchantAccount = (merchantId: string) => `merchant#${merchantId}`;

/** What an account id names: `community`, `volunteer#<userId>` or `merchant#<merchantId>`. */
export function parseAccount(account: string): { kind: AccountKind; id?: string } | undefined {
  if (account === ISSUANCE_ACCOUNT) return { kind: 'community' };
  const match = /^(volunteer|merchant)#(.+)$/.exec(account);
  if (!match) return undefined;
  return { kind: match[1] as AccountKind, id: match[2] };
}

/** Only the issuance account may go below zero; a volunteer or a merchant never does. */
export const mayGoNegative = (account: string) => account === ISSUANCE_ACCOUNT;

export type PostingKind = 'hours' | 'delivery' | 'redeem' | 'adjust' | 'reversal' | 'seed' | 'wish';

export interface Entry {
  account: string;
  /** Points, a non-zero integer: positive credits the account, negative debits it. */
  amount: number;
}

export interface PostingDraft {
  kind: PostingKind;
  /**
   * What makes the posting unique, e.g. `hours#<signupId>`, `delivery#<orderId>`,
   * `redeem#<codeId>`, `adjust#<idempotency key>`, `reverse#<postingId>`: a second posting with the
   * same key is refused, so a retried request or a replayed event never counts twice.
   */
  postingKey: string;
  entries: Entry[];
  reason: string;
}

/** Why a set of entries is not a valid posting, or undefined when it is. */
export function entriesProblem(entries: Entry[]): string | undefined {
  if (entries.length < 2) return 'a posting needs at least two entries';
  const seen = new Set<string>();
  let sum = 0;
  for (const e of entries) {
    if (!parseAccount(e.account)) return `unknown account ${e.account}`;
    if (!Number.isSafeInteger(e.amount) || e.amount === 0) return 'amounts are non-zero integers';
    if (seen.has(e.account)) return `account ${e.account} appears twice`;
    seen.add(e.account);
    sum += e.amount;
  }
  return sum === 0 ? undefined : 'entries must sum to zero';
}

function draft(kind: PostingKind, postingKey: string, reason: string, entries: Entry[]): PostingDraft {
  const problem = entriesProblem(entries);
  if (problem) throw new Error(`invalid posting ${postingKey}: ${problem}`);
  return { kind, postingKey, reason, entries };
}

const positive = (points: number) => {
  if (!Number.isSafeInteger(points) || points <= 0) throw new Error('points must be a positive integer');
  return points;
};

/** Points for confirmed volunteer hours: issuance → volunteer. */
export function hoursAward(signupId: string, userId: string, points: number, reason: string): PostingDraft {
  const p = positive(points);
  return draft('hours', `hours#${signupId}`, reason, [
    { account: ISSUANCE_ACCOUNT, amount: -p },
    { account: volunteerAccount(userId), amount: p },
  ]);
}

/** Points for a delivered canteen order: issuance → volunteer. */
export function deliveryAward(orderId: string, userId: string, points: number): PostingDraft {
  const p = positive(points);
  return draft('delivery', `delivery#${orderId}`, '助餐送餐', [
    { account: ISSUANCE_ACCOUNT, amount: -p },
    { account: volunteerAccount(userId), amount: p },
  ]);
}

/** Points for a volunteer's fulfilled 微心愿: issuance → volunteer, once per wish. */
export function wishAward(wishId: string, userId: string, points: number): PostingDraft {
  const p = positive(points);
  return draft('wish', `wish#${wishId}`, '圆梦微心愿', [
    { account: ISSUANCE_ACCOUNT, amount: -p },
    { account: volunteerAccount(userId), amount: p },
  ]);
}

/** A redemption at a merchant: volunteer → merchant. */
export function redemption(codeId: string, userId: string, merchantId: string, points: number, reason: string) {
  const p = positive(points);
  return draft('redeem', `redeem#${codeId}`, reason, [
    { account: volunteerAccount(userId), amount: -p },
    { account: merchantAccount(merchantId), amount: p },
  ]);
}

/** A manual adjustment by staff (positive credits the volunteer, negative takes points back). */
export function adjustment(idempotencyKey: string, userId: string, delta: number, reason: string): PostingDraft {
  if (!Number.isSafeInteger(delta) || delta === 0) throw new Error('an adjustment moves a non-zero integer');
  return draft('adjust', `adjust#${idempotencyKey}`, reason, [
    { account: ISSUANCE_ACCOUNT, amount: -delta },
    { account: volunteerAccount(userId), amount: delta },
  ]);
}

/** The compensating posting of another: every entry negated. A reversal itself is not reversed. */
export function reversal(original: { postingId: string; kind: PostingKind; entries: Entry[] }, reason: string) {
  if (original.kind === 'reversal') throw new Error('a reversal is not reversed');
  return draft(
    'reversal',
    `reverse#${original.postingId}`,
    reason,
    original.entries.map((e) => ({ account: e.account, amount: -e.amount })),
  );
}

/** A posting may be reversed unless it is itself a reversal. */
export const reversalRefusal = (kind: PostingKind): ErrorCode | undefined =>
  kind === 'reversal' ? 'POSTING_NOT_REVERSIBLE' : undefined;

/**
 * The balances after a posting, or the first account that would go below zero. The model the
 * DynamoDB ledger is checked against: it keeps the same rule with conditional writes.
 */
export function applyPosting(
  balances: ReadonlyMap<string, number>,
  entries: Entry[],
): { ok: true; balances: Map<string, number> } | { ok: false; account: string } {
  const next = new Map(balances);
  for (const e of entries) {
    const after = (next.get(e.account) ?? 0) + e.amount;
    if (after < 0 && !mayGoNegative(e.account)) return { ok: false, account: e.account };
    next.set(e.account, after);
  }
  return { ok: true, balances: next };
}

// ── offers ───────────────────────────────────────────────────────────────────

/** An exchange offer of a merchant's agreement. */
export type Offer =
  | { offerId: string; kind: 'fixed'; title: string; points: number }
  | {
      offerId: string;
      kind: 'discount';
      title: string;
      /** Points that pay one yuan (10 → 10 积分抵 1 元). */
      pointsPerYuan: number;
      /** At most this share of an order may be paid with points (50 → 每单最多抵 50%). */
      maxSharePercent: number;
    };

/** What a redemption of an offer costs and is worth, or why it cannot be made. */
export function offerPrice(
  offer: Offer,
  input: { orderFen?: number; points?: number },
): { ok: true; points: number; deductionFen?: number } | { ok: false; code: ErrorCode } {
  if (offer.kind === 'fixed') return { ok: true, points: offer.points };
  const orderFen = input.orderFen;
  if (orderFen === undefined || !Number.isSafeInteger(orderFen) || orderFen <= 0)
    return { ok: false, code: 'ORDER_AMOUNT_REQUIRED' };
  const fenPerPoint = 100 / offer.pointsPerYuan;
  const maxDeductionFen = Math.floor((orderFen * offer.maxSharePercent) / 100);
  const maxPoints = Math.floor(maxDeductionFen / fenPerPoint);
  const points = input.points ?? maxPoints;
  if (!Number.isSafeInteger(points) || points <= 0 || points > maxPoints)
    return { ok: false, code: 'OFFER_LIMIT_EXCEEDED' };
  return { ok: true, points, deductionFen: Math.floor(points * fenPerPoint) };
}

/** Whether an agreement is in force at `now` (active from/to are Shanghai dates, inclusive). */
export function agreementActive(a: { activeFrom: string; activeTo?: string }, now: Date): boolean {
  const today = shanghaiDate(now);
  return a.activeFrom <= today && (!a.activeTo || today <= a.activeTo);
}

/**
 * Whether a redemption of `points` fits the merchant's monthly cap, given the points it already
 * accepted this month. No cap means no limit.
 */
export const withinMonthlyCap = (cap: number | undefined, acceptedThisMonth: number, points: number) =>
  cap === undefined || acceptedThisMonth + points <= cap;

// ── hours ────────────────────────────────────────────────────────────────────

export type Award = { kind: 'perHour'; pointsPerHour: number } | { kind: 'fixed'; points: number };

/** Points for a confirmed stint: per started quarter hour at the hourly rate (rounded down), or the fixed award. */
export function pointsForMinutes(award: Award, minutes: number): number {
  if (award.kind === 'fixed') return minutes > 0 ? award.points : 0;
  const quarters = Math.floor(minutes / 15);
  return Math.floor((quarters * award.pointsPerHour) / 4);
}

/** Whole minutes between check-in and check-out (never below zero). */
export const minutesBetween = (from: string, to: string) =>
  Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 60_000));

/** Staff may confirm hours that differ from the measured ones only with a reason. */
export function confirmationRefusal(
  measured: number,
  confirmed: number,
  reason: string | undefined,
): ErrorCode | undefined {
  if (confirmed !== measured && !reason?.trim()) return 'ADJUSTMENT_REASON_REQUIRED';
  return undefined;
}

// ── people and months ────────────────────────────────────────────────────────

/** 张伟 → 张*, 欧阳娜娜 → 欧***: what a merchant sees of a volunteer. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '*';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export { shanghaiDate, shanghaiMonth } from '../common/shanghai-time';

/** The month before a YYYY-MM month. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The last `count` months up to and including `month`, oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const out = [month];
  while (out.length < count) out.unshift(previousMonth(out[0]!));
  return out;
}

export interface StarCandidate {
  userId: string;
  name: string;
  minutes: number;
  showName: boolean;
}

/** 志愿之星: the top volunteers of a month by confirmed minutes; a name only where its owner allowed it. */
export function volunteerStars(candidates: StarCandidate[], top = 10) {
  return [...candidates]
    .filter((c) => c.minutes > 0)
    .sort((a, b) => b.minutes - a.minutes || a.userId.localeCompare(b.userId))
    .slice(0, top)
    .map((c, i) => ({ rank: i + 1, name: c.showName ? c.name : '匿名志愿者', minutes: c.minutes, userId: c.userId }));
}
