/** The only DynamoDB code of the structure editor: grids, buildings (with units) and member counts. */
import { paginateQuery, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DomainError } from '@linli/shared/domain-error';
import { documentClient, tableName } from '../platform/dynamo';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { getItem, queryIndex, queryPartition } from '../platform/items';
import { ConditionsFailed, named, transact, writeWithReply, type NamedWrite } from '../platform/transactions';
import { identityIndex } from '../identity/items';
import { GSI, partition, index, key } from '../table';
import type { BuildingItemRecord, GridItemRecord } from './structure-records';

type Item = Record<string, unknown>;

export const getCommunityMeta = (communityId: string) =>
  getItem<{ id: string; name: string }>(key.community(communityId));

// Older items (and some fixtures) lack `communityId`: the key says which community they belong to.
const inCommunity =
  (communityId: string) =>
  <T extends object>(item: T | undefined): (T & { communityId: string }) | undefined =>
    item ? { ...item, communityId } : undefined;

export const getGrid = async (communityId: string, gridId: string) =>
  inCommunity(communityId)(await getItem<GridItemRecord>(key.grid(communityId, gridId), true));

export const getBuilding = async (communityId: string, buildingId: string) =>
  inCommunity(communityId)(await getItem<BuildingItemRecord>(key.building(communityId, buildingId), true));

export const listGrids = async (communityId: string) =>
  (
    await queryPartition<GridItemRecord>(partition.community(communityId), {
      sort: { beginsWith: key.gridPrefix },
      consistent: true,
    })
  ).map((g) => ({ ...g, communityId }));

export const listBuildings = async (communityId: string) =>
  (
    await queryPartition<BuildingItemRecord>(partition.community(communityId), {
      sort: { beginsWith: key.buildingPrefix },
      consistent: true,
    })
  ).map((b) => ({ ...b, communityId, units: b.units ?? [] }));

export { buildingItem, gridItem } from './items';

/** The condition that the item is still the version the change was based on (absent counts as 0). */
function versionCondition(expected: number) {
  return expected === 0
    ? { expr: 'attribute_exists(pk) AND (attribute_not_exists(#version) OR #version = :expected)', value: 0 }
    : { expr: 'attribute_exists(pk) AND #version = :expected', value: expected };
}

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/**
 * Grid and building names are unique in a community. A change that gives one a name checks the
 * others first, having read the community's `namesVersion`; its write moves that version on only
 * if no other naming change landed meanwhile, so two staff naming two buildings 「1号楼」 at the
 * same moment cannot both succeed (the second hears STRUCTURE_CHANGED and sees the first).
 */
export interface NamesGuard {
  communityId: string;
  read: number;
}

export async function namesGuard(communityId: string): Promise<NamesGuard> {
  const meta = await getItem<{ namesVersion?: number }>(key.community(communityId), true);
  return { communityId, read: meta?.namesVersion ?? 0 };
}

function namesWrite(guard: NamesGuard): NamedWrite {
  return named('names', {
    Update: {
      TableName: tableName,
      Key: key.community(guard.communityId),
      UpdateExpression: 'SET namesVersion = :next',
      ConditionExpression:
        guard.read === 0
          ? 'attribute_exists(pk) AND (attribute_not_exists(namesVersion) OR namesVersion = :read)'
          : 'attribute_exists(pk) AND namesVersion = :read',
      ExpressionAttributeValues: { ':next': guard.read + 1, ':read': guard.read },
    },
  });
}

/** Creates a grid or building that must not exist yet, its name checked under `names`. */
export async function create(item: Item, names: NamesGuard, completion?: IdempotencyCompletion): Promise<void> {
  try {
    await transact(
      [
        named('item', { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }),
        namesWrite(names),
      ],
      completion,
    );
  } catch (error) {
    if (error instanceof ConditionsFailed) throw new DomainError('STRUCTURE_CHANGED');
    throw error;
  }
}

