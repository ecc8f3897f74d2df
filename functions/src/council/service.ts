/** Council use cases: venues, sessions, seat bookings with a waitlist, check-in. */
import { randomInt } from 'node:crypto';
import { ulid } from 'ulidx';
import type { Booking, CouncilSession, MyBooking, SessionDetail, Venue } from '@linli/shared/contract/council';
import type { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/errors';
import {
  bookingRefusal,
  cancellationRefusal,
  checkinRefusal,
  effectiveStatus,
  isInAudience,
  newCheckinCode,
  noShowRestriction,
  overlaps,
  parseCheckinInput,
  planSession,
  qrPayload,
  toCsv,
  type Audience,
} from '@linli/shared/domain/council/rules';
import { resolveActingSubject, type ActingSubject } from '../identity/acting';
import { retry, withOptimisticRetry } from '../platform/retry';
import * as repo from './repository';
import type { BookingRecord, SessionRecord, VenueRecord } from './records';

const nowIso = () => new Date().toISOString();

// ── views ────────────────────────────────────────────────────────────────────

/** A seat of a cancelled session is never a no-show; otherwise an unused seat becomes one at the end. */
function statusOf(b: BookingRecord, session: SessionRecord, now: Date) {
  return session.status === 'cancelled' ? b.status : effectiveStatus(b.status, session.endsAt, now);
}

function venueView(v: VenueRecord): Venue {
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
    seatsLeft: Math.max(0, s.onlineSeats - s.booked),
    waiting: s.waiting,
    status: s.status,
    cancelReason: s.cancelReason,
  };
}

/** A booking as its member's side sees it; `withCode` adds the check-in code and QR text. */
async function bookingView(
  b: BookingRecord,
  session: SessionRecord,
  withCode: boolean,
  now = new Date(),
): Promise<Booking> {
  const status = effectiveStatus(b.status, session.endsAt, now);
  return {
    bookingId: b.bookingId,
    sessionId: b.sessionId,
    memberId: b.memberId,
    memberName: b.memberName,
    bookedBy: { userId: b.bookedByUserId, name: b.bookedByName, via: b.via },
    status,
    waitlistPosition:
      status === 'waitlisted' && b.waitKey ? await repo.waitlistPosition(b.sessionId, b.waitKey) : undefined,
    ...(withCode && (status === 'booked' || status === 'waitlisted')
      ? { checkinCode: b.checkinCode, qrPayload: qrPayload(b.sessionId, b.checkinCode) }
      : {}),
    createdAt: b.createdAt,
    checkedInAt: b.checkedInAt,
  };
}

async function sessionOf(communityId: string, sessionId: string, consistent = false): Promise<SessionRecord> {
  const s = await repo.getSession(sessionId, consistent);
  if (!s || s.communityId !== communityId) throw new DomainError('SESSION_NOT_FOUND');
  return s;
}

// ── who a request is for ─────────────────────────────────────────────────────

/** The member a resident request is about: the acted-for member, or the caller's own record. */
async function subjectOf(principal: Principal, onBehalfOf: ActingSubject | undefined): Promise<ActingSubject> {
  if (onBehalfOf) return onBehalfOf;
  const memberId = principal.grants.find((g) => g.role === 'resident' && g.memberId)?.memberId;
  if (!memberId) throw new DomainError('NOT_A_MEMBER');
  return resolveActingSubject(principal, memberId);
}

/**
 * Whether the member may only join waitlists because of recent no-shows. Bookings of sessions
 * that were cancelled are not no-shows, so the few candidates are checked against their session.
 */
async function restrictionOf(memberId: string, communityId: string, now: Date) {
  const [history, policy] = await Promise.all([repo.listMemberBookings(memberId), repo.getSettings(communityId)]);
  const candidates = history.filter(
    (b) => effectiveStatus(b.status, b.sessionEndsAt, now) === 'no_show' && b.communityId === communityId,
  );
  if (candidates.length < policy.limit) return undefined;
  const sessions = await repo.getSessions(candidates.map((b) => b.sessionId));
  const noShowEnds = sessions.filter((x) => x.status === 'scheduled').map((x) => x.endsAt);
  return noShowRestriction(noShowEnds, policy, now);
}

