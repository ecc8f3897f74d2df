/** Reads and writes of council bookings, check-in codes and the council's settings. */
import { DEFAULT_NO_SHOW_POLICY } from '@linli/shared/domain/council/rules';
import { tableName } from '../platform/dynamo';
import { outboxPut } from '../platform/outbox';
import type { CouncilEvent as OutboxEvent } from './events';
import { getItem, getItemsByKey, queryIndex, queryPartition } from '../platform/items';
import type { IdempotencyCompletion } from '../platform/idempotency';
import type { MemberRecord } from '../identity';
import { identityKey } from '../identity/items';
import { transactIfConditionsHold } from '../platform/transactions';
import { ConditionsFailed, named, transact, type NamedWrite } from '../platform/transactions';
import { bookingItem, checkinCodeItem, councilIndex, councilKey, seatHoldAttribute } from './items';
import type { BookingRecord, CouncilSettings, SessionRecord } from './records';

const get = <T>(k: { pk: string; sk: string }, consistent = false) => getItem<T>(k, consistent);

// ── bookings ─────────────────────────────────────────────────────────────────

export const getBooking = (sessionId: string, memberId: string, consistent = false) =>
  get<BookingRecord>(councilKey.booking(sessionId, memberId), consistent);

export function listSessionBookings(sessionId: string): Promise<BookingRecord[]> {
  return queryPartition<BookingRecord>(councilKey.session(sessionId).pk, {
    sort: { beginsWith: councilKey.bookingPrefix },
  });
}

export const listMemberBookings = (memberId: string) =>
  queryIndex<BookingRecord>('gsi1', councilIndex.memberBookings(memberId));

export type TakeOutcome =
  | { outcome: 'taken' | 'already-booked' | 'code-taken' }
  /** The session as the failed condition saw it, when the table returned it. */
  | { outcome: 'session-changed'; session: SessionRecord | undefined };

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
 * Books the seat `seatHoldId` holds (status booked, see seat-holds.ts) or a place at the end of
 * the waitlist (status waitlisted), in one transaction with the session. A seat consumes its hold
 * (the seat is counted already); a waitlist place needs the session to be full or others already
 * waiting. `now` guards the booking window against a session edited or cancelled meanwhile.
 */
