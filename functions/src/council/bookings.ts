/** Seat bookings with a waitlist: book, cancel (promoting the head of the waitlist), list one's own. */
import { ulid } from 'ulidx';
import type { Booking, MyBooking } from '@linli/shared/contract/council';
import { DomainError } from '@linli/shared/domain-error';
import { bookingRefusal, cancellationRefusal, isInAudience, newCheckinCode } from '@linli/shared/domain/council/rules';
import { subjectInFrom, subjectOf, subjectToRead, type Caller } from '../identity';
import { completionPut, currentRequest } from '../platform/idempotency';
import { randomNumbers } from '../platform/random';
import { retry, withOptimisticRetry } from '../platform/retry';
import * as repo from './repository';
import type { Release } from './repository';
import type { BookingRecord, SessionRecord } from './records';
import { holdsSeatFor } from './items';
import { freedSeatRelease, giveBackSeatQuietly, holdSeat, reclaimLapsedSeats, seatPromoted } from './seat-holds';
import { bookingView, nowIso, restrictionFrom, sessionOf, sessionView, type SessionRef } from './views';

/**
 * Books a seat for the member (the caller, or the member they act for), or a place on the
 * waitlist when the online seats are gone. A free seat is held first with one small conditional
 * write (see seat-holds.ts) and booked by a conditional transaction that consumes the hold; a
 * waitlist place is taken by one conditional transaction. A lost race is retried against the
 * session it lost to; a held seat that is not booked is given back.
 */
export async function bookSeat(caller: Caller, { communityId, sessionId }: SessionRef): Promise<Booking> {
  const { principal } = caller;
  const { memberId, readMember } = subjectToRead(caller, communityId);
  // One round trip: session, policy and (unless acting for someone) the member, beside the
  // member's bookings; the transaction below is what guards seats, places and one booking each.
  const [{ session: found, settings, member: record }, history] = await Promise.all([
    repo.getSessionAndSettings(sessionId, communityId, readMember ? memberId : undefined),
    repo.listMemberBookings(memberId),
  ]);
  const member = await subjectInFrom(caller, communityId, record);
  if (!found || found.communityId !== communityId) throw new DomainError('SESSION_NOT_FOUND');
  const first = found;
  const now = new Date();
  const refusal = bookingRefusal(first, now);
  if (refusal) throw new DomainError(refusal);
  if (!isInAudience(first.audience, member.buildingId)) throw new DomainError('NOT_IN_AUDIENCE');
  // The member's index may lag a moment behind a cancellation: what it says is confirmed on the
  // booking itself, and what it misses the transaction's condition catches.
  if (history.some((b) => b.sessionId === sessionId && b.status !== 'cancelled')) {
    const existing = await repo.getBooking(sessionId, member.memberId, true);
    if (existing && existing.status !== 'cancelled') throw new DomainError('ALREADY_BOOKED');
  }
  const restriction = await restrictionFrom(history, settings, communityId, now);

  // What the last lost race saw of the session, so a retry need not read it again.
  let seen: SessionRecord | undefined = first;
  const holdId = currentRequest()?.copyId ?? ulid();
  // Whether this request took a seat hold it must give back if it books nothing (a copy's
  // hold it found is left to the copy, or to lapse).
  let tookHold = false;
  let placed = false;
  try {
    return await withOptimisticRetry(async () => {
      const session = seen ?? (await sessionOf(communityId, sessionId, true));
      seen = undefined;
      const now = new Date();
      // Seats held by bookings that died are anyone's again: give them back, then look again.
      if (await reclaimLapsedSeats(session, now)) return retry;
      const again = bookingRefusal(session, now);
      if (again) throw new DomainError(again);
      const holding = holdsSeatFor(session, holdId);
      const seatFree = holding || (session.booked < session.onlineSeats && session.waiting === 0);
      if (seatFree && restriction) throw new DomainError('BOOKING_RESTRICTED', { until: restriction.until });
      if (seatFree && !holding) {
        const hold = await holdSeat(sessionId, holdId, now);
        if (!hold.held) {
          seen = hold.session;
          return retry;
        }
        tookHold ||= !hold.byCopy;
      }
      const createdAt = nowIso();
      const bookingId = ulid();
      const booking: BookingRecord = {
        bookingId,
        sessionId,
        communityId,
        memberId: member.memberId,
        memberName: member.realName,
        buildingName: member.buildingName,
        unitName: member.unitName,
        room: member.room,
        bookedByUserId: principal.userId,
        bookedByName: principal.name,
        via: member.via,
        status: seatFree ? 'booked' : 'waitlisted',
        checkinCode: newCheckinCode(randomNumbers),
        sessionStartsAt: session.startsAt,
        sessionEndsAt: session.endsAt,
        createdAt,
      };
      const base = { communityId, sessionId, memberId: member.memberId, bookedByUserId: principal.userId };
      // A replay cannot know the waitlist place the first answer read after commit; it says
      // 候补 without a number rather than a number that may have changed since.
      const replay = { ...bookingView(booking, session, true), waitlistPosition: undefined };
      const taken = await repo.takePlace(
        booking,
        createdAt,
        seatFree ? { type: 'council.booking_confirmed', ...base } : { type: 'council.waitlisted', ...base },
        completionPut(replay),
        seatFree ? holdId : undefined,
      );
      if (taken.outcome === 'already-booked') throw new DomainError('ALREADY_BOOKED');
      if (taken.outcome === 'session-changed') seen = taken.session;
      if (taken.outcome !== 'taken') return retry;
      placed = true;
      // The place is read after commit: everyone ahead committed before, so it is final until
      // someone ahead leaves or is promoted.
      return bookingView(booking, seatFree ? session : await sessionOf(communityId, sessionId, true), true);
    });
  } finally {
    if (tookHold && !placed) await giveBackSeatQuietly(sessionId, holdId);
  }
}

