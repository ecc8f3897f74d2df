/** How council records read to people, and the session and restriction a request is checked against. */
import type { Booking, CouncilSession, Venue } from '@linli/shared/contract/council';
import { DomainError } from '@linli/shared/domain-error';
import { effectiveStatus, noShowRestriction, qrPayload } from '@linli/shared/domain/council/rules';
import { lapsedSeatHolds } from './items';
import * as repo from './repository';
import type { BookingRecord, CouncilSettings, SessionRecord, VenueRecord } from './records';

export const nowIso = () => new Date().toISOString();

/** A seat of a cancelled session is never a no-show; otherwise an unused seat becomes one at the end. */
export function statusOf(b: BookingRecord, session: SessionRecord, now: Date) {
  return session.status === 'cancelled' ? b.status : effectiveStatus(b.status, session.endsAt, now);
}

export function venueView(v: VenueRecord): Venue {
  return { venueId: v.venueId, name: v.name, place: v.place, capacity: v.capacity };
}

export function sessionView(s: SessionRecord): CouncilSession {
  return {
    sessionId: s.sessionId,
    communityId: s.communityId,
    title: s.title,
    venue: { venueId: s.venueId, name: s.venueName, place: s.venuePlace, capacity: s.capacity },
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    audience: s.audience,
    bookingOpensAt: s.bookingOpensAt,
    bookingClosesAt: s.bookingClosesAt,
    cancelCutoffAt: s.cancelCutoffAt,
    onlineSeats: s.onlineSeats,
    reservedSeats: s.reservedSeats,
    // A seat held by a booking that died is free again; the next booking gives it back.
    seatsLeft: Math.max(0, s.onlineSeats - s.booked + lapsedSeatHolds(s, new Date().toISOString()).length),
    waiting: s.waiting,
    status: s.status,
    cancelReason: s.cancelReason,
  };
}

/** 1-based place of a member in the session's waitlist as read, undefined when not in it. */
export function waitlistPlace(session: SessionRecord, memberId: string): number | undefined {
  const index = (session.waitlist ?? []).indexOf(memberId);
  return index < 0 ? undefined : index + 1;
}

/**
 * A booking as its member's side sees it; `withCode` adds the check-in code and QR text. The
 * waitlist place comes from `session`, so it is as fresh as that read.
 */
export function bookingView(b: BookingRecord, session: SessionRecord, withCode: boolean, now = new Date()): Booking {
  const status = effectiveStatus(b.status, session.endsAt, now);
  return {
    bookingId: b.bookingId,
    sessionId: b.sessionId,
    memberId: b.memberId,
    memberName: b.memberName,
    bookedBy: { userId: b.bookedByUserId, name: b.bookedByName, via: b.via },
    status,
    waitlistPosition: status === 'waitlisted' ? waitlistPlace(session, b.memberId) : undefined,
    ...(withCode && (status === 'booked' || status === 'waitlisted')
      ? { checkinCode: b.checkinCode, qrPayload: qrPayload(b.sessionId, b.checkinCode) }
      : {}),
    createdAt: b.createdAt,
    checkedInAt: b.checkedInAt,
  };
}

/** A session of a community, as the path names it. */
export interface SessionRef {
  communityId: string;
  sessionId: string;
}

export async function sessionOf(communityId: string, sessionId: string, consistent = false): Promise<SessionRecord> {
  const s = await repo.getSession(sessionId, consistent);
  if (!s || s.communityId !== communityId) throw new DomainError('SESSION_NOT_FOUND');
  return s;
}

/**
 * Whether the member may only join waitlists because of recent no-shows. Bookings of sessions
 * that were cancelled are not no-shows, so the few candidates are checked against their session.
 */
export async function restrictionOf(memberId: string, communityId: string, now: Date) {
  const [history, policy] = await Promise.all([repo.listMemberBookings(memberId), repo.getSettings(communityId)]);
  return restrictionFrom(history, policy, communityId, now);
}

/** The no-show restriction from a member's bookings and the community's policy, already read. */
export async function restrictionFrom(
  history: BookingRecord[],
  policy: CouncilSettings,
  communityId: string,
  now: Date,
) {
  const candidates = history.filter(
    (b) => effectiveStatus(b.status, b.sessionEndsAt, now) === 'no_show' && b.communityId === communityId,
  );
  if (candidates.length < policy.limit) return undefined;
  const sessions = await repo.getSessions(candidates.map((b) => b.sessionId));
  const noShowEnds = sessions.filter((x) => x.status === 'scheduled').map((x) => x.endsAt);
  return noShowRestriction(noShowEnds, policy, now);
}
