import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DomainError } from '@linli/shared/domain-error';
import { platformKey } from './table-items';
import { documentClient, tableName } from './dynamo';
import { logger } from './logger';
import { errorResponse } from './responses';
import type { LinliEvent } from './http';

/** How long a finished request's answer is replayed to a retry with the same key. */
const REPLAY_WINDOW_SECONDS = 24 * 60 * 60;

/**
 * How a route keeps its idempotency record. `claim`: a conditional write claims the key before
 * the work runs (any route). `in-transaction`: no claim; the effect's own transaction writes the
 * record only if none is there, so a duplicate loses on that condition and is answered from it.
 */
export type IdempotencyMode = 'claim' | 'in-transaction';

/** The request's hold on its idempotency record, set by the middleware for the route's work. */
export interface IdempotencyClaim {
  recordKey: { pk: string; sk: string };
  claimId: string;
  payloadHash: string;
  mode: IdempotencyMode;
  /**
   * `committed`: the effect's transaction committed the answer with it (see completionPut).
   * `noCopyCommitted`: the effect proved that no copy of this request committed an answer (see
   * refusalIsFinal), so a refusal need not look for one on record.
   */
  progress: { committed: boolean; noCopyCommitted?: boolean };
}

/** The idempotent request being served, so its effect can complete its record in the same transaction. */
interface IdempotencyScope extends IdempotencyClaim {
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
  // The progress object is shared, so the middleware sees when the effect committed the answer.
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
  const completion: IdempotencyCompletion = {
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
      ...(scope.mode === 'claim'
        ? {
            ConditionExpression: '#claimId = :claimId',
            ExpressionAttributeNames: { '#claimId': 'claimId' },
            ExpressionAttributeValues: { ':claimId': scope.claimId },
          }
        : {
            // No claim was taken: the first attempt to commit an answer wins, a lapsed one is replaced.
            ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
            ExpressionAttributeValues: { ':now': now },
          }),
    },
  };
  owners.set(completion, scope.progress);
  return completion;
}

const owners = new WeakMap<IdempotencyCompletion, IdempotencyClaim['progress']>();

/**
 * For an `in-transaction` route about to refuse: the effect has proof, read in the same item as
 * the fact that refuses (e.g. a sold-out dish that never served this member), that no copy of
 * this request committed an answer, so the refusal is the answer and the pipeline does not read
 * the idempotency record again. Without the call the record is read, which is always safe.
 */
export function refusalIsFinal(): void {
  const scope = scopes.getStore();
  if (scope) scope.progress.noCopyCommitted = true;
}

/**
 * The idempotent request being served: its record's key (an effect may read it with its own
 * reads) and an id that every copy of this request (same caller, route, key and payload) shares,
 * for what an effect must recognise as its own across retries. Undefined outside one.
 */
export function currentRequest(): { recordKey: { pk: string; sk: string }; copyId: string } | undefined {
  const scope = scopes.getStore();
  if (!scope) return undefined;
  const copyId = createHash('sha256')
    .update(`${scope.recordKey.pk}\u0000${scope.payloadHash}`)
    .digest('hex')
    .slice(0, 20);
  return { recordKey: scope.recordKey, copyId };
}

/** Whether `item`, read at currentRequest().recordKey, is an answer on record (a copy finished). */
export function isAnswerOnRecord(item: Record<string, unknown> | undefined): boolean {
  return item?.status === 'COMPLETED' && typeof item.expiresAt === 'number' && item.expiresAt >= nowSeconds();
}

/** Called once the transaction holding `completion` committed: the answer is on record. */
export function completionCommitted(completion: IdempotencyCompletion): void {
  const progress = owners.get(completion);
  if (progress) progress.committed = true;
}

