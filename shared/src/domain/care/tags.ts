/**
 * Care tags on a member (独居, 高龄, 低保, 残疾) and what follows from them: which wishes are marked
 * for priority, and how often a grid worker should knock on the door.
 */
export const MEMBER_TAGS = ['独居', '高龄', '低保', '残疾'] as const;
export type MemberTag = (typeof MEMBER_TAGS)[number];

/** Wishes of people with these tags are marked for priority in the review queue and on the wall. */
export const PRIORITY_TAGS: readonly MemberTag[] = ['低保', '独居', '残疾'];

export const hasPriority = (tags: readonly string[] | undefined) =>
  (tags ?? []).some((t) => PRIORITY_TAGS.includes(t as MemberTag));

/** Days between visits when staff set nothing for a tag. */
export const DEFAULT_VISIT_INTERVAL_DAYS = 7;

/** Tags, once each, in the registry's order (a stable shape to store). */
export function normalizeTags(tags: readonly string[]): MemberTag[] {
  return MEMBER_TAGS.filter((t) => tags.includes(t));
}

/**
 * Days between visits for a member: the shortest interval among their tags (an elder who lives
 * alone and is over 80 is visited as often as the stricter of the two asks); undefined for a
 * member no tag asks to visit.
 */
export function visitIntervalDays(
  tags: readonly string[] | undefined,
  intervals: Partial<Record<MemberTag, number>>,
): number | undefined {
  const visited = (tags ?? []).filter((t): t is MemberTag => t === '独居' || t === '高龄' || t in intervals);
  if (visited.length === 0) return undefined;
  return Math.min(...visited.map((t) => intervals[t] ?? DEFAULT_VISIT_INTERVAL_DAYS));
}

/** Whole days a visit is overdue on `now` (0 or less: not overdue); a never-visited member counts from `since`. */
export function visitOverdueDays(
  lastVisitAt: string | undefined,
  since: string,
  intervalDays: number,
  now: Date,
): number {
  const from = Date.parse(lastVisitAt ?? since);
  return Math.floor((now.getTime() - from) / (24 * 3600_000)) - intervalDays;
}
