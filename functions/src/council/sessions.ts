/** Sessions: staff schedule and cancel them; residents see those meant for their building. */
import { ulid } from 'ulidx';
import type { CouncilSession, SessionDetail } from '@linli/shared/contract/council';
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import { DomainError } from '@linli/shared/domain-error';
import { isInAudience, overlaps, planSession, type Audience } from '@linli/shared/domain/council/rules';
import { ownMemberId, subjectOf, type Caller } from '../identity';
import { retry, withOptimisticRetry } from '../platform/retry';
import { completionPut } from '../platform/idempotency';
import * as repo from './repository';
import type { SessionRecord } from './records';
import { bookingView, nowIso, restrictionOf, sessionOf, sessionView, waitlistPlace, type SessionRef } from './views';

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
    const reply = sessionView(session);
    const scheduled = { type: 'council.session_scheduled' as const, communityId, sessionId: session.sessionId };
    const created = await repo.createSession(session, venue.version ?? 0, scheduled, completionPut(reply));
    // Another schedule at this venue landed between our read and write: look again.
    return created ? reply : retry;
  });
}

export async function cancelSession(
  { communityId, sessionId }: SessionRef,
  { reason }: { reason: string },
): Promise<CouncilSession> {
  const session = await sessionOf(communityId, sessionId);
  if (session.status === 'cancelled') throw new DomainError('SESSION_CANCELLED');
  if (Date.parse(session.startsAt) <= Date.now()) throw new DomainError('SESSION_ALREADY_STARTED');
  const reply = sessionView({ ...session, status: 'cancelled', cancelReason: reason });
  const cancelled = { type: 'council.session_cancelled' as const, communityId, sessionId, reason };
  const outcome = await repo.cancelSession(sessionId, reason, cancelled, completionPut(reply));
  if (outcome !== 'cancelled') throw new DomainError('SESSION_CANCELLED');
  return reply;
}

export async function listSessions(
  caller: Caller,
  communityId: string,
  when: 'upcoming' | 'past',
): Promise<{ sessions: CouncilSession[] }> {
  const sessions = await repo.listCommunitySessions(communityId, when, new Date());
  const isStaff = !caller.onBehalfOf && isStaffOf(caller.principal, communityId);
  if (isStaff) return { sessions: sessions.map(sessionView) };
  const subject = await subjectOf(caller);
  return {
    sessions: sessions.filter((s) => isInAudience(s.audience, subject.buildingId)).map(sessionView),
  };
}

export async function getSessionDetail(caller: Caller, { communityId, sessionId }: SessionRef): Promise<SessionDetail> {
  const session = await sessionOf(communityId, sessionId);
  const memberId = caller.onBehalfOf?.memberId ?? ownMemberId(caller.principal);
  if (!memberId) return { session: sessionView(session), myBooking: null };
  const subject = await subjectOf(caller);
  if (!isInAudience(session.audience, subject.buildingId) && !isStaffOf(caller.principal, communityId)) {
    throw new DomainError('NOT_IN_AUDIENCE');
  }
  const now = new Date();
  const [booking, restriction] = await Promise.all([
    repo.getBooking(sessionId, memberId),
    restrictionOf(subject.memberId, communityId, now),
  ]);
  const active = booking && booking.status !== 'cancelled' ? booking : undefined;
  // A waitlisted booking the session read does not queue yet was read ahead of the session: the
  // consistent read has it.
  const queued =
    active?.status === 'waitlisted' && !waitlistPlace(session, active.memberId)
      ? await sessionOf(communityId, sessionId, true)
      : session;
  return {
    session: sessionView(queued),
    myBooking: active ? bookingView(active, queued, true, now) : null,
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
