/**
 * Keys, index values, type tags and item builders of the council entities, declared once; no
 * I/O (the seed uses them too). The session key lives in table.ts: the agenda and the session
 * reminders read sessions too.
 */
import { index as sharedIndex, key as sharedKey } from '../table';
import type { BookingRecord, SessionRecord, VenueRecord } from './records';

type Item = Record<string, unknown>;

export const councilTypes = ['Venue', 'Session', 'Booking', 'CheckinCode'] as const;
export type CouncilType = (typeof councilTypes)[number];

export const councilKey = {
  venue: (communityId: string, venueId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: `VENUE#${venueId}` }),
  settings: (communityId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: 'SETTINGS#council' }),
  session: sharedKey.session,
  booking: (sessionId: string, memberId: string) => ({ pk: `SESSION#${sessionId}`, sk: `BOOKING#${memberId}` }),
  checkinCode: (sessionId: string, code: string) => ({ pk: `SESSION#${sessionId}`, sk: `CODE#${code}` }),
} as const;

export const councilIndex = {
  communitySessions: sharedIndex.communitySessions,
  venueSessions: (communityId: string, venueId: string) => `VENUE#${communityId}#${venueId}`,
  memberBookings: (memberId: string) => `MEMBER#${memberId}#BOOKINGS`,
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
    gsi1sk: `${s.startsAt}#${s.sessionId}`,
    gsi2pk: councilIndex.venueSessions(s.communityId, s.venueId),
    gsi2sk: `${s.startsAt}#${s.sessionId}`,
  };
}

/** A booking, listed under its member (AP22); its place in the queue is on the session (AP21). */
export function bookingItem(b: BookingRecord): Item {
  return {
    ...councilKey.booking(b.sessionId, b.memberId),
    type: 'Booking',
    ...b,
    gsi1pk: councilIndex.memberBookings(b.memberId),
    gsi1sk: `${b.sessionStartsAt}#${b.sessionId}`,
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
