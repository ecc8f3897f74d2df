/** Reading items of the single table, shared by every feature's repository. */
import { BatchGetCommand, GetCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { GSI } from '../table';
import { documentClient, tableName } from './dynamo';

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

/** Drops the key and index attributes: records carry only their own fields. */
export function strip<T>(item: Item | undefined): T | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...rest } = item;
  return rest as T;
}

export async function getItem<T>(key: Key, consistent = false): Promise<T | undefined> {
  const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: consistent }));
  return strip<T>(out.Item);
}

/** Items by key, 100 per request, unprocessed keys retried; missing ones are left out. */
export async function batchGetItems<T>(keys: Key[]): Promise<T[]> {
  const found: T[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Item[] | undefined = keys.slice(i, i + 100);
    while (pending && pending.length > 0) {
      const out = await documentClient.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
      for (const item of out.Responses?.[tableName] ?? []) found.push(strip<T>(item)!);
      pending = out.UnprocessedKeys?.[tableName]?.Keys as Item[] | undefined;
    }
  }
  return found;
}

/**
 * Several items by key in one round trip (at most 100), in the order asked, undefined where
 * missing: for a use case that needs a handful of unrelated facts at once.
 */
export async function getItemsByKey(keys: Key[], consistent = false): Promise<(Item | undefined)[]> {
  const id = (k: Key | Item) => `${String(k.pk)}\u0000${String(k.sk)}`;
  // BatchGetItem refuses a request that names one key twice; each is read once and answered everywhere.
  const unique = [...new Map(keys.map((k) => [id(k), k])).values()];
  if (unique.length > 100) throw new Error('getItemsByKey reads at most 100 items');
  const found = new Map<string, Item>();
  let pending: Item[] | undefined = unique;
  while (pending && pending.length > 0) {
    const out = await documentClient.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: consistent } } }),
    );
    for (const item of out.Responses?.[tableName] ?? []) found.set(id(item), item);
    pending = out.UnprocessedKeys?.[tableName]?.Keys as Item[] | undefined;
  }
  return keys.map((k) => strip<Item>(found.get(id(k))));
}

export type SortCondition =
  { beginsWith: string } | { op: '<' | '<=' | '>' | '>='; value: string } | { between: [string, string] };

export interface QueryOptions {
  sort?: SortCondition;
  newestFirst?: boolean;
  /** Stop after this many items (otherwise every page is read). */
  limit?: number;
  /** Strongly consistent read (table only; indexes are always eventually consistent). */
  consistent?: boolean;
}

function sortValues(sort: SortCondition): Record<string, string> {
  if ('beginsWith' in sort) return { ':sk': sort.beginsWith };
  if ('between' in sort) return { ':sk': sort.between[0], ':to': sort.between[1] };
  return { ':sk': sort.value };
}

async function query<T>(
  names: { pk: string; sk: string },
  indexName: string | undefined,
  pkValue: string,
  options: QueryOptions,
): Promise<T[]> {
  const sort = options.sort;
  const condition = !sort
    ? '#pk = :pk'
    : 'beginsWith' in sort
      ? '#pk = :pk AND begins_with(#sk, :sk)'
      : 'between' in sort
        ? '#pk = :pk AND #sk BETWEEN :sk AND :to'
        : `#pk = :pk AND #sk ${sort.op} :sk`;
  const items: T[] = [];
  const pages = paginateQuery(
    { client: documentClient },
    {
      TableName: tableName,
      IndexName: indexName,
      KeyConditionExpression: condition,
      ExpressionAttributeNames: { '#pk': names.pk, ...(sort ? { '#sk': names.sk } : {}) },
      ExpressionAttributeValues: {
        ':pk': pkValue,
        ...(sort ? sortValues(sort) : {}),
      },
      ScanIndexForward: !options.newestFirst,
      Limit: options.limit,
      ConsistentRead: options.consistent,
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) items.push(strip<T>(item)!);
    if (options.limit !== undefined && items.length >= options.limit) break;
  }
  return items;
}

/** Items of one partition of the table, in sort-key order. */
export function queryPartition<T>(pk: string, options: QueryOptions = {}): Promise<T[]> {
  return query<T>({ pk: 'pk', sk: 'sk' }, undefined, pk, options);
}

/** Items of one partition of a generic index, in sort-key order. */
export function queryIndex<T>(gsi: keyof typeof GSI, pkValue: string, options: QueryOptions = {}): Promise<T[]> {
  const g = GSI[gsi];
  return query<T>({ pk: g.partitionKey, sk: g.sortKey }, g.name, pkValue, options);
}
