import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DomainError } from '@linli/shared/domain-error';

/** A transaction lost to another one touching the same items; trying again is right. */
export function isTransactionConflict(error: unknown): boolean {
  if ((error as { name?: string } | null)?.name === 'TransactionConflictException') return true;
  return (
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict')
  );
}

/**
 * Runs an optimistic step until it settles. `attempt` returns a value when done, or `retry`
 * when what it read changed underneath it; transaction conflicts are retried too, with jittered
 * backoff. After `maxAttempts` the caller gets 503 so the client backs off and tries again.
 */
export async function withOptimisticRetry<T>(
  attempt: (n: number) => Promise<T | typeof retry>,
  maxAttempts = 12,
): Promise<T> {
  for (let n = 0; n < maxAttempts; n += 1) {
    try {
      const result = await attempt(n);
      if (result !== retry) return result;
    } catch (error) {
      if (!isTransactionConflict(error)) throw error;
    }
    const ceiling = Math.min(200, 5 * 2 ** n);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
  }
  throw new DomainError('SERVICE_UNAVAILABLE');
}

/** Returned by an attempt to ask for another one. */
export const retry = Symbol('retry');
