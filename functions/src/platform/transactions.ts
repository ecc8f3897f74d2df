import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

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
