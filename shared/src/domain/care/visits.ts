/**
 * Grid workers' care visits (网格敲门) as pure rules: how a visit moves a person's visit state,
 * when the next visit is due, who is overdue, and the order a grid worker's list is read in.
 */
import { SHANGHAI_OFFSET_MS } from '../common/shanghai-time';
import { DEFAULT_VISIT_INTERVAL_DAYS, MEMBER_TAGS, visitIntervalDays, type MemberTag } from './tags';

export const VISIT_METHODS = ['上门', '电话', '无人应答'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];

export const VISIT_OBSERVATIONS = ['良好', '需要帮助', '紧急'] as const;
export type VisitObservation = (typeof VISIT_OBSERVATIONS)[number];

/** Longest note a grid worker writes about a visit. */
export const VISIT_NOTE_MAX = 200;
/** Bounds of a visit interval staff may set, in days. */
export const VISIT_INTERVAL_MIN_DAYS = 1;
export const VISIT_INTERVAL_MAX_DAYS = 90;

/** Tags that ask for visits even when staff set no interval for them. */
export const VISITED_BY_DEFAULT: readonly MemberTag[] = ['独居', '高龄'];

/** Signals other features raise the same day: a meal ordered and not picked up, a delivery missed. */
export const VISIT_SIGNAL_KINDS = ['meal_not_picked_up', 'delivery_missed'] as const;
export type VisitSignalKind = (typeof VISIT_SIGNAL_KINDS)[number];

