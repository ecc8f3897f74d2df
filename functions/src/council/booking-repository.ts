/** Reads and writes of council bookings, check-in codes and the council's settings. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_NO_SHOW_POLICY } from '@linli/shared/domain/council/rules';
import { documentClient, tableName } from '../platform/dynamo';
import { outboxPut } from '../platform/outbox';
import type { CouncilEvent as OutboxEvent } from './events';
import { getItem, getItemsByKey, queryIndex, queryPartition } from '../platform/items';
import type { IdempotencyCompletion } from '../platform/idempotency';
import type { MemberRecord } from '../identity';
import { identityKey } from '../identity/items';
import { transactIfConditionsHold } from '../platform/transactions';
import { ConditionsFailed, named, transact, type NamedWrite } from '../platform/transactions';
import { bookingItem, checkinCodeItem, councilIndex, councilKey } from './items';
import type { BookingRecord, CouncilSettings, SessionRecord } from './records';

type Item = Record<string, unknown>;

const get = <T>(k: { pk: string; sk: string }, consistent = false) => getItem<T>(k, consistent);

// ── bookings ─────────────────────────────────────────────────────────────────

export const getBooking = (sessionId: string, memberId: string, consistent = false) =>
  get<BookingRecord>(councilKey.booking(sessionId, memberId), consistent);

export function listSessionBookings(sessionId: string): Promise<BookingRecord[]> {
  return queryPartition<BookingRecord>(councilKey.session(sessionId).pk, { sort: { beginsWith: 'BOOKING#' } });
}

export const listMemberBookings = (memberId: string) =>
  queryIndex<BookingRecord>('gsi1', councilIndex.memberBookings(memberId));

/** AP21: the first on the waitlist. */
export async function waitlistHead(sessionId: string): Promise<BookingRecord | undefined> {
  return (await queryIndex<BookingRecord>('gsi2', councilIndex.sessionWaitlist(sessionId), { limit: 1 }))[0];
}

/**
 * 1-based place of a waitlisted booking, read consistently from the session's own partition
 * (the index may lag): how many are waiting with an earlier key, plus one.
 */
export async function waitlistPosition(sessionId: string, waitKey: string): Promise<number> {
  let count = 0;
  let startKey: Item | undefined;
  do {
    const out = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :booking)',
        FilterExpression: '#status = :waitlisted AND #waitKey < :mine',
        ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#status': 'status', '#waitKey': 'waitKey' },
        ExpressionAttributeValues: {
          ':pk': councilKey.session(sessionId).pk,
          ':booking': 'BOOKING#',
          ':waitlisted': 'waitlisted',
          ':mine': waitKey,
        },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return count + 1;
}

export type TakeOutcome = 'taken' | 'already-booked' | 'code-taken' | 'session-changed';

const bookingPut = (b: BookingRecord) => ({
  Put: {
    TableName: tableName,
    Item: bookingItem(b),
    // One booking per member and session; a cancelled one may be replaced by a new booking.
    ConditionExpression: 'attribute_not_exists(pk) OR #status = :cancelled',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':cancelled': 'cancelled' },
  },
});

