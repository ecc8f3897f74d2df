import type { IdempotencyCompletion } from '../platform/idempotency';
import { conditionFailed, transactWithReply } from '../platform/transactions';

type TransactItems = Parameters<typeof transactWithReply>[0];

/**
 * Writes `items` in one transaction (with the request's idempotency completion); false when one
 * of their conditions no longer holds, i.e. another request changed the item first. The caller
 * turns false into its own answer (a stale venue, a seat no longer booked, a session not scheduled).
 */
export async function transactIfConditionsHold(
  items: TransactItems,
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
