/**
 * The day-before reminder: once a day, every session starting tomorrow (Asia/Shanghai) gets a
 * reminder event. Its id is derived from the session, so running the job twice writes it once.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { paginateQuery, type QueryCommandInput, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { tomorrowInShanghai } from '@linli/shared/domain/common/shanghai-time';
import { documentClient, tableName } from '../platform/dynamo';
import { outboxPut } from '../platform/outbox';
import { GSI, index } from '../table';

export { tomorrowInShanghai };

async function queryAll(params: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client: documentClient }, params)) items.push(...(page.Items ?? []));
  return items;
}

/** Writes the reminder events for tomorrow's sessions; returns how many were new. */
export async function writeReminders(now = new Date()): Promise<number> {
  const { from, to } = tomorrowInShanghai(now);
  const communities = await queryAll({
    TableName: tableName,
    IndexName: GSI.gsi2.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': GSI.gsi2.partitionKey },
    ExpressionAttributeValues: { ':pk': index.communities() },
  });
  let written = 0;
  for (const community of communities) {
    const communityId = String(community.id);
    const sessions = await queryAll({
      TableName: tableName,
      IndexName: GSI.gsi1.name,
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#pk': GSI.gsi1.partitionKey, '#sk': GSI.gsi1.sortKey },
      ExpressionAttributeValues: { ':pk': index.communitySessions(communityId), ':from': from, ':to': to },
    });
    for (const s of sessions.filter((x) => x.status === 'scheduled' && String(x.startsAt) < to)) {
      const sessionId = String(s.sessionId);
      try {
        await documentClient.send(
          new TransactWriteCommand({
            TransactItems: [
              outboxPut({ type: 'council.session_reminder', communityId, sessionId }, now, `reminder-${sessionId}`),
            ],
          }),
        );
        written += 1;
      } catch (error) {
        const repeated =
          error instanceof ConditionalCheckFailedException ||
          (error instanceof TransactionCanceledException &&
            (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed'));
        if (!repeated) throw error;
      }
    }
  }
  return written;
}
