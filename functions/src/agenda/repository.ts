/** DynamoDB reads and writes of agenda topics (议题): lists, creation, moves, merges (co-signs and ratings: cosigns-and-ratings-repository.ts). */
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { OPEN_STATES } from '@linli/shared/domain/agenda/state';
import { tableName } from '../platform/dynamo';
import { batchGetItems, getItem, queryIndex, queryPartition } from '../platform/items';
import { outboxPut } from '../platform/outbox';
import type { AgendaEvent as OutboxEvent } from './events';
import { ConditionsFailed, named, transact, transactWithReply, type NamedWrite } from '../platform/transactions';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { key } from '../table';
import {
  agendaIndex,
  agendaKey,
  cosignItem,
  memberTopicItem,
  sessionTopicItem,
  timelineItem,
  topicIndexes,
  topicItem,
} from './items';
import type { TimelineRecord, TopicRecord } from './records';

type Item = Record<string, unknown>;
type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

/** Counters that only co-sign, rating and merge transactions change, with ADD. */
const COUNTERS = new Set(['cosignCount', 'ratingSum', 'ratingCount']);

/** Open for co-signing, and so listed for neighbours: an open state, and not held for review. */
const isOpen = (t: Pick<TopicRecord, 'status' | 'held'>) => OPEN_STATES.includes(t.status) && !t.held;

