import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DomainError } from '@linli/shared/errors';
import { key } from '../table';
import { documentClient, tableName } from './dynamo';
import { logger } from './logger';
import type { LinliEvent } from './http';

/** How long a finished request's answer is replayed to a retry with the same key. */
const REPLAY_WINDOW_SECONDS = 24 * 60 * 60;

type Stored = { status: 'IN_PROGRESS' | 'COMPLETED'; payloadHash: string; response?: string };

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Hash of what the request asks for; the same key with another payload is a client bug. */
export function payloadHash(payload: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(payload ?? null))
    .digest('base64url');
}

/**
 * Idempotency keyed on (caller, route, Idempotency-Key), kept in the single table.
 *
 * A request first claims the key with a conditional write. A retry after success replays the
 * stored answer; a retry while the first is still running gets 409 IDEMPOTENCY_IN_PROGRESS;
 * the same key with a different payload gets 409 IDEMPOTENCY_KEY_REUSED. A failed request
 * releases its claim, so it can be retried. (Powertools idempotency did the same but cost
 * ~38 KB of bundle through jmespath; see the commit that replaced it.)
 */
export function idempotencyMiddleware(): MiddlewareObj<LinliEvent, APIGatewayProxyStructuredResultV2, Error, Context> {
  const claimed = new WeakSet<LinliEvent>();
  const recordKey = (event: LinliEvent) => {
    const id = event.linli?.idempotency;
    if (!id) throw new Error('idempotency middleware needs linli.idempotency');
    return key.idempotency(id.userId, id.routeId, id.key);
  };

  return {
    before: async ({ event, context }) => {
      const s = event.linli;
      const hash = payloadHash({
        params: s?.params,
        query: s?.query,
        body: s?.validBody,
        onBehalfOf: s?.onBehalfOf?.memberId,
      });
      const now = nowSeconds();
      // A claim whose holder died (Lambda timeout) lapses when the invocation could no longer be running.
      const lockSeconds = Math.ceil((context.getRemainingTimeInMillis?.() ?? 30_000) / 1000) + 1;
      try {
        await documentClient.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...recordKey(event),
              type: 'Idempotency',
              status: 'IN_PROGRESS',
              payloadHash: hash,
              lockedUntil: now + lockSeconds,
              expiresAt: now + REPLAY_WINDOW_SECONDS,
            },
            ConditionExpression:
              'attribute_not_exists(pk) OR expiresAt < :now OR (#status = :inProgress AND lockedUntil < :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':now': now, ':inProgress': 'IN_PROGRESS' },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        claimed.add(event);
        return undefined;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const old = unmarshallOld(error);
        if (old.payloadHash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
        if (old.status === 'COMPLETED' && old.response) {
          return JSON.parse(old.response) as APIGatewayProxyStructuredResultV2;
        }
        throw new DomainError('IDEMPOTENCY_IN_PROGRESS');
      }
    },
    after: async ({ event, response }) => {
      if (!claimed.has(event)) return;
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: recordKey(event),
          UpdateExpression: 'SET #status = :completed, #response = :response REMOVE lockedUntil',
          ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
          ExpressionAttributeValues: { ':completed': 'COMPLETED', ':response': JSON.stringify(response) },
        }),
      );
    },
    onError: async ({ event }) => {
      if (!claimed.has(event)) return;
      claimed.delete(event);
      // When the database is down this fails too; the claim then lapses at lockedUntil, and the
      // client must still get the mapped answer (503), not a crash of the error path.
      await documentClient
        .send(new DeleteCommand({ TableName: tableName, Key: recordKey(event) }))
        .catch((error: unknown) => logger.warn('idempotency claim not released', { error: error as Error }));
    },
  };
}

function unmarshallOld(error: ConditionalCheckFailedException): Partial<Stored> {
  const item = error.Item ?? {};
  return {
    status: item.status?.S as Stored['status'] | undefined,
    payloadHash: item.payloadHash?.S,
    response: item.response?.S,
  };
}
