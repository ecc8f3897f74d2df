/** China has one time zone and no daylight saving: Asia/Shanghai is always UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-11-20T01:30:00Z → 11月20日 09:30, as shown in Asia/Shanghai whatever the phone's zone. */
export function formatShanghai(iso: string): string {
  const t = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** Whole days from `iso` until now (0 on the same day or for a time ahead). */
export function daysSince(iso: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS));
}

/** 1960-01-05 → 1960年1月5日. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The Shanghai calendar day of an instant, as a day number (for "same day" comparisons). */
const shanghaiDay = (ms: number) => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);

/**
 * When a message arrived, as a person says it (Asia/Shanghai): 刚刚, 10分钟前, 今天 09:30,
 * 昨天 18:05, 11月20日, and 2025年11月20日 for an earlier year. A time slightly ahead of the phone's
 * clock reads 刚刚.
 */
export function formatMessageTime(iso: string, now: Date = new Date()): string {
  const at = Date.parse(iso);
  const nowMs = now.getTime();
  const minutes = Math.floor((nowMs - at) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes}分钟前`;
  const t = new Date(at + SHANGHAI_OFFSET_MS);
  const clock = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  const days = shanghaiDay(nowMs) - shanghaiDay(at);
  if (days === 0) return `今天 ${clock}`;
  if (days === 1) return `昨天 ${clock}`;
  const sameYear = new Date(nowMs + SHANGHAI_OFFSET_MS).getUTCFullYear() === t.getUTCFullYear();
  const date = `${t.getUTCMonth() + 1}月${t.getUTCDate()}日`;
  return sameYear ? date : `${t.getUTCFullYear()}年${date}`;
}

/** 2026-11-20 → 11月20日. */
export function formatMonthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}