// ── venues ───────────────────────────────────────────────────────────────────

export async function listVenues(communityId: string): Promise<{ venues: Venue[] }> {
  const venues = await repo.listVenues(communityId);
  return { venues: venues.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map(venueView) };
}

export async function createVenue(
  communityId: string,
  input: { name: string; place: string; capacity: number },
): Promise<Venue> {
  const venue: VenueRecord = { venueId: ulid(), communityId, ...input, version: 0 };
  await repo.putVenue(venue, true);
  return venueView(venue);
}

export async function updateVenue(
  communityId: string,
  venueId: string,
  input: { name: string; place: string; capacity: number },
): Promise<Venue> {
  const updated = await repo.updateVenue(communityId, venueId, input);
  if (!updated) throw new DomainError('VENUE_NOT_FOUND');
  return venueView(updated);
}

// ── sessions ─────────────────────────────────────────────────────────────────

export interface ScheduleRequest {
  title: string;
  venueId: string;
  startsAt: string;
  endsAt: string;
  audience: Audience;
  bookingOpensAt?: string;
  bookingClosesAt?: string;
  cancelCutoffMinutes?: number;
  reservedSeats?: number;
}

export async function scheduleSession(
  staff: Principal,
  communityId: string,
  input: ScheduleRequest,
): Promise<CouncilSession> {
  return withOptimisticRetry(async () => {
    const venue = await repo.getVenue(communityId, input.venueId);
    if (!venue) throw new DomainError('VENUE_NOT_FOUND');
    const plan = planSession({ ...input, capacity: venue.capacity }, new Date());
    if (!plan.ok) throw new DomainError(plan.code);
    const candidates = await repo.listVenueSessionsStartingBefore(communityId, venue.venueId, plan.times.endsAt);
    if (candidates.some((s) => s.status === 'scheduled' && overlaps(s, plan.times))) {
      throw new DomainError('SESSION_OVERLAP');
    }
    const session: SessionRecord = {
      sessionId: ulid(),
      communityId,
      title: input.title,
      venueId: venue.venueId,
      venueName: venue.name,
      venuePlace: venue.place,
      capacity: venue.capacity,
      ...plan.times,
      audience: input.audience,
      onlineSeats: plan.onlineSeats,
      reservedSeats: plan.reservedSeats,
      booked: 0,
      waiting: 0,
      status: 'scheduled',
      createdBy: staff.userId,
      createdAt: nowIso(),
    };
    const created = await repo.createSession(session, venue.version ?? 0, {
      type: 'council.session_scheduled',
      communityId,
      sessionId: session.sessionId,
    });
    // Another schedule at this venue landed between our read and write: look again.
    return created ? sessionView(session) : retry;
  });
}

export async function cancelSession(communityId: string, sessionId: string, reason: string): Promise<CouncilSession> {
  const session = await sessionOf(communityId, sessionId);
  if (session.status === 'cancelled') throw new DomainError('SESSION_CANCELLED');
  if (Date.parse(session.startsAt) <= Date.now()) throw new DomainError('SESSION_ALREADY_STARTED');
  const outcome = await repo.cancelSession(sessionId, reason, {
    type: 'council.session_cancelled',
    communityId,
    sessionId,
    reason,
  });
  if (outcome !== 'cancelled') throw new DomainError('SESSION_CANCELLED');
  return sessionView({ ...session, status: 'cancelled', cancelReason: reason });
}

export async function listSessions(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  when: 'upcoming' | 'past',
): Promise<{ sessions: CouncilSession[] }> {
  const sessions = await repo.listCommunitySessions(communityId, when, new Date());
  const isStaff = !onBehalfOf && principal.grants.some((g) => g.role === 'staff' || g.role === 'admin');
  if (isStaff) return { sessions: sessions.map(sessionView) };
  const subject = await subjectOf(principal, onBehalfOf);
  return {
    sessions: sessions.filter((s) => isInAudience(s.audience, subject.buildingId)).map(sessionView),
  };
}

