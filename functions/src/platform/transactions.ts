import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { DomainError } from '@linli/shared/domain-error';
import { documentClient, tableName } from './dynamo';
import { completionCommitted, type IdempotencyCompletion } from './idempotency';
import type { NamedWrite } from './named-write';

export { named, type NamedWrite } from './named-write';

/**
 * When a TransactWriteItems is cancelled, which of its items failed their condition (by
 * position, with the old item where ReturnValuesOnConditionCheckFailure asked for it).
 * Undefined for other errors. Private: callers read ConditionsFailed by name (transact()).
 */
function failedConditions(error: unknown): { index: number; old: Record<string, unknown> | undefined }[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const reasons = error.CancellationReasons ?? [];
  if (!reasons.some((r) => r.Code === 'ConditionalCheckFailed')) return undefined;
  return reasons.flatMap((r, index) =>
    r.Code === 'ConditionalCheckFailed' ? [{ index, old: r.Item ? unmarshall(r.Item) : undefined }] : [],
  );
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * A transaction was cancelled because writes failed their conditions: which ones, by name, with
 * the old item where ReturnValuesOnConditionCheckFailure asked for it.
 */
export class ConditionsFailed extends Error {
  constructor(readonly failed: ReadonlyMap<string, Record<string, unknown> | undefined>) {
    super(`transaction conditions failed: ${[...failed.keys()].join(', ')}`);
    this.name = 'ConditionsFailed';
  }

  has(...names: string[]): boolean {
    return names.some((n) => this.failed.has(n));
  }

  /** Whether a write whose name starts with `prefix` failed (e.g. every `balance:` write). */
  hasPrefix(prefix: string): string | undefined {
    return [...this.failed.keys()].find((n) => n.startsWith(prefix));
  }

  old(name: string): Record<string, unknown> | undefined {
    return this.failed.get(name);
  }
}

/**
 * Writes `writes` in one transaction (with the request's idempotency completion, as
 * transactWithReply). When conditions fail, throws ConditionsFailed naming them, so callers
 * decide by name, never by a write's position in the request.
 */
export async function transact(writes: readonly NamedWrite[], completion?: IdempotencyCompletion): Promise<void> {
  try {
    await transactWithReply(
      writes.map((w) => w.write),
      completion,
    );
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed) throw error;
    throw new ConditionsFailed(new Map(failed.map((f) => [writes[f.index]!.name, f.old])));
  }
}

/** Whether `error` is a write's or a transaction's failed condition (whichever write it was). */
export function conditionFailed(error: unknown): boolean {
  return (
    error instanceof ConditionsFailed ||
    error instanceof ConditionalCheckFailedException ||
    failedConditions(error) !== undefined
  );
}
/** One write of a single item, as an entry of TransactWriteItems. */
export type SingleWrite =
  | { Put: NonNullable<TransactItem['Put']> }
  | { Update: NonNullable<TransactItem['Update']> }
  | { Delete: NonNullable<TransactItem['Delete']> };

/**
 * Writes `items` in one transaction, with the current request's idempotency completion (the
 * answer a retry replays, see completionPut) when there is one: the effect and the answer
 * commit together or not at all. Failed conditions keep their indexes; a completion that lost
 * its claim (another attempt of the same request owns it now) answers IDEMPOTENCY_IN_PROGRESS.
 */
export async function transactWithReply(items: TransactItem[], completion?: IdempotencyCompletion): Promise<void> {
  try {
    await documentClient.send(new TransactWriteCommand({ TransactItems: completion ? [...items, completion] : items }));
    if (completion) completionCommitted(completion);
  } catch (error) {
    if (completion && failedConditions(error)?.some((f) => f.index === items.length)) {
      throw new DomainError('IDEMPOTENCY_IN_PROGRESS');
    }
    throw error;
  }
}

/**
 * Writes `items` in one transaction (with the request's idempotency completion); false when one
 * of their conditions no longer holds, i.e. another request changed an item first. The caller
 * turns false into its own answer (a stale venue, a code already taken, a count that moved).
 */
export async function transactIfConditionsHold(
  items: TransactItem[],
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  try {
    await transactWithReply(items, completion);
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/**
 * Puts items that must all be new (a record and its unique code, say) in one transaction; false
 * when one of them exists already, so the caller draws another code.
 */
export function putAllNew(items: Record<string, unknown>[], completion?: IdempotencyCompletion): Promise<boolean> {
  return transactIfConditionsHold(
    items.map((Item) => ({ Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } })),
    completion,
  );
}

/**
 * One item's Put, Update or Delete, with the request's idempotency completion in the same
 * transaction when there is one. A failed condition surfaces as the single write's
 * ConditionalCheckFailedException (with the old item when asked for), so callers read alike.
 */
export async function writeWithReply(write: SingleWrite, completion?: IdempotencyCompletion): Promise<void> {
  if (!completion) {
    if ('Put' in write) await documentClient.send(new PutCommand(write.Put));
    else if ('Update' in write) await documentClient.send(new UpdateCommand(write.Update));
    else await documentClient.send(new DeleteCommand(write.Delete));
    return;
  }
  try {
    await transactWithReply([write], completion);
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const first = error.CancellationReasons?.[0];
    if (first?.Code !== 'ConditionalCheckFailed') throw error;
    throw new ConditionalCheckFailedException({
      message: 'The conditional request failed',
      $metadata: error.$metadata,
      Item: first.Item,
    });
  }
}