const codePut = (b: BookingRecord) => ({
  Put: {
    TableName: tableName,
    Item: checkinCodeItem(b),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/**
 * Takes a seat (status booked) or a place on the waitlist (status waitlisted) in one
 * transaction with the session's counters. A seat needs a free online seat and nobody waiting;
 * a waitlist place needs the session to be full or others already waiting. `now` guards the
 * booking window against a session edited or cancelled meanwhile.
 */
export async function takePlace(
  b: BookingRecord,
  now: string,
  event: OutboxEvent,
  completion?: IdempotencyCompletion,
): Promise<TakeOutcome> {
  const seat = b.status === 'booked';
  const writes: NamedWrite[] = [
    named('session', {
      Update: {
        TableName: tableName,
        Key: councilKey.session(b.sessionId),
        // Waitlist places commit in the order of their keys (a late one with an older key retries
        // with a fresh key), so once mine is in, everyone ahead of me is in too: the place I am
        // told right after is the place the table holds.
        UpdateExpression: seat ? 'SET booked = booked + :one' : 'SET waiting = waiting + :one, lastWaitKey = :waitKey',
        ConditionExpression: seat
          ? '#status = :scheduled AND booked < onlineSeats AND waiting = :zero AND bookingClosesAt > :now'
          : '#status = :scheduled AND (booked >= onlineSeats OR waiting > :zero) AND bookingClosesAt > :now' +
            ' AND (attribute_not_exists(lastWaitKey) OR lastWaitKey < :waitKey)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':zero': 0,
          ':scheduled': 'scheduled',
          ':now': now,
          ...(seat ? {} : { ':waitKey': b.waitKey }),
        },
      },
    }),
    named('booking', bookingPut(b)),
    named('checkin-code', codePut(b)),
    named('outbox', outboxPut(event)),
  ];
  try {
    // The answer a retry replays commits with the booking itself.
    await transact(writes, completion);
    return 'taken';
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    if (error.has('booking')) return 'already-booked';
    if (error.has('checkin-code')) return 'code-taken';
    return 'session-changed';
  }
}

export type ReleaseOutcome = 'released' | 'booking-changed' | 'session-changed';

const cancelUpdate = (b: BookingRecord, at: string) => ({
  Update: {
    TableName: tableName,
    Key: councilKey.booking(b.sessionId, b.memberId),
    UpdateExpression: 'SET #status = :cancelled, cancelledAt = :at REMOVE gsi2pk, gsi2sk',
    ConditionExpression: '#status = :was AND bookingId = :id',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':cancelled': 'cancelled', ':at': at, ':was': b.status, ':id': b.bookingId },
  },
});

/**
 * Cancels a booking. A seat freed while people wait goes to `promote` (the waitlist head) in the
 * same transaction, so a freed seat is given exactly once and never to someone who jumped the
 * queue; with nobody waiting, the seat count goes down instead.
 */
export async function releasePlace(
  b: BookingRecord,
  promote: BookingRecord | undefined,
  at: string,
  events: OutboxEvent[],
  completion?: IdempotencyCompletion,
): Promise<ReleaseOutcome> {
  const sessionKey = councilKey.session(b.sessionId);
  const names = { '#status': 'status' };
  const writes: NamedWrite[] = [named('booking', cancelUpdate(b, at))];
  const seatsDown = (condition: string, update: string) =>
    named('session', {
      Update: {
        TableName: tableName,
        Key: sessionKey,
        UpdateExpression: update,
        ConditionExpression: condition,
        ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
      },
    });
  if (b.status === 'waitlisted') {
    writes.push(seatsDown('waiting > :zero', 'SET waiting = waiting - :one'));
  } else if (promote) {
    writes.push(
      named('promoted', {
        Update: {
          TableName: tableName,
          Key: councilKey.booking(promote.sessionId, promote.memberId),
          UpdateExpression: 'SET #status = :booked, promotedAt = :at REMOVE gsi2pk, gsi2sk',
          ConditionExpression: '#status = :waitlisted AND bookingId = :id',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: {
            ':booked': 'booked',
            ':waitlisted': 'waitlisted',
            ':at': at,
            ':id': promote.bookingId,
          },
        },
      }),
      seatsDown('waiting > :zero', 'SET waiting = waiting - :one'),
    );
  } else {
    writes.push(seatsDown('waiting = :zero AND booked > :zero', 'SET booked = booked - :one'));
  }
  for (const event of events) writes.push(named('outbox', outboxPut(event)));
  try {
    await transact(writes, completion);
    return 'released';
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    return error.has('booking') ? 'booking-changed' : 'session-changed';
  }
}

export async function getCheckinCode(
  sessionId: string,
  code: string,
): Promise<{ memberId: string; bookingId: string } | undefined> {
  return get(councilKey.checkinCode(sessionId, code), true);
}

/** Marks a booked seat attended; false when the booking is no longer a booked seat. */
export async function markAttended(
  b: BookingRecord,
  staffUserId: string,
  at: string,
  event: OutboxEvent,
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  return transactIfConditionsHold(
    [
      {
        Update: {
          TableName: tableName,
          Key: councilKey.booking(b.sessionId, b.memberId),
          UpdateExpression: 'SET #status = :attended, checkedInAt = :at, checkedInBy = :by',
          ConditionExpression: '#status = :booked AND bookingId = :id',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':attended': 'attended',
            ':booked': 'booked',
            ':at': at,
            ':by': staffUserId,
            ':id': b.bookingId,
          },
        },
      },
      outboxPut(event),
    ],
    completion,
  );
}

// ── settings ─────────────────────────────────────────────────────────────────

/** A session and its community's council settings in one round trip (the booking path). */
/**
 * A session and the community's no-show policy in one round trip, with the booking member's
 * record when it is not resolved yet (the booking path's reads, see council/bookings.ts).
 */
export async function getSessionAndSettings(
  sessionId: string,
  communityId: string,
  memberId?: string,
): Promise<{ session: SessionRecord | undefined; settings: CouncilSettings; member: MemberRecord | undefined }> {
  const [session, stored, member] = await getItemsByKey([
    councilKey.session(sessionId),
    councilKey.settings(communityId),
    ...(memberId ? [identityKey.member(memberId)] : []),
  ]);
  return {
    session: session as SessionRecord | undefined,
    settings: { ...DEFAULT_NO_SHOW_POLICY, ...(stored as Partial<CouncilSettings> | undefined) },
    member: member as MemberRecord | undefined,
  };
}

export async function getSettings(communityId: string): Promise<CouncilSettings> {
  const stored = await get<Partial<CouncilSettings>>(councilKey.settings(communityId));
  return { ...DEFAULT_NO_SHOW_POLICY, ...stored };
}