export async function getSessionDetail(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  sessionId: string,
): Promise<SessionDetail> {
  const session = await sessionOf(communityId, sessionId);
  const memberId = onBehalfOf?.memberId ?? principal.grants.find((g) => g.role === 'resident' && g.memberId)?.memberId;
  if (!memberId) return { session: sessionView(session), myBooking: null };
  const subject = await subjectOf(principal, onBehalfOf);
  if (!isInAudience(session.audience, subject.buildingId) && !principal.grants.some((g) => g.role === 'staff')) {
    throw new DomainError('NOT_IN_AUDIENCE');
  }
  const now = new Date();
  const [booking, restriction] = await Promise.all([
    repo.getBooking(sessionId, memberId),
    restrictionOf(subject.memberId, communityId, now),
  ]);
  const active = booking && booking.status !== 'cancelled' ? booking : undefined;
  return {
    session: sessionView(session),
    myBooking: active ? await bookingView(active, session, true, now) : null,
    ...(restriction
      ? {
          restriction: {
            code: 'BOOKING_RESTRICTED',
            message: '近期多次预约未到场，暂时只能候补',
            until: restriction.until,
          },
        }
      : {}),
  };
}

// ── bookings ─────────────────────────────────────────────────────────────────

const randomDigits = (n: number) => Array.from({ length: n }, () => randomInt(0, 1 << 30));

/**
 * Books a seat for the member (the caller, or the member they act for), or a place on the
 * waitlist when the online seats are gone. Seats and waitlist places change only inside
 * conditional transactions; a lost race is retried against the fresh session.
 */
export async function bookSeat(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  sessionId: string,
): Promise<Booking> {
  const member = await subjectOf(principal, onBehalfOf);
  if (member.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
  const first = await sessionOf(communityId, sessionId);
  const now = new Date();
  const refusal = bookingRefusal(first, now);
  if (refusal) throw new DomainError(refusal);
  if (!isInAudience(first.audience, member.buildingId)) throw new DomainError('NOT_IN_AUDIENCE');
  const existing = await repo.getBooking(sessionId, member.memberId, true);
  if (existing && existing.status !== 'cancelled') throw new DomainError('ALREADY_BOOKED');
  const restriction = await restrictionOf(member.memberId, communityId, now);

  return withOptimisticRetry(async (attempt) => {
    const session = attempt === 0 ? first : await sessionOf(communityId, sessionId, true);
    const again = bookingRefusal(session, new Date());
    if (again) throw new DomainError(again);
    const seatFree = session.booked < session.onlineSeats && session.waiting === 0;
    if (seatFree && restriction) throw new DomainError('BOOKING_RESTRICTED', { until: restriction.until });
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
      waitKey: seatFree ? undefined : `${createdAt}#${bookingId}`,
      checkinCode: newCheckinCode(randomDigits),
      sessionStartsAt: session.startsAt,
      sessionEndsAt: session.endsAt,
      createdAt,
    };
    const base = { communityId, sessionId, memberId: member.memberId, bookedByUserId: principal.userId };
    const outcome = await repo.takePlace(
      booking,
      createdAt,
      seatFree ? { type: 'council.booking_confirmed', ...base } : { type: 'council.waitlisted', ...base },
    );
    if (outcome === 'already-booked') throw new DomainError('ALREADY_BOOKED');
    if (outcome !== 'taken') return retry;
    return bookingView(booking, session, true);
  });
}

export async function cancelBooking(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  sessionId: string,
): Promise<Booking> {
  const subject = await subjectOf(principal, onBehalfOf);
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
    let promote: BookingRecord | undefined;
    if (booking.status === 'booked') {
      const fresh = await sessionOf(communityId, sessionId, true);
      if (fresh.waiting > 0) {
        promote = await repo.waitlistHead(sessionId);
        // The index has not caught up with someone who is waiting: look again shortly.
        if (!promote) return retry;
      }
    }
    const events = promote
      ? [
          cancelled,
          {
            type: 'council.seat_promoted' as const,
            communityId,
            sessionId,
            memberId: promote.memberId,
            bookedByUserId: promote.bookedByUserId,
          },
        ]
      : [cancelled];
    const outcome = await repo.releasePlace(booking, promote, at, events);
    if (outcome !== 'released') return retry;
    return bookingView({ ...booking, status: 'cancelled', cancelledAt: at }, session, false);
  });
}

