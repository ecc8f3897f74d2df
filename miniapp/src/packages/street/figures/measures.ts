/** What the street figures chart can compare, and the month arithmetic of the page. */
import type { StreetFigures } from '../../../hooks/use-street-console';

type Row = StreetFigures['communities'][number];

export const MEASURES = [
  { key: 'verifiedMembers', label: '认证居民', unit: '人', value: (r: Row) => r.verifiedMembers },
  { key: 'attended', label: '议事会到会', unit: '人次', value: (r: Row) => r.attended },
  { key: 'topicsDone', label: '议题办结', unit: '件', value: (r: Row) => r.topicsDone },
  { key: 'mealsServed', label: '助餐', unit: '份', value: (r: Row) => r.mealsServed },
  { key: 'subsidy', label: '助餐补贴', unit: '元', value: (r: Row) => Math.round(r.subsidyFen / 100) },
  { key: 'volunteerHours', label: '志愿服务', unit: '小时', value: (r: Row) => Math.round(r.volunteerMinutes / 60) },
  { key: 'pointsIssued', label: '积分发放', unit: '积分', value: (r: Row) => r.pointsIssued },
] as const;
export type MeasureKey = (typeof MEASURES)[number]['key'];

/** The current Shanghai month, YYYY-MM. */
export const thisMonth = (now = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

/** 2026-01 − 1 → 2025-12. */
export function shiftMonth(month: string, step: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** 2026-11 → 2026年11月. */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