/**
 * Replaces a grid or building with its changed copy, only while it is still `expectedVersion`:
 * a concurrent edit that landed first makes this one STRUCTURE_CHANGED, never a lost update.
 */
export async function replace(
  item: Item & { version: number },
  expectedVersion: number,
  completion?: IdempotencyCompletion,
  /** Given when the change renames the item: its new name was checked under this guard. */
  names?: NamesGuard,
): Promise<void> {
  const condition = versionCondition(expectedVersion);
  const put = {
    Put: {
      TableName: tableName,
      Item: item,
      ConditionExpression: condition.expr,
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': condition.value },
    },
  };
  try {
    if (names) await transact([named('item', put), namesWrite(names)], completion);
    else await writeWithReply(put, completion);
  } catch (error) {
    if (isConditionFailure(error) || error instanceof ConditionsFailed) throw new DomainError('STRUCTURE_CHANGED');
    throw error;
  }
}

/** Deletes a building, only while it is still `expectedVersion`. */
export async function deleteBuilding(
  communityId: string,
  buildingId: string,
  expectedVersion: number,
  completion?: IdempotencyCompletion,
): Promise<void> {
  const condition = versionCondition(expectedVersion);
  try {
    await writeWithReply(
      {
        Delete: {
          TableName: tableName,
          Key: key.building(communityId, buildingId),
          ConditionExpression: condition.expr,
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': condition.value },
        },
      },
      completion,
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new DomainError('STRUCTURE_CHANGED');
    throw error;
  }
}

/** Sets `order` of grids or buildings in one transaction; each must still exist. */
export async function writeOrder(keys: { pk: string; sk: string }[]): Promise<void> {
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: keys.map((k, order) => ({
          Update: {
            TableName: tableName,
            Key: k,
            UpdateExpression: 'SET #order = :order ADD #version :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#order': 'order', '#version': 'version' },
            ExpressionAttributeValues: { ':order': order + 1, ':one': 1 },
          },
        })),
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name === 'TransactionCanceledException')
      throw new DomainError('STRUCTURE_CHANGED');
    throw error;
  }
}

/**
 * AP10, keys only: how many members live in each building and unit of a community. The index
 * sort key is `<building>#<unit>#<room>#<member>`, so the projection of that one attribute is
 * enough to count (pages of up to 1 MB of keys; no member's personal data is read).
 */
export async function memberCounts(communityId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const pages = paginateQuery(
    { client: documentClient },
    {
      TableName: tableName,
      IndexName: GSI.gsi1.name,
      KeyConditionExpression: '#pk = :pk',
      ProjectionExpression: '#sk',
      ExpressionAttributeNames: { '#pk': GSI.gsi1.partitionKey, '#sk': GSI.gsi1.sortKey },
      ExpressionAttributeValues: { ':pk': index.communityMembers(communityId) },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      const [buildingId, unitId] = String(item[GSI.gsi1.sortKey]).split('#');
      counts.set(buildingId!, (counts.get(buildingId!) ?? 0) + 1);
      counts.set(`${buildingId}#${unitId}`, (counts.get(`${buildingId}#${unitId}`) ?? 0) + 1);
    }
  }
  return counts;
}

/** AP10 with Limit 1: whether anyone is registered in the building, or in one unit of it. */
export async function hasMembers(communityId: string, buildingId: string, unitId?: string): Promise<boolean> {
  const found = await queryIndex<Item>('gsi1', index.communityMembers(communityId), {
    sort: { beginsWith: identityIndex.membersAtPrefix(buildingId, unitId) },
    limit: 1,
  });
  return found.length > 0;
}

/** AP8: pending applications naming the building (they would lose their address if it were deleted). */
export async function hasPendingApplications(communityId: string, buildingId: string, unitId?: string) {
  const pending = await queryIndex<{ buildingId: string; unitId: string }>(
    'gsi2',
    identityIndex.communityApplications(communityId, 'pending'),
  );
  return pending.some((a) => a.buildingId === buildingId && (unitId === undefined || a.unitId === unitId));
}
