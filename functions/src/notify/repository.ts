/** Every DynamoDB read and write of notifications: messages, unread counts, consent, delivery log. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  paginateQuery,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { shanghaiDate as dayOf } from '@linli/shared/domain/common/shanghai-time';
import { documentClient, tableName } from '../platform/dynamo';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { ConditionsFailed, conditionFailed, named, transact, transactIfConditionsHold } from '../platform/transactions';
import { deliveryItem, messageItem, notifyKey } from './items';

export interface MessageRecord {
  messageId: string;
  userId: string;
  eventId: string;
  communityId?: string;
  title: string;
  body: string;
  link?: string;
  createdAt: string;
  readAt?: string;
}

const PAGE = 20;

/**
 * Writes a message and counts it unread, once: a stream record delivered twice finds the
 * message already there and changes nothing. Returns whether it was new.
 */
export async function deliverMessage(m: MessageRecord): Promise<boolean> {
  return transactIfConditionsHold([
    {
      Put: {
        TableName: tableName,
        Item: messageItem(m),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: notifyKey.inbox(m.userId),
        UpdateExpression: 'SET #type = :type ADD unread :one',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':one': 1, ':type': 'Inbox' },
      },
    },
  ]);
}

export async function listMessages(userId: string, before?: string): Promise<MessageRecord[]> {
  const out = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: before ? 'pk = :pk AND sk BETWEEN :from AND :to' : 'pk = :pk AND begins_with(sk, :from)',
      ExpressionAttributeValues: before
        ? {
            ':pk': notifyKey.inbox(userId).pk,
            ':from': notifyKey.messagePrefix,
            ':to': notifyKey.message(userId, before).sk,
          }
        : { ':pk': notifyKey.inbox(userId).pk, ':from': notifyKey.messagePrefix },
      ScanIndexForward: false,
      Limit: PAGE + (before ? 1 : 0),
    }),
  );
  return (out.Items ?? [])
    .map((i) => i as unknown as MessageRecord)
    .filter((m) => m.messageId !== before)
    .slice(0, PAGE);
}

export async function unreadCount(userId: string): Promise<number> {
  const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: notifyKey.inbox(userId) }));
  return Math.max(0, Number(out.Item?.unread ?? 0));
}

export async function getMessage(userId: string, messageId: string): Promise<MessageRecord | undefined> {
  const out = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: notifyKey.message(userId, messageId) }),
  );
  return out.Item as MessageRecord | undefined;
}

/**
 * Marks a message read and lowers the unread count, once. Should the count ever have drifted to
 * 0, the message is still marked read (the count stays at 0, never below). Answers whether this
 * call marked it (false: it was read already, or is not there).
 */
export async function markRead(userId: string, messageId: string, at: string): Promise<boolean> {
  const readUpdate = {
    TableName: tableName,
    Key: notifyKey.message(userId, messageId),
    UpdateExpression: 'SET readAt = :at',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
    ExpressionAttributeValues: { ':at': at },
  };
  try {
    await transact([
      named('message-unread', { Update: readUpdate }),
      named('unread-count', {
        Update: {
          TableName: tableName,
          Key: notifyKey.inbox(userId),
          UpdateExpression: 'ADD unread :minus',
          ConditionExpression: 'unread > :zero',
          ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
        },
      }),
    ]);
    return true;
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    if (error.has('message-unread')) return false;
    // Only the count refused: mark the message read on its own.
    try {
      await documentClient.send(new UpdateCommand(readUpdate));
      return true;
    } catch (inner) {
      if (!(inner instanceof ConditionalCheckFailedException)) throw inner;
      return false;
    }
  }
}

/** Ids of a user's unread messages, newest first, at most `limit` (a filtered read of AP26). */
export async function unreadMessageIds(userId: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  const pages = paginateQuery(
    { client: documentClient },
    {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :msg)',
      FilterExpression: 'attribute_not_exists(readAt)',
      ProjectionExpression: 'messageId',
      ExpressionAttributeValues: { ':pk': notifyKey.inbox(userId).pk, ':msg': notifyKey.messagePrefix },
      ScanIndexForward: false,
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) ids.push(String(item.messageId));
    if (ids.length >= limit) break;
  }
  return ids.slice(0, limit);
}

