/** The visit-interval form's own check: whole days 1–90, or empty for the default. */
import type { VisitIntervals } from '../../../../../hooks/use-grid';

export const TAGS = ['独居', '高龄', '低保', '残疾'] as const;
export type Drafts = Record<(typeof TAGS)[number], string>;

export function intervalsOf(drafts: Drafts): { ok: true; intervals: VisitIntervals } | { ok: false; error: string } {
  const intervals: VisitIntervals = {};
  for (const tag of TAGS) {
    const text = drafts[tag].trim();
    if (!text) continue;
    const days = Number(text);
    if (!/^\d+$/.test(text) || days < 1 || days > 90)
      return { ok: false, error: `${tag}老人的间隔请填 1 到 90 之间的整数天` };
    intervals[tag] = days;
  }
  return { ok: true, intervals };
}
