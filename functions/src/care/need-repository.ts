/** Every DynamoDB read and write of needs (求助). */
import { batchGetItems, getItem, queryIndex, queryPartition } from '../platform/items';
import { tableName } from '../platform/dynamo';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { outboxPut } from '../platform/outbox';
import { ConditionsFailed, named, transact, transactWithReply, type NamedWrite } from '../platform/transactions';
import type { NotifyEvent } from '../notify';
import { index, key } from '../table';
import type { NeedEvent } from './need-events';
import type { TransactWriteItem } from './need-intake';
import { needIndex, needItem, needKey, needTimelineItem } from './need-items';
import type { NeedRecord, NeedTimelineRecord } from './need-records';

// ── reads ────────────────────────────────────────────────────────────────────

/** AP88 */
export const getNeed = (needId: string, consistent = false) => getItem<NeedRecord>(needKey.need(needId), consistent);

/** AP88: the timeline, in order. */
export const listNeedTimeline = (needId: string) =>
  queryPartition<NeedTimelineRecord>(needKey.need(needId).pk, {
    sort: { beginsWith: needKey.timelinePrefix },
    consistent: true,
  });

/** AP89: one status list of a community, earliest due first. */
export const listNeedsByStatus = (communityId: string, status: string) =>
  queryIndex<NeedRecord>('gsi1', needIndex.communityNeeds(communityId, status));

/** AP89a */
export const listAssigneeNeeds = (communityId: string, kind: string, assigneeId: string) =>
  queryIndex<NeedRecord>('gsi2', needIndex.assigneeNeeds(communityId, kind, assigneeId), {
    newestFirst: true,
    limit: 100,
  });

/** AP89b: a member's needs, newest first. */
export async function listMemberNeeds(memberId: string): Promise<NeedRecord[]> {
  const links = await queryPartition<{ needId: string }>(key.member(memberId).pk, {
    sort: { beginsWith: needKey.memberNeedPrefix },
    newestFirst: true,
    limit: 100,
  });
  return batchGetItems<NeedRecord>(links.map((l) => needKey.need(l.needId)));
}

/** The grid a building belongs to (AP: a community's structure), when it has one. */
export async function gridOfBuilding(communityId: string, buildingId: string): Promise<string | undefined> {
  const b = await getItem<{ gridId?: string }>(key.building(communityId, buildingId));
  return b?.gridId || undefined;
}

// ── writes ───────────────────────────────────────────────────────────────────

/** A new need: the intake's writes with the request's idempotency completion. */
export async function createNeed(items: TransactWriteItem[], completion?: IdempotencyCompletion): Promise<void> {
  await transactWithReply(items, completion);
}

/**
 * Moves a need one step: the whole need written under a condition on the status and version
 * read (so of two dispatchers or two assignees exactly one moves it), with its timeline entry,
 * its outbox events and any extra writes (the agenda topic it becomes), in one transaction.
 * 'changed' when someone moved it first.
 */
export async function transitionNeed(
  seen: NeedRecord,
  next: NeedRecord,
  entry: NeedTimelineRecord,
  events: (NeedEvent | NotifyEvent)[],
  extra: TransactWriteItem[] = [],
  completion?: IdempotencyCompletion,
): Promise<'done' | 'changed'> {
  const writes: NamedWrite[] = [
    named('need', {
      Put: {
        TableName: tableName,
        Item: needItem(next),
        ConditionExpression: '#status = :seenStatus AND #version = :seenVersion',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: { ':seenStatus': seen.status, ':seenVersion': seen.version },
      },
    }),
    named('timeline', {
      Put: { TableName: tableName, Item: needTimelineItem(entry), ConditionExpression: 'attribute_not_exists(pk)' },
    }),
    ...events.map((e, i) => named(`event:${i}`, outboxPut(e))),
    ...extra.map((w, i) => named(`extra:${i}`, w)),
  ];
  try {
    await transact(writes, completion);
    return 'done';
  } catch (error) {
    if (error instanceof ConditionsFailed && error.has('need')) return 'changed';
    throw error;
  }
}

// ── who a need can be dispatched to ──────────────────────────────────────────

/** AP66: a user's volunteer profile in a community. */
export const getVolunteer = (userId: string, communityId: string) =>
  getItem<{ userId: string; name: string }>(key.volunteer(userId, communityId), true);

/** AP67: a community's volunteers. */
export const listVolunteers = (communityId: string) =>
  queryIndex<{ userId: string; name: string }>('gsi1', index.communityVolunteers(communityId));

/** A user's name and grants (to check a staff assignee belongs to the community). */
export const getUser = (userId: string) =>
  getItem<{ userId: string; name: string; grants: { role: string; communityId?: string }[] }>(key.user(userId), true);
