/**
 * A transaction's writes carry names, so a cancelled transaction is read by what failed (the
 * posting, a balance, the stock), never by a write's position. Pure: seeds build with it too.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write of a transaction, with the name its failed condition is reported by. */
export interface NamedWrite {
  name: string;
  write: TransactItem;
}

export const named = (name: string, write: TransactItem | Record<string, unknown>): NamedWrite => ({
  name,
  write: write as TransactItem,
});
