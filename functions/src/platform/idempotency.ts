import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DomainError } from '@linli/shared/errors';
import { platformKey } from './table-items';
import { documentClient, tableName } from './dynamo';
import { logger } from './logger';
import type { LinliEvent } from './http';

/** How long a finished request's answer is replayed to a retry with the same key. */
const REPLAY_WINDOW_SECONDS = 24 * 60 * 60;

/** The idempotent request being served, so its effect can complete its record in the same transaction. */
interface IdempotencyScope {
  recordKey: { pk: string; sk: string };
  claimId: string;
  payloadHash: string;
  render: (reply: unknown) => APIGatewayProxyStructuredResultV2;
}

const scopes = new AsyncLocalStorage<IdempotencyScope>();

/** Runs a route implementation with its idempotency record at hand (see completionPut). */
export function withIdempotencyScope<T>(
  event: LinliEvent,
  render: (reply: unknown) => APIGatewayProxyStructuredResultV2,
  run: () => Promise<T>,
): Promise<T> {
  const claim = event.linli?.idempotencyClaim;
  if (!claim) return run();
  return scopes.run({ ...claim, render }, run);
}

/**
 * Runs `run` outside the current request's idempotency scope: for a use case that calls another
 * feature's use cases as steps of its own (account erasure cancels bookings and orders), so a
 * step's completionPut cannot complete the outer request's record with the step's answer.
 */
export function outsideIdempotencyScope<T>(run: () => Promise<T>): Promise<T> {
  return scopes.exit(run);
}

/**
 * The Put that completes the current request's idempotency record with the answer `reply` will
 * be given, for the effect's own TransactWriteItems: the effect and the answer a retry replays
 * then commit together, so a crash between them cannot make a retry run the effect again (and
 * answer ALREADY_BOOKED or SOLD_OUT for the client's own booking or order). It holds only while
 * this request still owns the claim. Undefined outside an idempotent request.
 */
export function completionPut(reply: unknown): IdempotencyCompletion | undefined {
  const scope = scopes.getStore();
  if (!scope) return undefined;
  const now = nowSeconds();
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...scope.recordKey,
        type: 'Idempotency',
        status: 'COMPLETED',
        payloadHash: scope.payloadHash,
        claimId: scope.claimId,
        response: JSON.stringify(scope.render(reply)),
        expiresAt: now + REPLAY_WINDOW_SECONDS,
      },
      ConditionExpression: '#claimId = :claimId',
      ExpressionAttributeNames: { '#claimId': 'claimId' },
      ExpressionAttributeValues: { ':claimId': scope.claimId },
    },
  };
}

/** A TransactWriteItems entry that completes an idempotency record (see completionPut). */
export interface IdempotencyCompletion {
  Put: {
    TableName: string;
    Item: Record<string, unknown>;
    ConditionExpression: string;
    ExpressionAttributeNames: Record<string, string>;
    ExpressionAttributeValues: Record<string, unknown>;
  };
}

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
    return platformKey.idempotency(id.userId, id.routeId, id.key);
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
      const claimId = randomUUID();
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
              claimId,
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
        if (event.linli) event.linli.idempotencyClaim = { recordKey: recordKey(event), claimId, payloadHash: hash };
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
          UpdateExpression: 'SET #status = :completed, #response = :response REMOVE #lockedUntil',
          ExpressionAttributeNames: { '#status': 'status', '#response': 'response', '#lockedUntil': 'lockedUntil' },
          ExpressionAttributeValues: { ':completed': 'COMPLETED', ':response': JSON.stringify(response) },
        }),
      );
    },
    onError: async ({ event }) => {
      if (!claimed.has(event)) return;
      claimed.delete(event);
      // When the database is down this fails too; the claim then lapses at lockedUntil, and the
      // client must still get the mapped answer (503), not a crash of the error path.
      // Only a claim still in progress and still ours: a record its effect completed in the same
      // transaction stays, so the retry replays the answer instead of running the effect again.
      const claimId = event.linli?.idempotencyClaim?.claimId;
      await documentClient
        .send(
          new DeleteCommand({
            TableName: tableName,
            Key: recordKey(event),
            ConditionExpression: '#status = :inProgress AND #claimId = :claimId',
            ExpressionAttributeNames: { '#status': 'status', '#claimId': 'claimId' },
            ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS', ':claimId': claimId ?? '-' },
          }),
        )
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
