/**
 * The agenda item (议题) life cycle of the 五事工作法 loop, as pure rules: who may do what in
 * which state, and what the timeline records. Repositories apply the result under a condition on
 * the state they read, so concurrent actors cannot both move an item.
 */
import type { ErrorCode } from '../../errors';

export const AGENDA_STATES = [
  'submitted',
  'approved',
  'rejected',
  'merged',
  'withdrawn',
  'scheduled',
  'decided',
  'in_progress',
  'done',
] as const;
export type AgendaStatus = (typeof AGENDA_STATES)[number];

export const AGENDA_CATEGORIES = [
  '环境卫生',
  '设施维修',
  '停车交通',
  '安全隐患',
  '邻里纠纷',
  '物业服务',
  '其他',
] as const;
export type AgendaCategory = (typeof AGENDA_CATEGORIES)[number];

/** Limits people see on the form. */
export const TITLE_MAX = 50;
export const DESCRIPTION_MAX = 1000;

export type AgendaScope = { kind: 'community' } | { kind: 'building'; buildingId: string };

/** Who acts: staff of a community, and/or a resident living in a building. */
export interface AgendaActor {
  userId: string;
  staffOf?: string;
  resident?: { communityId: string; buildingId: string };
}

export interface TimelineEntry {
  by: string;
  at: string;
  from: AgendaStatus | null;
  to: AgendaStatus;
  note?: string;
}

export interface ActionItem {
  title: string;
  owner: string;
  due: string;
}

export interface AgendaItem {
  communityId: string;
  scope: AgendaScope;
  authorUserId: string;
  status: AgendaStatus;
  cosigners: string[];
  ratings: Record<string, number>;
  timeline: TimelineEntry[];
  sessionId?: string;
  mergedInto?: string;
  decision?: { text: string; tally?: { for: number; against: number; abstain: number } };
  actions: ActionItem[];
}

export type AgendaAction =
  | { kind: 'approve'; note?: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'merge'; into: string; note?: string }
  | { kind: 'withdraw' }
  | { kind: 'schedule'; sessionId: string }
  | { kind: 'decide'; text: string; tally?: { for: number; against: number; abstain: number } }
  | { kind: 'start'; actions: ActionItem[] }
  | { kind: 'progress'; note: string; actions?: ActionItem[] }
  | { kind: 'finish'; note?: string }
  | { kind: 'cosign' }
  | { kind: 'rate'; stars: number };

type StateChange = Exclude<AgendaAction['kind'], 'cosign' | 'rate'>;

/** The state machine: where each change may start, where it leads, and who may make it. */
export const TRANSITIONS: Record<
  StateChange,
  { from: readonly AgendaStatus[]; to: AgendaStatus; who: 'staff' | 'author' }
> = {
  approve: { from: ['submitted'], to: 'approved', who: 'staff' },
  reject: { from: ['submitted'], to: 'rejected', who: 'staff' },
  merge: { from: ['submitted'], to: 'merged', who: 'staff' },
  withdraw: { from: ['submitted'], to: 'withdrawn', who: 'author' },
  schedule: { from: ['approved'], to: 'scheduled', who: 'staff' },
  decide: { from: ['scheduled'], to: 'decided', who: 'staff' },
  start: { from: ['decided'], to: 'in_progress', who: 'staff' },
  progress: { from: ['in_progress'], to: 'in_progress', who: 'staff' },
  finish: { from: ['in_progress'], to: 'done', who: 'staff' },
};

/** States in which neighbours may still co-sign (附议). */
export const OPEN_STATES: readonly AgendaStatus[] = ['submitted', 'approved', 'scheduled'];

/** Whether a resident lives where the item applies. */
export function inScope(item: Pick<AgendaItem, 'communityId' | 'scope'>, actor: AgendaActor): boolean {
  const r = actor.resident;
  if (!r || r.communityId !== item.communityId) return false;
  return item.scope.kind === 'community' || item.scope.buildingId === r.buildingId;
}

export type Outcome = { ok: true; item: AgendaItem } | { ok: false; code: ErrorCode };