const DAY_MS = 24 * 3600_000;
/** Which calendar day in Shanghai an instant falls on, as a day count. */
const shanghaiDayNumber = (at: Date | string) => Math.floor((new Date(at).getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);

export type VisitIntervals = Partial<Record<MemberTag, number>>;

/** The intervals staff set, with the default filled in for the tags visited by default. */
export function effectiveIntervals(set: VisitIntervals): VisitIntervals {
  const out: VisitIntervals = {};
  for (const tag of MEMBER_TAGS) {
    const days = set[tag] ?? (VISITED_BY_DEFAULT.includes(tag) ? DEFAULT_VISIT_INTERVAL_DAYS : undefined);
    if (days !== undefined) out[tag] = days;
  }
  return out;
}

/**
 * Days between visits for a person: the shortest interval among their tags that ask for visits
 * (独居 and 高龄 always, other tags once staff give them an interval); undefined when none does.
 */
export const intervalFor = (tags: readonly string[] | undefined, set: VisitIntervals): number | undefined =>
  visitIntervalDays(tags, set);

/** A person's visit state as it is kept on the member. */
export interface VisitState {
  /** The last visit that reached the person (上门 or 电话). */
  lastVisitAt?: string;
  /** The last attempt of any kind, 无人应答 included. */
  lastAttemptAt?: string;
  lastMethod?: VisitMethod;
  lastObservation?: VisitObservation;
}

/**
 * Whether a visit reached the person. 无人应答 did not: nobody saw them, so their interval keeps
 * running and they stay on the overdue list until someone does.
 */
export const reachedPerson = (method: VisitMethod) => method !== '无人应答';

/** 上门 and 电话 must say what was seen; 无人应答 may say nothing (nobody was seen). */
export const observationRequired = (method: VisitMethod) => reachedPerson(method);

/** Whether what was seen asks for a follow-up need (需要帮助, 紧急). */
export const needsFollowUp = (observation: VisitObservation | undefined) =>
  observation === '需要帮助' || observation === '紧急';

/** The state after a visit at `at`; a visit older than the one kept does not move it back. */
export function afterVisit(
  state: VisitState,
  visit: { at: string; method: VisitMethod; observation?: VisitObservation },
): VisitState {
  if (state.lastAttemptAt && state.lastAttemptAt > visit.at) return state;
  return {
    lastAttemptAt: visit.at,
    lastMethod: visit.method,
    lastObservation: visit.observation,
    lastVisitAt: reachedPerson(visit.method) ? visit.at : state.lastVisitAt,
  };
}

/** When the next visit is due: the interval after the last visit that reached the person, or at once when none did. */
export function dueAt(lastVisitAt: string | undefined, since: string, intervalDays: number): string {
  if (!lastVisitAt) return since;
  return new Date(Date.parse(lastVisitAt) + intervalDays * DAY_MS).toISOString();
}

export interface VisitStanding {
  dueAt: string;
  overdue: boolean;
  /**
   * Days overdue as a grid worker counts them: calendar days in Shanghai from the due date to
   * today (0 when not overdue, or due earlier today), whatever the hour of either.
   */
  overdueDays: number;
}

/** Where a person stands on `now`: overdue once the due time has passed. */
export function standing(
  lastVisitAt: string | undefined,
  since: string,
  intervalDays: number,
  now: Date,
): VisitStanding {
  const due = dueAt(lastVisitAt, since, intervalDays);
  const late = now.getTime() - Date.parse(due);
  return { dueAt: due, overdue: late > 0, overdueDays: late > 0 ? shanghaiDayNumber(now) - shanghaiDayNumber(due) : 0 };
}

/** A row of a grid worker's list, as the ordering rules read it. */
export interface RankedPerson {
  /** Days between visits; undefined for someone no tag asks to visit. */
  intervalDays?: number;
  dueAt?: string;
  overdue: boolean;
  signals: readonly unknown[];
  lastObservation?: VisitObservation;
  /** Building, unit and room, for a stable order among equals. */
  sortKey: string;
}

const URGENCY: Record<VisitObservation, number> = { 紧急: 0, 需要帮助: 1, 良好: 2 };

/**
 * The order of a grid worker's list: anyone with a signal today first; then the people visits are
 * due for (独居, 高龄 and tags staff gave an interval), overdue before not, the last visit's 紧急 /
 * 需要帮助 before others, earliest due first; then everyone else by address.
 */
export function compareForVisits(a: RankedPerson, b: RankedPerson): number {
  const signalled = Number(b.signals.length > 0) - Number(a.signals.length > 0);
  if (signalled !== 0) return signalled;
  const visited = Number(b.intervalDays !== undefined) - Number(a.intervalDays !== undefined);
  if (visited !== 0) return visited;
  if (a.intervalDays !== undefined && b.intervalDays !== undefined) {
    const overdue = Number(b.overdue) - Number(a.overdue);
    if (overdue !== 0) return overdue;
    const urgency = (URGENCY[a.lastObservation ?? '良好'] ?? 2) - (URGENCY[b.lastObservation ?? '良好'] ?? 2);
    if (urgency !== 0) return urgency;
    const due = (a.dueAt ?? '').localeCompare(b.dueAt ?? '');
    if (due !== 0) return due;
  }
  return a.sortKey.localeCompare(b.sortKey);
}

/** The overdue list: only people overdue, the longest waiting (earliest due) first. */
export function overdueFirst<T extends { overdue: boolean; dueAt?: string; sortKey: string }>(people: T[]): T[] {
  return people
    .filter((p) => p.overdue)
    .sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.sortKey.localeCompare(b.sortKey));
}

/** The grids a caller may look into: every grid for staff of the community, else their grid grants. */
export function gridsOf(
  grants: readonly { role: string; communityId?: string; gridId?: string }[],
  communityId: string,
): '*' | Set<string> {
  if (grants.some((g) => g.role === 'admin' || (g.role === 'staff' && g.communityId === communityId))) return '*';
  return new Set(
    grants.filter((g) => g.role === 'grid' && g.communityId === communityId && g.gridId).map((g) => g.gridId!),
  );
}

export const mayLookInto = (grids: '*' | Set<string>, gridId: string | undefined) =>
  gridId !== undefined && (grids === '*' || grids.has(gridId));
