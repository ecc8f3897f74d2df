import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { DomainError } from '@linli/shared/errors';
import { documentClient } from './dynamo';
import type { IdempotencyCompletion } from './idempotency';

/**
 * When a TransactWriteItems is cancelled, which of its items failed their condition, with the
 * old item where ReturnValuesOnConditionCheckFailure asked for it. Undefined for other errors.
 */
export function failedConditions(
  error: unknown,
): { index: number; old: Record<string, unknown> | undefined }[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const reasons = error.CancellationReasons ?? [];
  if (!reasons.some((r) => r.Code === 'ConditionalCheckFailed')) return undefined;
  return reasons.flatMap((r, index) =>
    r.Code === 'ConditionalCheckFailed' ? [{ index, old: r.Item ? unmarshall(r.Item) : undefined }] : [],
  );
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
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
  } catch (error) {
    if (completion && failedConditions(error)?.some((f) => f.index === items.length)) {
      throw new DomainError('IDEMPOTENCY_IN_PROGRESS');
    }
    throw error;
  }
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
