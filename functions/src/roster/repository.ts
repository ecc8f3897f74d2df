/** Every DynamoDB read and write of the roster feature. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../platform/dynamo';
import { getItem, queryIndex, queryPartition } from '../platform/items';
import { ConditionsFailed, named, transact } from '../platform/transactions';
import { index, key } from '../table';
import { chunkItem, jobItem, personItem, rosterKey } from './items';
import type { ChunkRecord, ImportRecord, PersonRecord } from './records';

type Item = Record<string, unknown>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ── people ───────────────────────────────────────────────────────────────────

/** AP100: the whole roster of a community, or the people of one building, unit or room. */
export const listPeople = (communityId: string, place: { buildingId?: string; unitId?: string; room?: string } = {}) =>
  queryPartition<PersonRecord>(rosterKey.partition(communityId), {
    sort: { beginsWith: rosterKey.placePrefix(place.buildingId, place.unitId, place.room) },
  });

/** The members of a community with where they live (AP10), to carry roster tags over to them. */
export interface MemberPlace {
  memberId: string;
  buildingId: string;
  unitId: string;
  room: string;
  realName: string;
  status: string;
}
export const listMemberPlaces = (communityId: string) =>
  queryIndex<MemberPlace>('gsi1', index.communityMembers(communityId));

/**
 * Writes people 25 per BatchWriteItem, retrying what DynamoDB hands back unprocessed with
 * backoff. Every Put is the person's whole new state, so writing a chunk again is harmless.
 * Returns the write capacity consumed.
 */
export async function putPeople(people: PersonRecord[]): Promise<number> {
  let consumed = 0;
  for (let i = 0; i < people.length; i += 25) {
    let pending: Item[] = people.slice(i, i + 25).map((p) => ({ PutRequest: { Item: personItem(p) } }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
      if (attempt > 8) throw new Error('roster batch write kept coming back unprocessed');
      const out = await documentClient.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: pending }, ReturnConsumedCapacity: 'TOTAL' }),
      );
      consumed += (out.ConsumedCapacity ?? []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      pending = (out.UnprocessedItems?.[tableName] ?? []) as Item[];
    }
  }
  return consumed;
}

/** Sets a member's care tags to the roster's, on a member of this community only; returns WCU. */
export async function setMemberTags(communityId: string, memberId: string, tags: string[]): Promise<number> {
  try {
    const out = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key.member(memberId),
        UpdateExpression: 'SET tags = :tags',
        ConditionExpression: 'communityId = :c',
        ExpressionAttributeValues: { ':tags': tags, ':c': communityId },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    return out.ConsumedCapacity?.CapacityUnits ?? 0;
  } catch (error) {
    // The member left (erased) since the preview: nothing to carry over.
    if (error instanceof ConditionalCheckFailedException) return 0;
    throw error;
  }
}

// ── import jobs ──────────────────────────────────────────────────────────────

export const getJob = (communityId: string, importId: string) =>
  getItem<ImportRecord>(rosterKey.job(communityId, importId), true);