const timelinePut = (e: TimelineRecord) => ({
  Put: {
    TableName: tableName,
    Item: timelineItem(e),
    // Append-only: an entry is never overwritten.
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

// ── reads ────────────────────────────────────────────────────────────────────

export const getTopic = (topicId: string, consistent = false) =>
  getItem<TopicRecord>(agendaKey.topic(topicId), consistent);

export const getTopics = (topicIds: string[]) =>
  batchGetItems<TopicRecord>([...new Set(topicIds)].map((id) => agendaKey.topic(id)));

/** AP32 */
export const listTimeline = (topicId: string) =>
  queryPartition<TimelineRecord>(agendaKey.topic(topicId).pk, { sort: { beginsWith: agendaKey.topicTimelinePrefix } });

/** AP34: a status list of a community; oldest first (queue) or newest first (晒事栏). */
export const listByStatus = (communityId: string, status: string, newestFirst = false, limit?: number) =>
  queryIndex<TopicRecord>('gsi1', agendaIndex.communityTopics(communityId, status), { newestFirst, limit });

/** AP35: open topics of one scope (`ALL` or a building). */
export const listOpen = (communityId: string, scope: string) =>
  queryIndex<TopicRecord>('gsi2', agendaIndex.openTopics(communityId, scope));

/** AP36: ids of a member's own topics, newest first. */
export async function listMemberTopicIds(memberId: string): Promise<string[]> {
  const links = await queryPartition<{ topicId: string }>(key.member(memberId).pk, {
    sort: { beginsWith: agendaKey.memberTopicPrefix },
    newestFirst: true,
    limit: 100,
  });
  return links.map((l) => l.topicId);
}

/** AP37: ids of the topics scheduled into a session. */
export async function listSessionTopicIds(sessionId: string): Promise<string[]> {
  const links = await queryPartition<{ topicId: string }>(key.session(sessionId).pk, {
    sort: { beginsWith: agendaKey.sessionTopicPrefix },
  });
  return links.map((l) => l.topicId);
}

// ── writes ───────────────────────────────────────────────────────────────────

/** The writes of a new topic (the topic, its first timeline entry, the author's link, its event), for any transaction. */
export function topicCreateItems(t: TopicRecord, first: TimelineRecord, event: OutboxEvent): TransactItems {
  return [
    {
      Put: {
        TableName: tableName,
        Item: topicItem(t, isOpen(t)),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    timelinePut(first),
    {
      Put: {
        TableName: tableName,
        Item: memberTopicItem(t),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    outboxPut(event),
  ];
}

/** A new topic with its first timeline entry and the author's link, in one transaction. */
export async function createTopic(
  t: TopicRecord,
  first: TimelineRecord,
  event: OutboxEvent,
  completion?: IdempotencyCompletion,
): Promise<void> {
  await transactWithReply(topicCreateItems(t, first, event), completion);
}

/**
 * The Update that moves a topic from what was read (`seen`) to `next`: every changed field is
 * set, except the counters that co-signs and ratings ADD meanwhile; the condition is the status
 * and version read, so two staff cannot both move the same topic.
 */
function transitionUpdate(seen: TopicRecord, next: TopicRecord) {
  const names: Record<string, string> = { '#status': 'status', '#version': 'version' };
  const values: Record<string, unknown> = { ':seenStatus': seen.status, ':seenVersion': seen.version };
  const sets: string[] = [];
  const fields = { ...next, ...topicIndexes(next, isOpen(next)) } as Item;
  Object.entries(fields).forEach(([field, value], i) => {
    if (COUNTERS.has(field) || value === undefined) return;
    if (JSON.stringify(value) === JSON.stringify((seen as unknown as Item)[field]) && !field.startsWith('gsi')) return;
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    sets.push(`#f${i} = :v${i}`);
  });
  const removes = [
    ...(isOpen(seen) && !isOpen(next) ? ['gsi2pk', 'gsi2sk'] : []),
    ...(['held', 'hidden'] as const).filter((f) => seen[f] && !next[f]),
  ];
  return {
    Update: {
      TableName: tableName,
      Key: agendaKey.topic(seen.topicId),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: '#status = :seenStatus AND #version = :seenVersion',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

export type TransitionOutcome = 'done' | 'topic-changed' | 'session-unavailable';

/**
 * Moves a topic one step: the topic (conditioned on what was read), its timeline entry and the
 * author's notification in one transaction. Scheduling also checks the session is still an
 * upcoming, not cancelled session of the community, and files the topic under it.
 */
export async function transition(
  seen: TopicRecord,
  next: TopicRecord,
  entry: TimelineRecord,
  event: OutboxEvent,
  now: string,
  completion?: IdempotencyCompletion,
): Promise<TransitionOutcome> {
  const writes: NamedWrite[] = [
    named('topic', transitionUpdate(seen, next)),
    named('timeline', timelinePut(entry)),
    named('outbox', outboxPut(event)),
  ];
  const scheduling = next.sessionId && next.sessionId !== seen.sessionId;
  if (scheduling) {
    writes.push(
      named('session', {
        ConditionCheck: {
          TableName: tableName,
          Key: key.session(next.sessionId!),
          ConditionExpression: 'communityId = :c AND #status = :scheduled AND startsAt > :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':c': next.communityId, ':scheduled': 'scheduled', ':now': now },
        },
      }),
      named('session-topic', {
        Put: {
          TableName: tableName,
          Item: sessionTopicItem(next.sessionId!, next, now),
        },
      }),
    );
  }
  try {
    await transact(writes, completion);
    return 'done';
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    if (error.has('session') && !error.has('topic')) return 'session-unavailable';
    return 'topic-changed';
  }
}

/** Most co-signs carried over per transaction (TransactWriteItems takes 100 items). */
const CARRY_CHUNK = 90;

const carryPut = (into: string, memberId: string, from: string, at: string) => ({
  Put: {
    TableName: tableName,
    Item: cosignItem({ topicId: into, memberId, byUserId: 'merge', at, fromTopicId: from }),
    // A member who co-signed both topics keeps one co-sign and is counted once.
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/**
 * Merges `seen` into `target`: carries the co-signers the target does not have yet (adding to
 * its count), moves `seen` to merged and adds a timeline entry on both, in one transaction. A
 * long list is carried in earlier transactions first; a retry skips what already arrived.
 */
export async function merge(args: {
  seen: TopicRecord;
  next: TopicRecord;
  entry: TimelineRecord;
  target: TopicRecord;
  targetEntry: TimelineRecord;
  carry: string[];
  events: OutboxEvent[];
  at: string;
  completion?: IdempotencyCompletion;
}): Promise<'done' | 'changed'> {
  const { seen, next, entry, target, targetEntry, events, at, completion } = args;
  const open = Object.fromEntries(OPEN_STATES.map((s, i) => [`:s${i}`, s]));
  const targetCount = (n: number, withEntry: boolean) => ({
    Update: {
      TableName: tableName,
      Key: agendaKey.topic(target.topicId),
      UpdateExpression: withEntry ? 'ADD cosignCount :n SET #version = :nextVersion' : 'ADD cosignCount :n',
      ConditionExpression: withEntry
        ? '#status = :targetStatus AND #version = :targetVersion'
        : `#status IN (${Object.keys(open).join(', ')})`,
      ExpressionAttributeNames: { '#status': 'status', ...(withEntry ? { '#version': 'version' } : {}) },
      ExpressionAttributeValues: withEntry
        ? {
            ':n': n,
            ':targetStatus': target.status,
            ':targetVersion': target.version,
            ':nextVersion': target.version + 1,
          }
        : { ':n': n, ...open },
    },
  });
  try {
    let rest = args.carry;
    while (rest.length > CARRY_CHUNK) {
      const chunk = rest.slice(0, CARRY_CHUNK);
      rest = rest.slice(CARRY_CHUNK);
      await transact([
        named('target', targetCount(chunk.length, false)),
        ...chunk.map((m) => named(`carry:${m}`, carryPut(target.topicId, m, seen.topicId, at))),
      ]);
    }
    const update = transitionUpdate(seen, next);
    // The merged topic's co-signers were read: one arriving meanwhile sends us round again.
    update.Update.ConditionExpression += ' AND cosignCount = :seenCosigns';
    update.Update.ExpressionAttributeValues[':seenCosigns'] = seen.cosignCount;
    await transact(
      [
        named('topic', update),
        named('timeline', timelinePut(entry)),
        named('target', targetCount(rest.length, true)),
        named('target-timeline', timelinePut(targetEntry)),
        ...rest.map((m) => named(`carry:${m}`, carryPut(target.topicId, m, seen.topicId, at))),
        ...events.map((e, n) => named(`outbox:${n}`, outboxPut(e))),
      ],
      completion,
    );
    return 'done';
  } catch (error) {
    if (error instanceof ConditionsFailed) return 'changed';
    throw error;
  }
}

/** What scheduling needs of a council session (read here so the agenda function stays small). */
export const getSession = (sessionId: string) =>
  getItem<{ sessionId: string; communityId: string; title: string; startsAt: string; status: string }>(
    key.session(sessionId),
    true,
  );