export async function takePlace(
  b: BookingRecord,
  now: string,
  event: OutboxEvent,
  completion?: IdempotencyCompletion,
  seatHoldId?: string,
): Promise<TakeOutcome> {
  const seat = b.status === 'booked';
  if (seat && !seatHoldId) throw new Error('takePlace: a seat is booked from its hold');
  const writes: NamedWrite[] = [
    named('session', {
      Update: {
        TableName: tableName,
        Key: councilKey.session(b.sessionId),
        // The queue's order is the order in which these transactions commit: whoever commits
        // is behind everyone already in, so a rush of waiters never retries for its place.
        UpdateExpression: seat
          ? 'REMOVE #hold'
          : 'SET waiting = waiting + :one, #queue = list_append(if_not_exists(#queue, :empty), :me)',
        ConditionExpression: seat
          ? '#status = :scheduled AND attribute_exists(#hold) AND bookingClosesAt > :now'
          : '#status = :scheduled AND (booked >= onlineSeats OR waiting > :zero) AND bookingClosesAt > :now',
        ExpressionAttributeNames: {
          '#status': 'status',
          ...(seat ? { '#hold': seatHoldAttribute(seatHoldId!) } : { '#queue': 'waitlist' }),
        },
        ExpressionAttributeValues: {
          ':scheduled': 'scheduled',
          ':now': now,
          ...(seat ? {} : { ':one': 1, ':zero': 0, ':empty': [], ':me': [b.memberId] }),
        },
        // A place lost to a changed session retries from this, without a read.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    }),
    named('booking', bookingPut(b)),
    named('checkin-code', codePut(b)),
    named('outbox', outboxPut(event)),
  ];
  try {
    // The answer a retry replays commits with the booking itself.
    await transact(writes, completion);
    return { outcome: 'taken' };
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    if (error.has('booking')) return { outcome: 'already-booked' };
    if (error.has('checkin-code')) return { outcome: 'code-taken' };
    return { outcome: 'session-changed', session: error.old('session') as SessionRecord | undefined };
  }
}

/** DynamoDB refuses an empty ExpressionAttributeNames: none at all when there are none. */
const attributeNames = (names: Record<string, string>) =>
  Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {};

export type ReleaseOutcome = 'released' | 'booking-changed' | 'session-changed';

const cancelUpdate = (b: BookingRecord, at: string) => ({
  Update: {
    TableName: tableName,
    Key: councilKey.booking(b.sessionId, b.memberId),
    UpdateExpression: 'SET #status = :cancelled, cancelledAt = :at',
    ConditionExpression: '#status = :was AND bookingId = :id',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':cancelled': 'cancelled', ':at': at, ':was': b.status, ':id': b.bookingId },
  },
});

/**
 * Where a cancelled booking leaves the session: a waitlisted one leaves its place in the queue
 * (`place`, 0-based, as read); a seat goes to `promote`, the head of the queue, when anyone waits.
 */
export type Release = { place: number } | { promote: BookingRecord } | { nobodyWaits: true };

/**
 * What a release frees: a booking being cancelled, or a seat hold that no booking will consume
 * (given back by its booking, or lapsed: `lapsedBefore`, see seat-holds.ts).
 */
export type Freed =
  { booking: BookingRecord } | { sessionId: string; seatHold: { holdId: string; lapsedBefore?: string } };

/**
 * Cancels a booking, or gives back a seat hold. A seat freed while people wait goes to the
 * waitlist head in the same transaction, so a freed seat is given exactly once and never to
 * someone who jumped the queue; with nobody waiting, the seat count goes down instead. Each queue
 * change is conditioned on the queue still holding that member at that place, and a hold's on
 * the hold still being there, so a queue that moved meanwhile means a retry.
 */
export async function releasePlace(
  freed: Freed,
  release: Release,
  at: string,
  events: OutboxEvent[],
  completion?: IdempotencyCompletion,
): Promise<ReleaseOutcome> {
  const b = 'booking' in freed ? freed.booking : undefined;
  const hold = 'seatHold' in freed ? freed.seatHold : undefined;
  const sessionId = b ? b.sessionId : (freed as { sessionId: string }).sessionId;
  const names = { '#status': 'status' };
  const writes: NamedWrite[] = b ? [named('booking', cancelUpdate(b, at))] : [];
  /** The session's side of the release; a seat hold is removed with it, while it is still there. */
  const sessionUpdate = (change: {
    set: string;
    remove?: string;
    condition: string;
    names?: Record<string, string>;
    values: Record<string, unknown>;
  }) => {
    const removals = [change.remove, hold && '#hold'].filter(Boolean);
    return named('session', {
      Update: {
        TableName: tableName,
        Key: councilKey.session(sessionId),
        UpdateExpression: `SET ${change.set}${removals.length > 0 ? ` REMOVE ${removals.join(', ')}` : ''}`,
        ConditionExpression:
          change.condition +
          (hold ? ' AND attribute_exists(#hold)' : '') +
          (hold?.lapsedBefore ? ' AND #hold < :lapsedBefore' : ''),
        ...attributeNames({ ...change.names, ...(hold ? { '#hold': seatHoldAttribute(hold.holdId) } : {}) }),
        ExpressionAttributeValues: {
          ...change.values,
          ...(hold?.lapsedBefore ? { ':lapsedBefore': hold.lapsedBefore } : {}),
        },
      },
    });
  };
  /** The queue loses the member at `place`; `place` is a number we read, never caller text. */
  const leaveQueue = (place: number, memberId: string) =>
    sessionUpdate({
      set: 'waiting = waiting - :one',
      remove: `#queue[${place}]`,
      condition: `waiting > :zero AND #queue[${place}] = :member`,
      names: { '#queue': 'waitlist' },
      values: { ':one': 1, ':zero': 0, ':member': memberId },
    });
  if ('place' in release) {
    if (b?.status !== 'waitlisted' || !Number.isInteger(release.place) || release.place < 0) {
      throw new Error('releasePlace: a queue place belongs to a waitlisted booking');
    }
    writes.push(leaveQueue(release.place, b.memberId));
  } else if ('promote' in release) {
    const { promote } = release;
    writes.push(
      named('promoted', {
        Update: {
          TableName: tableName,
          Key: councilKey.booking(promote.sessionId, promote.memberId),
          UpdateExpression: 'SET #status = :booked, promotedAt = :at',
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
      leaveQueue(0, promote.memberId),
    );
  } else {
    writes.push(
      sessionUpdate({
        set: 'booked = booked - :one',
        condition: 'waiting = :zero AND booked > :zero',
        values: { ':one': 1, ':zero': 0 },
      }),
    );
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