/** Stores a preview's chunks, then its job; a job being applied is not replaced (false). */
export async function putPreview(job: ImportRecord, chunks: ChunkRecord[]): Promise<boolean> {
  for (let i = 0; i < chunks.length; i += 25) {
    let pending: Item[] = chunks
      .slice(i, i + 25)
      .map((c) => ({ PutRequest: { Item: chunkItem(job.communityId, job.importId, c) } }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
      const out = await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (out.UnprocessedItems?.[tableName] ?? []) as Item[];
    }
  }
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: jobItem(job),
        ConditionExpression: 'attribute_not_exists(pk) OR #status IN (:previewed, :done)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':previewed': 'previewed', ':done': 'done' },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Chunks of earlier previews of the same file that no job points at any more. */
export async function deleteStaleChunks(communityId: string, importId: string, planId: string): Promise<void> {
  const { pk } = rosterKey.job(communityId, importId);
  const stale = (await queryPartition<Item>(pk, { sort: { beginsWith: rosterKey.chunkPrefix() } })).filter(
    (c) => c.planId !== planId,
  );
  for (let i = 0; i < stale.length; i += 25) {
    await documentClient.send(
      new BatchWriteCommand({
        RequestItems: {
          [tableName]: stale.slice(i, i + 25).map((c) => ({
            DeleteRequest: { Key: rosterKey.chunk(communityId, importId, String(c.planId), Number(c.seq)) },
          })),
        },
      }),
    );
  }
}

/** AP103: the chunks of a plan not yet applied, in order. */
export const listChunks = (communityId: string, importId: string, planId: string) =>
  queryPartition<ChunkRecord>(rosterKey.job(communityId, importId).pk, {
    sort: { beginsWith: rosterKey.chunkPrefix(planId) },
    consistent: true,
  });

/**
 * Takes the job for applying: a previewed or interrupted job, or one whose applier's lease ran
 * out (a crashed Lambda). Exactly one of many concurrent confirms gets it.
 */
export async function claimJob(
  communityId: string,
  importId: string,
  leaseId: string,
  nowSeconds: number,
  leaseSeconds: number,
  at: string,
): Promise<ImportRecord | undefined> {
  try {
    const out = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: rosterKey.job(communityId, importId),
        UpdateExpression:
          'SET #status = :applying, leaseId = :lease, leaseUntil = :until, confirmedAt = if_not_exists(confirmedAt, :at)',
        ConditionExpression:
          'attribute_exists(pk) AND expiresAt > :now AND (#status IN (:previewed, :interrupted) OR (#status = :applying AND leaseUntil < :now))',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':applying': 'applying',
          ':previewed': 'previewed',
          ':interrupted': 'interrupted',
          ':lease': leaseId,
          ':until': nowSeconds + leaseSeconds,
          ':now': nowSeconds,
          ':at': at,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes as ImportRecord;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/**
 * Records one applied chunk: the chunk goes and the job's count grows in one transaction, only
 * while this applier holds the lease, so a chunk is never counted twice. Returns false when the
 * lease was lost (another confirm took over) or the chunk was already recorded.
 */
export async function recordChunk(
  communityId: string,
  importId: string,
  chunk: ChunkRecord,
  leaseId: string,
  leaseUntil: number,
): Promise<boolean> {
  try {
    await transact([
      named('chunk', {
        Delete: {
          TableName: tableName,
          Key: rosterKey.chunk(communityId, importId, chunk.planId, chunk.seq),
          ConditionExpression: 'attribute_exists(pk)',
        },
      }),
      named('job', {
        Update: {
          TableName: tableName,
          Key: rosterKey.job(communityId, importId),
          UpdateExpression: 'ADD rowsWritten :n SET leaseUntil = :until',
          ConditionExpression: 'leaseId = :lease',
          ExpressionAttributeValues: { ':n': chunk.rows.length, ':lease': leaseId, ':until': leaseUntil },
        },
      }),
    ]);
    return true;
  } catch (error) {
    if (error instanceof ConditionsFailed) return false;
    throw error;
  }
}

/** Ends an applier's turn: done (every chunk applied) or interrupted (confirm again resumes). */
export async function releaseJob(
  communityId: string,
  importId: string,
  leaseId: string,
  outcome: { status: 'done'; finishedAt: string; expiresAt: number } | { status: 'interrupted' },
): Promise<ImportRecord | undefined> {
  const done = outcome.status === 'done';
  try {
    const out = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: rosterKey.job(communityId, importId),
        UpdateExpression: done
          ? 'SET #status = :status, finishedAt = :fin, expiresAt = :exp REMOVE leaseId, leaseUntil'
          : 'SET #status = :status REMOVE leaseId, leaseUntil',
        ConditionExpression: 'leaseId = :lease',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': outcome.status,
          ':lease': leaseId,
          ...(done ? { ':fin': outcome.finishedAt, ':exp': outcome.expiresAt } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes as ImportRecord;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}