export async function listMyBookings(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
): Promise<{ bookings: MyBooking[] }> {
  const subject = await subjectOf(principal, onBehalfOf);
  const bookings = (await repo.listMemberBookings(subject.memberId)).filter((b) => b.status !== 'cancelled');
  const sessions = new Map((await repo.getSessions(bookings.map((b) => b.sessionId))).map((s) => [s.sessionId, s]));
  const now = new Date();
  const rows = await Promise.all(
    bookings.flatMap((b) => {
      const s = sessions.get(b.sessionId);
      return s ? [bookingView(b, s, true, now).then((booking) => ({ booking, session: sessionView(s) }))] : [];
    }),
  );
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

// ── attendees and check-in ───────────────────────────────────────────────────

const STATUS_ORDER = ['attended', 'booked', 'no_show', 'waitlisted'] as const;

export async function listAttendees(communityId: string, sessionId: string) {
  const session = await sessionOf(communityId, sessionId);
  const now = new Date();
  const bookings = (await repo.listSessionBookings(sessionId)).filter((b) => b.status !== 'cancelled');
  const views = await Promise.all(bookings.map((b) => bookingView(b, session, false, now)));
  views.sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status as (typeof STATUS_ORDER)[number]) -
        STATUS_ORDER.indexOf(b.status as (typeof STATUS_ORDER)[number]) ||
      (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
      a.createdAt.localeCompare(b.createdAt),
  );
  return { session: sessionView(session), attendees: views };
}

const STATUS_LABEL: Record<string, string> = {
  booked: '已预约',
  waitlisted: '候补',
  attended: '已签到',
  no_show: '未到场',
  cancelled: '已取消',
};
const VIA_LABEL: Record<string, string> = { self: '本人', caregiver: '家属代办', staff: '社区代办' };

const shanghai = (iso: string | undefined) =>
  iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

export async function exportAttendees(communityId: string, sessionId: string) {
  const session = await sessionOf(communityId, sessionId);
  const now = new Date();
  const bookings = (await repo.listSessionBookings(sessionId)).filter((b) => b.status !== 'cancelled');
  const rows = bookings
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((b, i) => [
      i + 1,
      b.memberName,
      b.buildingName,
      b.unitName,
      b.room,
      STATUS_LABEL[statusOf(b, session, now)],
      b.bookedByUserId === undefined ? '' : `${b.bookedByName}（${VIA_LABEL[b.via]}）`,
      shanghai(b.createdAt),
      shanghai(b.checkedInAt),
    ]);
  const csv = toCsv([['序号', '姓名', '楼栋', '单元', '门牌', '状态', '预约人', '预约时间', '签到时间'], ...rows]);
  return { filename: `${shanghai(session.startsAt).slice(0, 10)}-${session.title}-参会名单.csv`, csv };
}

export async function checkIn(
  staff: Principal,
  communityId: string,
  sessionId: string,
  input: string,
): Promise<Booking> {
  const session = await sessionOf(communityId, sessionId);
  const code = parseCheckinInput(input, sessionId);
  if (!code) throw new DomainError('CHECKIN_CODE_INVALID');
  const pointer = await repo.getCheckinCode(sessionId, code);
  if (!pointer) throw new DomainError('CHECKIN_CODE_INVALID');
  const booking = await repo.getBooking(sessionId, pointer.memberId, true);
  if (!booking || booking.bookingId !== pointer.bookingId) throw new DomainError('CHECKIN_CODE_INVALID');
  if (booking.status === 'attended') throw new DomainError('ALREADY_CHECKED_IN');
  if (booking.status !== 'booked') throw new DomainError('BOOKING_NOT_ACTIVE');
  const refusal = checkinRefusal(session, new Date());
  if (refusal) throw new DomainError(refusal);
  const at = nowIso();
  const marked = await repo.markAttended(booking, staff.userId, at, {
    type: 'council.checked_in',
    communityId,
    sessionId,
    memberId: booking.memberId,
  });
  if (!marked) {
    const now = await repo.getBooking(sessionId, pointer.memberId, true);
    throw new DomainError(now?.status === 'attended' ? 'ALREADY_CHECKED_IN' : 'BOOKING_NOT_ACTIVE');
  }
  return bookingView({ ...booking, status: 'attended', checkedInAt: at }, session, false);
}
