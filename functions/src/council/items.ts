/**
 * Keys, index values, type tags and item builders of the council entities, declared once; no
 * I/O (the seed uses them too). The session key lives in table.ts: the agenda and the session
 * reminders read sessions too.
 */
import { index as sharedIndex, key as sharedKey, partition } from '../table';
import type { BookingRecord, SessionRecord, VenueRecord } from './records';

type Item = Record<string, unknown>;

export const councilTypes = ['Venue', 'Session', 'Booking', 'CheckinCode'] as const;
export type CouncilType = (typeof councilTypes)[number];

export const councilKey = {
  venue: (communityId: string, venueId: string) => ({ pk: partition.community(communityId), sk: `VENUE#${venueId}` }),
  venuePrefix: 'VENUE#',
  settings: (communityId: string) => ({ pk: partition.community(communityId), sk: 'SETTINGS#council' }),
  session: sharedKey.session,
  booking: (sessionId: string, memberId: string) => ({ pk: partition.session(sessionId), sk: `BOOKING#${memberId}` }),
  bookingPrefix: 'BOOKING#',
  checkinCode: (sessionId: string, code: string) => ({ pk: partition.session(sessionId), sk: `CODE#${code}` }),
} as const;

export const councilIndex = {
  communitySessions: sharedIndex.communitySessions,
  venueSessions: (communityId: string, venueId: string) => `VENUE#${communityId}#${venueId}`,
  memberBookings: (memberId: string) => `MEMBER#${memberId}#BOOKINGS`,
  /** The sort value of a session, or of a booking, in each of these lists: by start. */
  byStart: (startsAt: string, sessionId: string) => `${startsAt}#${sessionId}`,
} as const;

export const venueItem = (v: VenueRecord): Item => ({
  ...councilKey.venue(v.communityId, v.venueId),
  type: 'Venue',
  ...v,
});

/** A session, listed by start under its community (AP17) and its venue (AP18). */
export function sessionItem(s: SessionRecord): Item {
  return {
    ...councilKey.session(s.sessionId),
    type: 'Session',
    ...s,
    gsi1pk: councilIndex.communitySessions(s.communityId),
    gsi1sk: councilIndex.byStart(s.startsAt, s.sessionId),
    gsi2pk: councilIndex.venueSessions(s.communityId, s.venueId),
    gsi2sk: councilIndex.byStart(s.startsAt, s.sessionId),
  };
}

/** A booking, listed under its member (AP22); its place in the queue is on the session (AP21). */
export function bookingItem(b: BookingRecord): Item {
  return {
    ...councilKey.booking(b.sessionId, b.memberId),
    type: 'Booking',
    ...b,
    gsi1pk: councilIndex.memberBookings(b.memberId),
    gsi1sk: councilIndex.byStart(b.sessionStartsAt, b.sessionId),
  };
}

export const checkinCodeItem = (
  b: Pick<BookingRecord, 'sessionId' | 'checkinCode' | 'memberId' | 'bookingId'>,
): Item => ({
  ...councilKey.checkinCode(b.sessionId, b.checkinCode),
  type: 'CheckinCode',
  memberId: b.memberId,
  bookingId: b.bookingId,
});

/**
 * A seat hold: a seat a booking in flight took (counted in the session's `booked`), kept on the
 * session as the attribute `seat#<holdId>` = until, until the booking's transaction consumes it,
 * the booking gives it back, or, past `until` (a booking that died), anyone gives it back. See
 * council/seat-holds.ts.
 */
export interface SeatHold {
  holdId: string;
  until: string;
}

const SEAT_HOLD_PREFIX = 'seat#';
export const seatHoldAttribute = (holdId: string): string => `${SEAT_HOLD_PREFIX}${holdId}`;

/** The seat holds on a session as read (its `seat#…` attributes). */
export function seatHoldsOn(session: object): SeatHold[] {
  return Object.entries(session).flatMap(([name, until]) =>
    name.startsWith(SEAT_HOLD_PREFIX) && typeof until === 'string'
      ? [{ holdId: name.slice(SEAT_HOLD_PREFIX.length), until }]
      : [],
  );
}

/** Whether the session holds a seat for `holdId` (this request, or a copy of it, took one). */
export const holdsSeatFor = (session: object, holdId: string): boolean => seatHoldAttribute(holdId) in session;

/** Holds whose booking died: past their `until`, their seats are given back by whoever reads them. */
export const lapsedSeatHolds = (session: object, now: string): SeatHold[] =>
  seatHoldsOn(session).filter((h) => h.until < now);
