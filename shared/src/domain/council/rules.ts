/** Pure rules of council sessions and bookings; no I/O, times as ISO strings or Date. */
import type { ErrorCode } from '../../errors';
import { newShortCode, parseScannedCode, scannableCode } from '../common/short-code';

export type Audience = { kind: 'community' } | { kind: 'buildings'; buildingIds: string[] };

export interface SessionTimes {
  startsAt: string;
  endsAt: string;
  bookingOpensAt: string;
  bookingClosesAt: string;
  cancelCutoffAt: string;
  status: 'scheduled' | 'cancelled';
}

/** Longest session staff can schedule, and how far ahead. */
export const MAX_SESSION_HOURS = 12;
export const MAX_DAYS_AHEAD = 180;
/** Default cancellation cutoff before the start. */
export const DEFAULT_CANCEL_CUTOFF_MINUTES = 120;
/** Staff may check people in from this long before the start until the end. */
export const CHECKIN_OPENS_MINUTES_BEFORE = 60;

const ms = (iso: string) => Date.parse(iso);

export interface ScheduleInput {
  startsAt: string;
  endsAt: string;
  bookingOpensAt?: string;
  bookingClosesAt?: string;
  cancelCutoffMinutes?: number;
  reservedSeats?: number;
  capacity: number;
}

/** Fills the defaults of a new session and checks its times and seats; returns an error code when wrong. */
export function planSession(
  input: ScheduleInput,
  now: Date,
):
  | { ok: true; times: Omit<SessionTimes, 'status'>; onlineSeats: number; reservedSeats: number }
  | { ok: false; code: ErrorCode } {
  const start = ms(input.startsAt);
  const end = ms(input.endsAt);
  const nowMs = now.getTime();
  if (!(start > nowMs) || !(end > start)) return { ok: false, code: 'SESSION_TIMES_INVALID' };
  if (end - start > MAX_SESSION_HOURS * 3600_000) return { ok: false, code: 'SESSION_TIMES_INVALID' };
  if (start - nowMs > MAX_DAYS_AHEAD * 86_400_000) return { ok: false, code: 'SESSION_TIMES_INVALID' };
  const opens = input.bookingOpensAt ? ms(input.bookingOpensAt) : nowMs;
  const closes = input.bookingClosesAt ? ms(input.bookingClosesAt) : start;
  if (!(opens < closes) || closes > start) return { ok: false, code: 'SESSION_TIMES_INVALID' };
  const reserved = input.reservedSeats ?? 0;
  if (reserved > input.capacity) return { ok: false, code: 'RESERVED_SEATS_INVALID' };
  const cutoffMinutes = input.cancelCutoffMinutes ?? DEFAULT_CANCEL_CUTOFF_MINUTES;
  return {
    ok: true,
    times: {
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(end).toISOString(),
      bookingOpensAt: new Date(opens).toISOString(),
      bookingClosesAt: new Date(closes).toISOString(),
      cancelCutoffAt: new Date(start - cutoffMinutes * 60_000).toISOString(),
    },
    onlineSeats: input.capacity - reserved,
    reservedSeats: reserved,
  };
}

/** Two sessions overlap when each starts before the other ends (touching ends do not overlap). */
export function overlaps(a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }): boolean {
  return ms(a.startsAt) < ms(b.endsAt) && ms(b.startsAt) < ms(a.endsAt);
}

/** Whether a member living in `buildingId` is among a session's audience. */
export function isInAudience(audience: Audience, buildingId: string): boolean {
  return audience.kind === 'community' || audience.buildingIds.includes(buildingId);
}

/** Why a booking cannot be made now, or undefined when the window is open. */
export function bookingRefusal(s: SessionTimes, now: Date): ErrorCode | undefined {
  if (s.status === 'cancelled') return 'SESSION_CANCELLED';
  const t = now.getTime();
  if (t >= ms(s.startsAt)) return 'SESSION_ALREADY_STARTED';
  if (t < ms(s.bookingOpensAt)) return 'BOOKING_NOT_OPEN';
  if (t >= ms(s.bookingClosesAt)) return 'BOOKING_CLOSED';
  return undefined;
}

/** Why a booking cannot be cancelled now, or undefined. */
export function cancellationRefusal(s: SessionTimes, now: Date): ErrorCode | undefined {
  if (s.status === 'cancelled') return 'SESSION_CANCELLED';
  if (now.getTime() >= ms(s.cancelCutoffAt)) return 'CANCEL_CUTOFF_PASSED';
  return undefined;
}

/** Why staff cannot check someone in now, or undefined. */
export function checkinRefusal(s: SessionTimes, now: Date): ErrorCode | undefined {
  if (s.status === 'cancelled') return 'SESSION_CANCELLED';
  const t = now.getTime();
  if (t < ms(s.startsAt) - CHECKIN_OPENS_MINUTES_BEFORE * 60_000 || t > ms(s.endsAt)) return 'CHECKIN_NOT_OPEN';
  return undefined;
}

export type StoredBookingStatus = 'booked' | 'waitlisted' | 'cancelled' | 'attended';

/** A seat never checked in becomes a no-show once the session has ended. */
export function effectiveStatus(
  stored: StoredBookingStatus,
  sessionEndsAt: string,
  now: Date,
): StoredBookingStatus | 'no_show' {
  return stored === 'booked' && now.getTime() > ms(sessionEndsAt) ? 'no_show' : stored;
}

/** Community settings for no-shows; the defaults are the community's unless it set its own. */
export interface NoShowPolicy {
  limit: number;
  windowDays: number;
  restrictionDays: number;
}
export const DEFAULT_NO_SHOW_POLICY: NoShowPolicy = { limit: 3, windowDays: 90, restrictionDays: 30 };

/**
 * A member whose `limit`-th no-show within `windowDays` has happened may only join waitlists
 * until `restrictionDays` after it. The window is counted back from each no-show, so once a
 * restriction starts it runs its full length even as older no-shows age out.
 */
export function noShowRestriction(
  noShowEnds: string[],
  policy: NoShowPolicy,
  now: Date,
): { until: string } | undefined {
  const nowMs = now.getTime();
  const windowMs = policy.windowDays * 86_400_000;
  const past = noShowEnds.map(ms).filter((t) => t <= nowMs);
  const triggers = past.filter((n) => past.filter((t) => t >= n - windowMs && t <= n).length >= policy.limit);
  if (triggers.length === 0) return undefined;
  const until = Math.max(...triggers) + policy.restrictionDays * 86_400_000;
  return until > nowMs ? { until: new Date(until).toISOString() } : undefined;
}

/** Check-in codes: 6 readable characters (see common/short-code). */
export const newCheckinCode = (random: (n: number) => number[]): string => newShortCode(random);

const QR_PREFIX = 'linli:checkin:';

/** The text in a booking's QR code. */
export const qrPayload = (sessionId: string, code: string): string => scannableCode(QR_PREFIX, sessionId, code);

/** A scanned QR text or a typed code → the code, if it belongs to this session. */
export const parseCheckinInput = (input: string, sessionId: string): string | undefined =>
  parseScannedCode(input, QR_PREFIX, sessionId);

export { toCsv } from '../common/csv';
