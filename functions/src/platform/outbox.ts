import { ulid } from 'ulidx';
import { platformKey } from './table-items';
import { tableName } from './dynamo';

/** How long an event stays in the table after it was written (the notifier reads it from the stream at once). */
const OUTBOX_RETENTION_SECONDS = 7 * 24 * 60 * 60;

/** What every outbox event carries; each feature declares its own events in its `events.ts`. */
export interface OutboxEventBase {
  type: string;
  communityId: string;
}

/**
 * The Put of an outbox item (`eventId` defaults to a fresh ULID; a deterministic one makes a
 * repeated job write its event once), to go into the same TransactWriteItems as the change it reports,
 * so an event is never lost and never sent for a change that did not happen.
 */
export function outboxPut<E extends OutboxEventBase>(event: E, now = new Date(), eventId = ulid(now.getTime())) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...platformKey.outbox(eventId),
        type: 'Outbox',
        eventId,
        eventType: event.type,
        communityId: event.communityId,
        payload: event,
        createdAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_RETENTION_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
