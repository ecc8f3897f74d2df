import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';

type Page = { Items?: Record<string, any>[]; LastEvaluatedKey?: Record<string, unknown> };

/** Every item of a paged read: `readPage` is called from each page's last key until none is left. */
async function allPages(readPage: (startKey: Record<string, unknown> | undefined) => Promise<Page>) {
  const items: Record<string, any>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await readPage(startKey);
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * Every item of the shared test table that matches a filter (test-only Scan).
 * A filtered Scan reads the table a page (1 MB) at a time and filters each page after reading,
 * so on a table the whole suite has filled, the item looked for is often past the first page:
 * read them all.
 */
export function scanWhere(filterExpression: string, values: Record<string, unknown>): Promise<Record<string, any>[]> {
  return allPages((startKey) =>
    documentClient.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: filterExpression,
        ExpressionAttributeValues: values,
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    ),
  );
}

/** Every item of partition `pk` whose sort key begins with `skPrefix`, read consistently. */
export function itemsUnder(pk: string, skPrefix: string): Promise<Record<string, any>[]> {
  return allPages((startKey) =>
    documentClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    ),
  );
}
