/**
 * Seat holds: a booking that finds a seat free takes it first with one small conditional write on
 * the session (`booked + 1` and the attribute `seat#<holdId>`), and only a booking that got it
 * writes its whole transaction, which consumes the hold (booking-repository takePlace). When a
 * session opens, the many who arrive after its last seat lose on that one write instead of on the
 * booking's five-item transaction, which DynamoDB serializes on the session, and join the
 * waitlist from the session the refusal returned.
 *
 * A hold is named for the request (every copy of one request shares the name, see
 * currentRequest), so a retry after a crash finds the seat its first try took. A seat held and not
 * booked is given back by the booking that took it (a refusal after the hold) or, once past
 * `until` (the booking died), by the next booking or cancellation that reads the session: to the
 * head of the waitlist when anyone waits (with a seat_promoted event, as a cancellation does), to
 * the free seats otherwise. Until then the session shows the seat as free again (seatsLeft).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documentClient, tableName } from '../platform/dynamo';
import { logger } from '../platform/logger';
import { councilKey, lapsedSeatHolds, seatHoldAttribute } from './items';
import * as repo from './repository';
import type { Release } from './repository';
import type { BookingRecord, SessionRecord } from './records';

/** Longer than any invocation that could still consume the hold (API functions time out at 10 s). */
const HOLD_SECONDS = 120;

/** Giving back retries while the queue moves under it; past that the hold lapses instead. */
const GIVE_BACK_ATTEMPTS = 5;

/** `byCopy`: the seat was held already, by a copy of this request. */
export type SeatHoldOutcome = { held: true; byCopy: boolean } | { held: false; session: SessionRecord | undefined };

/**
 * Takes a free seat for `holdId`: while the session is open, has a free online seat and nobody
 * waits. Refused with the session as it stood. A session that already holds a seat for `holdId`
 * (a copy of this request took it) counts as held.
 */
export async function holdSeat(sessionId: string, holdId: string, now: Date): Promise<SeatHoldOutcome> {
  const attribute = seatHoldAttribute(holdId);
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: councilKey.session(sessionId),
        UpdateExpression: 'SET booked = booked + :one, #hold = :until',
        ConditionExpression:
          '#status = :scheduled AND booked < onlineSeats AND waiting = :zero AND bookingClosesAt > :now AND attribute_not_exists(#hold)',
        ExpressionAttributeNames: { '#status': 'status', '#hold': attribute },
        ExpressionAttributeValues: {
          ':one': 1,
          ':zero': 0,
          ':scheduled': 'scheduled',
          ':now': now.toISOString(),
          ':until': new Date(now.getTime() + HOLD_SECONDS * 1000).toISOString(),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { held: true, byCopy: false };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const old = error.Item ? (unmarshall(error.Item) as SessionRecord) : undefined;
    return old && attribute in old ? { held: true, byCopy: true } : { held: false, session: old };
  }
}

/**
 * Gives the seat of hold `holdId` back, if the hold is still there (consumed or given back:
 * nothing): to the head of the waitlist when anyone waits, to the free seats otherwise. With
 * `lapsedBefore`, only a hold whose `until` is before it. Best effort: a hold it cannot give back
 * now lapses and comes back through reclaimLapsedSeats.
 */
export async function giveBackSeat(sessionId: string, holdId: string, lapsedBefore?: string): Promise<void> {
  const attribute = seatHoldAttribute(holdId);
  for (let attempt = 0; attempt < GIVE_BACK_ATTEMPTS; attempt += 1) {
    const session = await repo.getSession(sessionId, true);
    const until = (session as Record<string, unknown> | undefined)?.[attribute];
    if (!session || typeof until !== 'string' || (lapsedBefore && until >= lapsedBefore)) return;
    const release = await freedSeatRelease(session);
    // The head left between the two reads: read the queue again.
    if (!release) continue;
    const outcome = await repo.releasePlace(
      { sessionId, seatHold: { holdId, lapsedBefore } },
      release,
      new Date().toISOString(),
      'promote' in release ? [seatPromoted(release.promote)] : [],
    );
    if (outcome === 'released') return;
  }
}

/**
 * Where a seat freed on the session as read goes: to the head of the waitlist when anyone waits,
 * else back to the free seats. Undefined when the head has left since the read (read again).
 */
export async function freedSeatRelease(session: SessionRecord): Promise<Release | undefined> {
  const head = session.waitlist?.[0];
  if (head === undefined) return { nobodyWaits: true };
  const booking = await repo.getBooking(session.sessionId, head, true);
  return booking?.status === 'waitlisted' ? { promote: booking } : undefined;
}

/** The event of a waitlisted booking given a freed seat. */
export const seatPromoted = (promoted: BookingRecord) => ({
  type: 'council.seat_promoted' as const,
  communityId: promoted.communityId,
  sessionId: promoted.sessionId,
  memberId: promoted.memberId,
  bookedByUserId: promoted.bookedByUserId,
});

/** giveBackSeat that never throws: the hold lapses if it cannot be given back now. */
export async function giveBackSeatQuietly(sessionId: string, holdId: string): Promise<void> {
  await giveBackSeat(sessionId, holdId).catch((error: unknown) =>
    logger.warn('seat hold not given back; it lapses', { error: error as Error, sessionId }),
  );
}

/** Gives back the lapsed seat holds on the session as read (bookings that died); true when there were any. */
export async function reclaimLapsedSeats(session: SessionRecord, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const lapsed = lapsedSeatHolds(session, at);
  // One after another: each changes the same session (and maybe its queue's head).
  for (const hold of lapsed) await giveBackSeat(session.sessionId, hold.holdId, at);
  return lapsed.length > 0;
}