const refuse = (code: ErrorCode): Outcome => ({ ok: false, code });

function noteOf(action: AgendaAction): string | undefined {
  switch (action.kind) {
    case 'reject':
      return action.reason;
    case 'merge':
      return action.note ?? `并入议题 ${action.into}`;
    case 'schedule':
      return `安排在议事会 ${action.sessionId}`;
    case 'decide':
      return action.text;
    case 'progress':
      return action.note;
    case 'approve':
    case 'finish':
      return action.note;
    default:
      return undefined;
  }
}

/**
 * Applies an action; never mutates the item. A refused action names why (403 for who, 409 for
 * when, 422 for what), and the item stays as it was.
 */
export function applyAction(item: AgendaItem, actor: AgendaActor, action: AgendaAction, at: string): Outcome {
  if (action.kind === 'cosign') {
    if (!inScope(item, actor)) return refuse('OUT_OF_SCOPE');
    if (actor.userId === item.authorUserId) return refuse('AGENDA_OWN_ITEM');
    if (!OPEN_STATES.includes(item.status)) return refuse('AGENDA_TRANSITION_INVALID');
    if (item.cosigners.includes(actor.userId)) return refuse('ALREADY_COSIGNED');
    return { ok: true, item: { ...item, cosigners: [...item.cosigners, actor.userId] } };
  }
  if (action.kind === 'rate') {
    if (!inScope(item, actor)) return refuse('OUT_OF_SCOPE');
    if (item.status !== 'done') return refuse('AGENDA_TRANSITION_INVALID');
    if (!Number.isInteger(action.stars) || action.stars < 1 || action.stars > 5) return refuse('RATING_INVALID');
    if (Object.hasOwn(item.ratings, actor.userId)) return refuse('ALREADY_RATED');
    return { ok: true, item: { ...item, ratings: { ...item.ratings, [actor.userId]: action.stars } } };
  }
  const rule = TRANSITIONS[action.kind];
  const allowed = rule.who === 'staff' ? actor.staffOf === item.communityId : actor.userId === item.authorUserId;
  if (!allowed) return refuse('FORBIDDEN');
  if (!rule.from.includes(item.status)) return refuse('AGENDA_TRANSITION_INVALID');
  const entry: TimelineEntry = { by: actor.userId, at, from: item.status, to: rule.to, note: noteOf(action) };
  const next: AgendaItem = { ...item, status: rule.to, timeline: [...item.timeline, entry] };
  if (action.kind === 'merge') next.mergedInto = action.into;
  if (action.kind === 'schedule') next.sessionId = action.sessionId;
  if (action.kind === 'decide') next.decision = { text: action.text, tally: action.tally };
  if (action.kind === 'start') next.actions = action.actions;
  if (action.kind === 'progress' && action.actions) next.actions = [...item.actions, ...action.actions];
  return { ok: true, item: next };
}

/** A freshly submitted item, its first timeline entry recording who raised it. */
export function submitted(
  fields: Pick<AgendaItem, 'communityId' | 'scope' | 'authorUserId'>,
  recordedBy: string,
  at: string,
): AgendaItem {
  return {
    ...fields,
    status: 'submitted',
    cosigners: [],
    ratings: {},
    actions: [],
    timeline: [
      {
        by: recordedBy,
        at,
        from: null,
        to: 'submitted',
        note: recordedBy === fields.authorUserId ? undefined : '社区工作人员代为登记',
      },
    ],
  };
}

/** Average rating to one decimal, or undefined when nobody rated. */
export function averageRating(ratings: Record<string, number>): number | undefined {
  const values = Object.values(ratings);
  if (values.length === 0) return undefined;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/** Editable reply templates staff start from when rejecting or merging. */
export const REPLY_TEMPLATES = {
  reject: [
    '该问题属于物业服务范围，已转交物业公司处理，请留意物业通知。',
    '该事项已在近期议事会中讨论并作出决定，详见晒事栏。',
    '描述信息不足，请补充具体位置和情况后重新提交。',
  ],
  merge: ['您反映的问题与已有议题相同，已合并处理，附议已一并计入。'],
} as const;
