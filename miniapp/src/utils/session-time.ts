/**
 * Council times: the API speaks UTC ISO strings, people read Asia/Shanghai. China has one time
 * zone and no daylight saving, so Shanghai is always UTC+8 and a fixed offset is exact.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date whose UTC fields read as the Shanghai wall clock at `ms`. */
const wall = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS);

/** 2026-11-23T01:30:00Z → 2026-11-23 (the Shanghai date). */
export function shanghaiDate(iso: string): string {
  const t = wall(Date.parse(iso));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** 2026-11-23T01:30:00Z → 09:30 (the Shanghai clock). */
export function shanghaiClock(iso: string): string {
  const t = wall(Date.parse(iso));
  return `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** 11月23日 周一, with the year in front when it is not this (Shanghai) year. */
export function formatDay(iso: string, now: Date = new Date()): string {
  const t = wall(Date.parse(iso));
  const year = t.getUTCFullYear() === wall(now.getTime()).getUTCFullYear() ? '' : `${t.getUTCFullYear()}年`;
  return `${year}${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${WEEKDAYS[t.getUTCDay()]}`;
}

/** 11月23日 周一 07:30: a deadline or a check-in time. */
export function formatMoment(iso: string, now: Date = new Date()): string {
  return `${formatDay(iso, now)} ${shanghaiClock(iso)}`;
}

/** 11月23日 周一 09:30–11:00; both days are named when the session runs past midnight. */
export function formatSessionTime(startsAt: string, endsAt: string, now: Date = new Date()): string {
  if (shanghaiDate(startsAt) === shanghaiDate(endsAt)) {
    return `${formatMoment(startsAt, now)}–${shanghaiClock(endsAt)}`;
  }
  return `${formatMoment(startsAt, now)} 至 ${formatMoment(endsAt, now)}`;
}

/** A Shanghai date and clock (2026-11-23, 09:30) → the UTC ISO string the API takes. */
export function shanghaiToIso(date: string, clock: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = clock.split(':').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, hh!, mm!) - SHANGHAI_OFFSET_MS).toISOString();
}

/** 120 → 2小时, 90 → 1小时30分钟, 1440 → 1天: a span of minutes as people say it. */
export function formatMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days}天` : '', hours ? `${hours}小时` : '', rest ? `${rest}分钟` : ''].filter(Boolean);
  return parts.length ? parts.join('') : '0分钟';
}

/**
 * Where a new session's time pickers start: the first half hour at least 15 minutes from now,
 * lasting an hour and a half (ending by 23:59 the same day).
 */
export function suggestedSlot(now: Date = new Date()): { date: string; start: string; end: string } {
  const step = 30 * MINUTE_MS;
  const startMs = Math.ceil((now.getTime() + 15 * MINUTE_MS) / step) * step;
  const start = new Date(startMs).toISOString();
  const end = new Date(startMs + 90 * MINUTE_MS).toISOString();
  const sameDay = shanghaiDate(start) === shanghaiDate(end);
  return { date: shanghaiDate(start), start: shanghaiClock(start), end: sameDay ? shanghaiClock(end) : '23:59' };
}
