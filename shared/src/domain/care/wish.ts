/**
 * The 微心愿 (small wish) life cycle as pure rules: who may move a wish in which state, and the
 * one claimer it may have. Repositories apply the result under a condition on the status and
 * version they read, so of many claimers at once exactly one wins.
 */
import type { ErrorCode } from '../../errors';

export const WISH_STATES = [
  'pending_review',
  'open',
  'claimed',
  'delivered',
  'fulfilled',
  'declined',
  'withdrawn',
] as const;
export type WishStatus = (typeof WISH_STATES)[number];

export const WISH_CATEGORIES = ['生活用品', '维修帮忙', '陪伴关怀', '学习用品', '健康助医', '其他'] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];

/** How the claimer may hand the wish over; only 上门送达 lets the claimer see the door. */
export const WISH_HANDOVERS = ['上门送达', '社区转交', '电话联系后约定'] as const;
export type WishHandover = (typeof WISH_HANDOVERS)[number];

/** Limit people see on the form. */
export const WISH_TEXT_MAX = 100;

/** Who may claim: a volunteer, a resident, or a partner unit (共建单位) through its operator. */
export type ClaimerKind = 'volunteer' | 'resident' | 'partner';
export interface Claimer {
  kind: ClaimerKind;
  /** The partner unit's id, else the user's id. */
  id: string;
  userId: string;
  name: string;
}

/** Everyone may claim, or only the partner unit staff offered it to (定向认领). */
export type OfferedTo = { kind: 'all' } | { kind: 'partner'; partnerId: string };

export interface Wish {
  communityId: string;
  /** The member the wish is for. */
  memberId: string;
  status: WishStatus;
  offeredTo: OfferedTo;
  claimer?: Claimer;
}

/**
 * Who acts. `wisherOf` is the member the caller stands for (themselves, a dependent they care
 * for, or one staff enter for); `claimer` is who they claim as.
 */
export interface WishActor {
  userId: string;
  staffOf?: string;
  wisherOf?: string;
  claimer?: Omit<Claimer, 'name'> & { name?: string };
}

export type WishAction =
  | { kind: 'approve'; offeredTo?: OfferedTo }
  | { kind: 'decline' }
  | { kind: 'withdraw' }
  | { kind: 'claim' }
  | { kind: 'release' }
  | { kind: 'deliver' }
  | { kind: 'confirm' };

type Who = 'staff' | 'wisher' | 'claimer' | 'anyClaimer' | 'wisherOrStaff';

/** The state machine: where each change may start, where it leads, and who may make it. */
export const WISH_TRANSITIONS: Record<WishAction['kind'], { from: readonly WishStatus[]; to: WishStatus; who: Who }> = {
  approve: { from: ['pending_review'], to: 'open', who: 'staff' },
  decline: { from: ['pending_review'], to: 'declined', who: 'staff' },
  withdraw: { from: ['pending_review', 'open'], to: 'withdrawn', who: 'wisherOrStaff' },
  claim: { from: ['open'], to: 'claimed', who: 'anyClaimer' },
  release: { from: ['claimed'], to: 'open', who: 'claimer' },
  deliver: { from: ['claimed'], to: 'delivered', who: 'claimer' },
  confirm: { from: ['delivered'], to: 'fulfilled', who: 'wisherOrStaff' },
};

/** States the 心愿墙 shows to the community. */
export const WALL_STATES: readonly WishStatus[] = ['open', 'claimed', 'delivered', 'fulfilled'];

export type WishOutcome = { ok: true; wish: Wish } | { ok: false; code: ErrorCode };
const refuse = (code: ErrorCode): WishOutcome => ({ ok: false, code });

const sameClaimer = (a: Pick<Claimer, 'kind' | 'id'> | undefined, b: Pick<Claimer, 'kind' | 'id'> | undefined) =>
  Boolean(a && b && a.kind === b.kind && a.id === b.id);

/** Whether a claimer may see and claim a wish offered as it is. */
export function offeredToClaimer(offeredTo: OfferedTo, claimer: Pick<Claimer, 'kind' | 'id'>): boolean {
  return offeredTo.kind === 'all' || (claimer.kind === 'partner' && claimer.id === offeredTo.partnerId);
}

/**
 * Applies an action; never mutates the wish. A refusal names why: 403 for who, 409 for when
 * (including a wish someone else claimed first), 422 for what.
 */
export function applyWishAction(wish: Wish, actor: WishActor, action: WishAction): WishOutcome {
  const rule = WISH_TRANSITIONS[action.kind];
  const isStaff = actor.staffOf === wish.communityId;
  const isWisher = actor.wisherOf === wish.memberId;
  switch (rule.who) {
    case 'staff':
      if (!isStaff) return refuse('FORBIDDEN');
      break;
    case 'wisherOrStaff':
      if (!isStaff && !isWisher) return refuse('FORBIDDEN');
      break;
    case 'anyClaimer':
      if (!actor.claimer) return refuse('FORBIDDEN');
      if (isWisher) return refuse('WISH_OWN');
      if (!offeredToClaimer(wish.offeredTo, actor.claimer)) return refuse('WISH_NOT_OFFERED');
      if (wish.status === 'claimed' || wish.status === 'delivered') return refuse('WISH_ALREADY_CLAIMED');
      break;
    case 'claimer':
      if (!sameClaimer(wish.claimer, actor.claimer)) return refuse('WISH_NOT_CLAIMER');
      break;
    case 'wisher':
      if (!isWisher) return refuse('FORBIDDEN');
      break;
  }
  if (!rule.from.includes(wish.status)) return refuse('WISH_TRANSITION_INVALID');
  const next: Wish = { ...wish, status: rule.to };
  if (action.kind === 'approve' && action.offeredTo) next.offeredTo = action.offeredTo;
  if (action.kind === 'claim') next.claimer = { name: '', ...actor.claimer! };
  if (action.kind === 'release') delete next.claimer;
  return { ok: true, wish: next };
}

/** 刘淑珍 → 刘**: the wall shows the family name only. */
export function surnameOnly(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/** How a wisher appears on the wall: 「6号楼 刘**」, or 「一位邻居」 when they chose not to be shown. */
export function wallName(realName: string, buildingName: string, showBuilding: boolean): string {
  return showBuilding ? `${buildingName} ${surnameOnly(realName)}` : '一位邻居';
}

/** A claimed wish not delivered within `days` days of its claim is overdue. */
export function claimOverdue(claimedAt: string | undefined, now: Date, days: number): boolean {
  if (!claimedAt) return false;
  return now.getTime() - Date.parse(claimedAt) > days * 24 * 3600_000;
}
