/**
 * One subscriber of the outbox: the stream, filtered to outbox inserts of the event types it
 * subscribed to, drives its own Lambda with its own retries, partial-batch reporting and
 * dead-letter queue. A failing subscriber (say, WeChat down for the notifier) holds back only
 * its own records: every other subscriber reads the same events from its own event source.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from './logger';
import type { OutboxEventBase } from './outbox';
import { platformKey } from './table-items';

/** What a feature declares to subscribe to outbox events (its folder's `subscription.ts`). */
export interface Subscription<T extends string = string> {
  /** Names the function and its queue: `linli-<name>`. */
  name: string;
  /** Event types it handles; the event source filters on them. Absent: every event. */
  types?: readonly T[];
}

export interface OutboxRecord<E> {
  eventId: string;
  payload: E;
  createdAt: string;
}

/** The Lambda handler of a subscriber; `handle` must be idempotent, as the stream delivers at least once. */
export function outboxConsumer<E extends OutboxEventBase>(
  subscription: Subscription,
  handle: (record: OutboxRecord<E>) => Promise<unknown>,
): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  const wanted = subscription.types ? new Set<string>(subscription.types) : undefined;
  return async (event) => {
    const failures: { itemIdentifier: string }[] = [];
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      if (record.eventName !== 'INSERT' || !image || !String(image.pk?.S ?? '').startsWith(platformKey.outboxPrefix))
        continue;
      const item = unmarshall(image as Record<string, AttributeValue>) as OutboxRecord<E>;
      if (wanted && !wanted.has(item.payload.type)) continue;
      try {
        await handle(item);
      } catch (error) {
        logger.error(`${subscription.name} failed; the record will be retried`, {
          eventId: item.eventId,
          error: error as Error,
        });
        failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? item.eventId });
        // Records of a shard are ordered: stop here so the retry starts from the failed one.
        break;
      }
    }
    return { batchItemFailures: failures };
  };
}