/**
 * Marks these messages read and lowers the unread count by as many, in one transaction (≤ 99
 * messages). Should any of them have been read meanwhile, or the count have drifted, it falls
 * back to marking them one by one, so each is still counted once.
 */
export async function markManyRead(userId: string, messageIds: string[], at: string): Promise<void> {
  if (messageIds.length === 0) return;
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          ...messageIds.map((messageId) => ({
            Update: {
              TableName: tableName,
              Key: notifyKey.message(userId, messageId),
              UpdateExpression: 'SET readAt = :at',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
              ExpressionAttributeValues: { ':at': at },
            },
          })),
          {
            Update: {
              TableName: tableName,
              Key: notifyKey.inbox(userId),
              UpdateExpression: 'ADD unread :minus',
              ConditionExpression: 'unread >= :n',
              ExpressionAttributeValues: { ':minus': -messageIds.length, ':n': messageIds.length },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    for (const messageId of messageIds) await markRead(userId, messageId, at);
  }
}

// ── consent ──────────────────────────────────────────────────────────────────

/** Each accepted request lets Linli send one message of that template (WeChat's one-time subscription). */
export async function addConsent(userId: string, template: string): Promise<number> {
  const out = await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: notifyKey.consent(userId, template),
      UpdateExpression: 'SET #type = :type ADD remaining :one',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':type': 'Consent' },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return Number(out.Attributes?.remaining ?? 0);
}

export async function remainingConsent(userId: string, template: string, consistent = false): Promise<number> {
  const out = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: notifyKey.consent(userId, template), ConsistentRead: consistent }),
  );
  return Number(out.Item?.remaining ?? 0);
}

/**
 * Sets each template's consent count from the count that was read to the new one, all in one
 * transaction with the request's idempotency completion; false when a count changed meanwhile
 * (a message took a consent), so the caller reads again.
 */
export async function setConsents(
  userId: string,
  changes: { template: string; from: number; to: number }[],
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  return transactIfConditionsHold(
    changes.map((c) => ({
      Update: {
        TableName: tableName,
        Key: notifyKey.consent(userId, c.template),
        UpdateExpression: 'SET #type = :type, remaining = :to',
        ConditionExpression: '(attribute_not_exists(remaining) AND :from = :zero) OR remaining = :from',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'Consent', ':to': c.to, ':from': c.from, ':zero': 0 },
      },
    })),
    completion,
  );
}

/** Uses one consent if any is left. */
export async function takeConsent(userId: string, template: string): Promise<boolean> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: notifyKey.consent(userId, template),
        UpdateExpression: 'ADD remaining :minus',
        ConditionExpression: 'remaining > :zero',
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

// ── delivery log ─────────────────────────────────────────────────────────────

export type DeliveryStatus = 'delivered' | 'sending' | 'sent' | 'failed' | 'refused' | 'no_consent';

/**
 * Claims the WeChat send of an event to a user. A stream record replayed after a crash finds the
 * claim and does not send again: a subscribe message is sent at most once.
 */
export async function claimDelivery(
  communityId: string,
  eventId: string,
  userId: string,
  channel: 'inapp' | 'wechat',
  status: DeliveryStatus,
  at: string,
): Promise<boolean> {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: deliveryItem({ communityId, day: dayOf(at), eventId, userId, channel }, status, at),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export async function settleDelivery(
  communityId: string,
  eventId: string,
  userId: string,
  at: string,
  status: DeliveryStatus,
  detail?: string,
): Promise<void> {
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: notifyKey.delivery(communityId, dayOf(at), eventId, userId, 'wechat'),
      UpdateExpression: 'SET #status = :status, detail = :detail',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status, ':detail': detail ?? null },
    }),
  );
}

/** AP29: one day's deliveries of a community, counted by channel and status. */
export async function deliveriesOfDay(
  communityId: string,
  day: string,
): Promise<{ channel: string; status: string }[]> {
  const rows: { channel: string; status: string }[] = [];
  const pages = paginateQuery(
    { client: documentClient },
    {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': notifyKey.deliveryDay(communityId, day) },
      ProjectionExpression: 'channel, #status',
      ExpressionAttributeNames: { '#status': 'status' },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) rows.push({ channel: String(item.channel), status: String(item.status) });
  }
  return rows;
}

export { dayOf };
