/**
 * The need (居民点单 → 社区派单 → 接单 → 反馈) life cycle as pure rules: who may move a need in
 * which state, and to whom it is dispatched. Repositories apply the result under a condition on
 * the status and version they read, so of two dispatchers or two assignees at once one wins.
 */
import type { ErrorCode } from '../../errors';

export const NEED_STATES = ['new', 'dispatched', 'accepted', 'done', 'rated', 'cancelled'] as const;
export type NeedStatus = (typeof NEED_STATES)[number];

/** Chinese names people see for each state. */
export const NEED_STATE_LABELS: Record<NeedStatus, string> = {
  new: '待派单',
  dispatched: '已派单',
  accepted: '已接单',
  done: '已完成',
  rated: '已评价',
  cancelled: '已取消',
};

export const NEED_CATEGORIES = [
  '维修报修',
  '生活照料',
  '就医陪护',
  '代办跑腿',
  '陪伴关怀',
  '环境设施',
  '其他',
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

/** 一般 / 紧急: a grid visit's 「需要帮助」 is normal, its 「紧急」 urgent. */
export const NEED_URGENCIES = ['normal', 'urgent'] as const;
export type NeedUrgency = (typeof NEED_URGENCIES)[number];

/** Limits people see on the form. */
export const NEED_TEXT_MAX = 200;
export const NEED_NOTE_MAX = 200;

/** Where a need came from: a resident's own request, a grid visit, or staff entering a phone call. */
export type NeedSource = { kind: 'resident' } | { kind: 'visit'; visitId: string; gridId: string } | { kind: 'phone' };

/** Who a need is dispatched to: a volunteer or a staff member (by user), or a partner unit (共建单位). */
export type AssigneeKind = 'volunteer' | 'partner' | 'staff';
export interface Assignee {
  kind: AssigneeKind;
  /** The partner unit's id, else the user's id. */
  id: string;
  name: string;
}

/** Open states: still to be met, so they can be overdue. */
export const OPEN_NEED_STATES: readonly NeedStatus[] = ['new', 'dispatched', 'accepted'];

/** Hours to answer a need before it shows as overdue, until a dispatcher sets a due time. */
export const RESPONSE_HOURS: Record<NeedUrgency, number> = { normal: 72, urgent: 4 };

export interface Need {
  communityId: string;
  /** The member the need concerns. */
  memberId: string;
  /** The grid the member's building belongs to, when it has one: its grid worker may dispatch. */
  gridId?: string;
  status: NeedStatus;
  dueAt: string;
  assignee?: Assignee;
  /** The agenda topic (议题) it was turned into. */
  topicId?: string;
}

/**
 * Who acts. `staffOf` a community; `gridsOf` the grids they work (网格员); `requesterOf` the
 * member they stand for (themselves or a dependent); `assignee` who they take tasks as.
 */
export interface NeedActor {
  userId: string;
  staffOf?: string;
  gridsOf?: readonly string[];
  requesterOf?: string;
  assignee?: Pick<Assignee, 'kind' | 'id'>;
}

export type NeedAction =
  | { kind: 'dispatch'; assignee: Assignee; dueAt: string }
  | { kind: 'accept' }
  | { kind: 'decline' }
  | { kind: 'finish' }
  | { kind: 'rate'; stars: number }
  | { kind: 'cancel' }
  | { kind: 'refer'; topicId: string };

type Who = 'dispatcher' | 'assignee' | 'requesterOrStaff' | 'staff';

/** The state machine: where each change may start, where it leads, and who may make it. `to: null` keeps the state. */
export const NEED_TRANSITIONS: Record<
  NeedAction['kind'],
  { from: readonly NeedStatus[]; to: NeedStatus | null; who: Who }
> = {
  dispatch: { from: ['new'], to: 'dispatched', who: 'dispatcher' },
  accept: { from: ['dispatched'], to: 'accepted', who: 'assignee' },
  decline: { from: ['dispatched', 'accepted'], to: 'new', who: 'assignee' },
  finish: { from: ['accepted'], to: 'done', who: 'assignee' },
  rate: { from: ['done'], to: 'rated', who: 'requesterOrStaff' },
  cancel: { from: ['new', 'dispatched', 'accepted'], to: 'cancelled', who: 'requesterOrStaff' },
  refer: { from: ['new', 'dispatched', 'accepted', 'done'], to: null, who: 'staff' },
};

export type NeedOutcome = { ok: true; need: Need } | { ok: false; code: ErrorCode };
const refuse = (code: ErrorCode): NeedOutcome => ({ ok: false, code });

/** Whether the actor is the need's assignee. */
export function isAssignee(need: Pick<Need, 'assignee'>, who: Pick<Assignee, 'kind' | 'id'> | undefined): boolean {
  return Boolean(need.assignee && who && need.assignee.kind === who.kind && need.assignee.id === who.id);
}

/** Staff of the community, or the grid worker of the need's grid. */
export function mayDispatch(need: Pick<Need, 'communityId' | 'gridId'>, actor: NeedActor): boolean {
  return actor.staffOf === need.communityId || Boolean(need.gridId && actor.gridsOf?.includes(need.gridId));
}

/**
 * Applies an action; never mutates the need. A refusal names why: 403 for who, 409 for when
 * (including a need someone else dispatched or accepted first), 422 for what.
 */
export function applyNeedAction(need: Need, actor: NeedActor, action: NeedAction): NeedOutcome {
  const rule = NEED_TRANSITIONS[action.kind];
  const isStaff = actor.staffOf === need.communityId;
  switch (rule.who) {
    case 'dispatcher':
      if (!mayDispatch(need, actor)) return refuse('FORBIDDEN');
      break;
    case 'staff':
      if (!isStaff) return refuse('FORBIDDEN');
      break;
    case 'assignee':
      if (!isAssignee(need, actor.assignee)) return refuse('NEED_NOT_ASSIGNEE');
      break;
    case 'requesterOrStaff':
      if (!isStaff && actor.requesterOf !== need.memberId) return refuse('FORBIDDEN');
      break;
  }
  if (!rule.from.includes(need.status)) {
    if (action.kind === 'dispatch' && (need.status === 'dispatched' || need.status === 'accepted')) {
      return refuse('NEED_ALREADY_DISPATCHED');
    }
    if (action.kind === 'rate' && need.status === 'rated') return refuse('NEED_ALREADY_RATED');
    return refuse('NEED_TRANSITION_INVALID');
  }
  if (action.kind === 'refer' && need.topicId) return refuse('NEED_ALREADY_REFERRED');
  if (action.kind === 'rate' && !(Number.isInteger(action.stars) && action.stars >= 1 && action.stars <= 5)) {
    return refuse('VALIDATION_FAILED');
  }
  const next: Need = { ...need, status: rule.to ?? need.status };
  if (action.kind === 'dispatch') {
    next.assignee = action.assignee;
    next.dueAt = action.dueAt;
  }
  if (action.kind === 'decline') delete next.assignee;
  if (action.kind === 'refer') next.topicId = action.topicId;
  return { ok: true, need: next };
}

/** The due time a new need gets from its urgency, until a dispatcher sets one. */
export function initialDueAt(createdAt: string, urgency: NeedUrgency): string {
  return new Date(Date.parse(createdAt) + RESPONSE_HOURS[urgency] * 3600_000).toISOString();
}

/** A need still open after its due time is overdue; a met or cancelled one never is. */
export function needOverdue(need: Pick<Need, 'status' | 'dueAt'>, now: Date): boolean {
  return OPEN_NEED_STATES.includes(need.status) && Date.parse(need.dueAt) < now.getTime();
}

/** Staff list order: overdue first, then urgent, then the earliest due. */
export function byAttention<T extends Pick<Need, 'status' | 'dueAt'> & { urgency: NeedUrgency }>(now: Date) {
  return (a: T, b: T): number =>
    Number(needOverdue(b, now)) - Number(needOverdue(a, now)) ||
    Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent') ||
    a.dueAt.localeCompare(b.dueAt);
}