/** A TransactWriteItems entry that completes an idempotency record (see completionPut). */
export interface IdempotencyCompletion {
  Put: {
    TableName: string;
    Item: Record<string, unknown>;
    ConditionExpression: string;
    ExpressionAttributeNames?: Record<string, string>;
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
 *
 * In `in-transaction` mode (see PipelineHooks.answeredInTransaction) nothing is written up front:
 * the effect's transaction records the answer, and a request that fails looks once for an answer
 * already on record (its own earlier attempt, or a copy that ran at the same time) and replays it.
 */
export function idempotencyMiddleware(
  mode: IdempotencyMode = 'claim',
): MiddlewareObj<LinliEvent, APIGatewayProxyStructuredResultV2, Error, Context> {
  const claimed = new WeakSet<LinliEvent>();
  const recordKey = (event: LinliEvent) => {
    const id = event.linli?.idempotency;
    if (!id) throw new Error('idempotency middleware needs linli.idempotency');
    return platformKey.idempotency(id.userId, id.routeId, id.key);
  };
  const hashOf = (event: LinliEvent) => {
    const s = event.linli;
    return payloadHash({ params: s?.params, query: s?.query, body: s?.validBody, onBehalfOf: s?.onBehalfOf?.memberId });
  };

  return {
    before: async ({ event, context }) => {
      const hash = hashOf(event);
      const claimId = randomUUID();
      const hold = { recordKey: recordKey(event), claimId, payloadHash: hash, mode, progress: { committed: false } };
      if (mode === 'in-transaction') {
        if (event.linli) event.linli.idempotencyClaim = hold;
        return undefined;
      }
      const now = nowSeconds();
      // A claim whose holder died (Lambda timeout) lapses when the invocation could no longer be running.
      const lockSeconds = Math.ceil((context.getRemainingTimeInMillis?.() ?? 30_000) / 1000) + 1;
      try {
        await documentClient.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...hold.recordKey,
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
        if (event.linli) event.linli.idempotencyClaim = hold;
        return undefined;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const old = unmarshallOld(error.Item);
        if (old.payloadHash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
        if (old.status === 'COMPLETED' && old.response) {
          return JSON.parse(old.response) as APIGatewayProxyStructuredResultV2;
        }
        throw new DomainError('IDEMPOTENCY_IN_PROGRESS');
      }
    },
    after: async ({ event, response }) => {
      const hold = event.linli?.idempotencyClaim;
      if (mode === 'in-transaction') {
        // Every success of such a route commits its answer with its effect; one that did not
        // (a path with no write) is recorded now, if no other copy recorded one first.
        if (!hold || hold.progress.committed) return;
        const now = nowSeconds();
        await documentClient
          .send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...hold.recordKey,
                type: 'Idempotency',
                status: 'COMPLETED',
                payloadHash: hold.payloadHash,
                claimId: hold.claimId,
                response: JSON.stringify(response),
                expiresAt: now + REPLAY_WINDOW_SECONDS,
              },
              ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
              ExpressionAttributeValues: { ':now': now },
            }),
          )
          .catch((error: unknown) => {
            if (!(error instanceof ConditionalCheckFailedException)) throw error;
          });
        return;
      }
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
    onError: async (request) => {
      const { event } = request;
      if (mode === 'in-transaction') {
        if (event.linli?.idempotencyClaim?.progress.noCopyCommitted) return;
        const answer = await answerOnRecord(event, hashOf(event));
        if (answer) request.response = answer;
        return;
      }
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

/**
 * For a failed request of an `in-transaction` route: the answer already on record for its key
 * (a copy of it succeeded first, e.g. the retry of a success now finds the dish sold out), or
 * the refusal of a reused key. Undefined when there is none, or the database cannot say.
 */
async function answerOnRecord(event: LinliEvent, hash: string): Promise<APIGatewayProxyStructuredResultV2 | undefined> {
  const hold = event.linli?.idempotencyClaim;
  if (!hold) return undefined;
  try {
    const found = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: hold.recordKey, ConsistentRead: true }),
    );
    const old = found.Item as Partial<Stored & { expiresAt: number }> | undefined;
    if (!old || old.status !== 'COMPLETED' || !old.response || (old.expiresAt ?? 0) < nowSeconds()) return undefined;
    if (old.payloadHash !== hash) return errorResponse('IDEMPOTENCY_KEY_REUSED');
    return JSON.parse(old.response) as APIGatewayProxyStructuredResultV2;
  } catch (error) {
    logger.warn('idempotency record not read after a failure', { error: error as Error });
    return undefined;
  }
}

function unmarshallOld(found: ConditionalCheckFailedException['Item']): Partial<Stored> {
  const item = found ?? {};
  return {
    status: item.status?.S as Stored['status'] | undefined,
    payloadHash: item.payloadHash?.S,
    response: item.response?.S,
  };
}