export async function cancelBooking(caller: Caller, { communityId, sessionId }: SessionRef): Promise<Booking> {
  const subject = await subjectOf(caller);
  const session = await sessionOf(communityId, sessionId);
  const refusal = cancellationRefusal(session, new Date());
  return withOptimisticRetry(async () => {
    const booking = await repo.getBooking(sessionId, subject.memberId, true);
    if (!booking || booking.status === 'cancelled') throw new DomainError('BOOKING_NOT_FOUND');
    if (booking.status === 'attended') throw new DomainError('BOOKING_NOT_ACTIVE');
    if (refusal) throw new DomainError(refusal);
    const at = nowIso();
    const cancelled = {
      type: 'council.booking_cancelled' as const,
      communityId,
      sessionId,
      memberId: booking.memberId,
    };
    const fresh = await sessionOf(communityId, sessionId, true);
    // Seats held by bookings that died go back first (maybe to the head this release would promote).
    if (await reclaimLapsedSeats(fresh, new Date())) return retry;
    let release: Release | undefined;
    if (booking.status === 'waitlisted') {
      const place = (fresh.waitlist ?? []).indexOf(booking.memberId);
      // Promoted between the two reads: read the booking again.
      if (place < 0) return retry;
      release = { place };
    } else {
      release = await freedSeatRelease(fresh);
      // The head left between the two reads: read the queue again.
      if (!release) return retry;
    }
    const events = 'promote' in release ? [cancelled, seatPromoted(release.promote)] : [cancelled];
    const reply = bookingView({ ...booking, status: 'cancelled', cancelledAt: at }, session, false);
    const outcome = await repo.releasePlace({ booking }, release, at, events, completionPut(reply));
    if (outcome !== 'released') return retry;
    return reply;
  });
}

export async function listMyBookings(caller: Caller): Promise<{ bookings: MyBooking[] }> {
  const subject = await subjectOf(caller);
  const bookings = (await repo.listMemberBookings(subject.memberId)).filter((b) => b.status !== 'cancelled');
  const sessions = new Map((await repo.getSessions(bookings.map((b) => b.sessionId))).map((s) => [s.sessionId, s]));
  const now = new Date();
  const rows = bookings.flatMap((b) => {
    const s = sessions.get(b.sessionId);
    return s ? [{ booking: bookingView(b, s, true, now), session: sessionView(s) }] : [];
  });
  // Upcoming first (soonest first), then past (most recent first).
  const nowIsoString = now.toISOString();
  const upcoming = rows
    .filter((r) => r.session.endsAt >= nowIsoString)
    .sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
  const past = rows
    .filter((r) => r.session.endsAt < nowIsoString)
    .sort((a, b) => b.session.startsAt.localeCompare(a.session.startsAt));
  return { bookings: [...upcoming, ...past] };
}
