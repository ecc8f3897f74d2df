/** Reads and writes of council venues and sessions. */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_SESSION_HOURS } from '@linli/shared/domain/council/rules';
import { documentClient, tableName } from '../platform/dynamo';
import { outboxPut } from '../platform/outbox';
import type { CouncilEvent as OutboxEvent } from './events';
import { getItem, batchGetItems, queryIndex, queryPartition, strip } from '../platform/items';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { transactIfConditionsHold } from '../platform/transactions';
import { writeWithReply } from '../platform/transactions';
import { key } from '../table';
import { councilIndex, councilKey, sessionItem, venueItem } from './items';
import type { SessionRecord, VenueRecord } from './records';

const get = <T>(k: { pk: string; sk: string }, consistent = false) => getItem<T>(k, consistent);

// ── venues ───────────────────────────────────────────────────────────────────

export const getVenue = (communityId: string, venueId: string) =>
  get<VenueRecord>(councilKey.venue(communityId, venueId), true);

export function listVenues(communityId: string): Promise<VenueRecord[]> {
  return queryPartition<VenueRecord>(key.community(communityId).pk, { sort: { beginsWith: councilKey.venuePrefix } });
}

export async function putVenue(v: VenueRecord, mustBeNew: boolean, completion?: IdempotencyCompletion): Promise<void> {
  await writeWithReply(
    {
      Put: {
        TableName: tableName,
        Item: venueItem(v),
        ConditionExpression: mustBeNew ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
      },
    },
    completion,
  );
}

export async function updateVenue(
  communityId: string,
  venueId: string,
  fields: { name: string; place: string; capacity: number },
): Promise<VenueRecord | undefined> {
  try {
    const out = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: councilKey.venue(communityId, venueId),
        // Every attribute through a name: `capacity` (like `name`) is a DynamoDB reserved word.
        UpdateExpression: 'SET #name = :name, #place = :place, #capacity = :capacity',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#name': 'name', '#place': 'place', '#capacity': 'capacity' },
        ExpressionAttributeValues: { ':name': fields.name, ':place': fields.place, ':capacity': fields.capacity },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<VenueRecord>(out.Attributes);
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
}

// ── sessions ─────────────────────────────────────────────────────────────────

export const getSession = (sessionId: string, consistent = false) =>
  get<SessionRecord>(councilKey.session(sessionId), consistent);

export function getSessions(sessionIds: string[]): Promise<SessionRecord[]> {
  return batchGetItems<SessionRecord>([...new Set(sessionIds)].map((id) => councilKey.session(id)));
}

/**
 * AP17: upcoming sessions (not yet ended, so one in progress still shows) or past ones, newest
 * first. The index is sorted by start; a session lasts at most MAX_SESSION_HOURS.
 */
export async function listCommunitySessions(communityId: string, when: 'upcoming' | 'past', now: Date) {
  const earliestRunning = new Date(now.getTime() - MAX_SESSION_HOURS * 3600_000).toISOString();
  const nowIso = now.toISOString();
  if (when === 'upcoming') {
    const candidates = await queryIndex<SessionRecord>('gsi1', councilIndex.communitySessions(communityId), {
      sort: { op: '>=', value: earliestRunning },
    });
    return candidates.filter((s) => s.endsAt >= nowIso);
  }
  const candidates = await queryIndex<SessionRecord>('gsi1', councilIndex.communitySessions(communityId), {
    sort: { op: '<', value: nowIso },
    newestFirst: true,
    limit: 60,
  });
  return candidates.filter((s) => s.endsAt < nowIso).slice(0, 50);
}

/** AP18: the venue's sessions that start before `before` (candidates for an overlap). */
export function listVenueSessionsStartingBefore(communityId: string, venueId: string, before: string) {
  return queryIndex<SessionRecord>('gsi2', councilIndex.venueSessions(communityId, venueId), {
    sort: { op: '<', value: before },
  });
}

/**
 * Schedules a session. The venue's version must still be the one the overlap check read, so two
 * staff scheduling at the same venue at once cannot both succeed without seeing each other.
 */
export async function createSession(
  s: SessionRecord,
  venueVersionSeen: number,
  event: OutboxEvent,
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  return transactIfConditionsHold(
    [
      {
        Update: {
          TableName: tableName,
          Key: councilKey.venue(s.communityId, s.venueId),
          UpdateExpression: 'SET version = :next',
          ConditionExpression: 'version = :seen',
          ExpressionAttributeValues: { ':seen': venueVersionSeen, ':next': venueVersionSeen + 1 },
        },
      },
      { Put: { TableName: tableName, Item: sessionItem(s), ConditionExpression: 'attribute_not_exists(pk)' } },
      outboxPut(event),
    ],
    completion,
  );
}

export async function cancelSession(
  sessionId: string,
  reason: string,
  event: OutboxEvent,
  completion?: IdempotencyCompletion,
): Promise<'cancelled' | 'not-scheduled'> {
  const done = await transactIfConditionsHold(
    [
      {
        Update: {
          TableName: tableName,
          Key: councilKey.session(sessionId),
          UpdateExpression: 'SET #status = :cancelled, cancelReason = :reason',
          ConditionExpression: '#status = :scheduled',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':scheduled': 'scheduled', ':reason': reason },
        },
      },
      outboxPut(event),
    ],
    completion,
  );
  return done ? 'cancelled' : 'not-scheduled';
}
