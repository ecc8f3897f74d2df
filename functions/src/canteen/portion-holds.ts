/**
 * Portion holds: an order takes its portions out of the dishes' `left` first, one small
 * conditional write per dish, and only an order that got them writes its whole transaction
 * (canteen/repository.ts placeOrder consumes the holds). When a popular dish opens, the many who
 * arrive too late lose on that one small write instead of on the order's seven-item transaction,
 * which DynamoDB serializes on the dish: the benchmark's contended p99 is mostly theirs.
 *
 * A hold is named for the request (every copy of one request shares the name, see
 * currentRequest), so a retry after a crash finds the portions its first try took and neither
 * takes them twice nor hears 「已售罄」 for them. A hold nobody consumes is given back by its order
 * (a refusal after the hold), or, once past `until` (the order died), by the next order that
 * finds the dish short (reclaimLapsed); until then the menu already counts it as orderable.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documentClient, tableName } from '../platform/dynamo';
import { strip } from '../platform/items';
import { logger } from '../platform/logger';
import { ConditionsFailed, named, transact } from '../platform/transactions';
import { canteenKey, holdAttribute, lapsedHolds, takerTag } from './items';
import type { DishRecord, OrderLine } from './records';

/** Longer than any invocation that could still consume the hold (API functions time out at 10 s). */
const HOLD_SECONDS = 120;

type Line = Pick<OrderLine, 'dishId' | 'quantity'>;

const holdWrite = (pk: string, line: Line, holdId: string, memberId: string, until: string) => ({
  TableName: tableName,
  Key: canteenKey.dish(pk, line.dishId),
  // The member joins `takers` with the hold: a refusal later reads whether a copy of this request
  // may have ordered (see everServed).
  UpdateExpression: 'SET #left = #left - :q, #hold = :hold ADD takers :taker',
  ConditionExpression: 'attribute_exists(pk) AND #left >= :q AND attribute_not_exists(#hold)',
  ExpressionAttributeNames: { '#left': 'left', '#hold': holdAttribute(holdId) },
  ExpressionAttributeValues: {
    ':q': line.quantity,
    ':hold': { qty: line.quantity, until },
    ':taker': new Set([takerTag(memberId)]),
  },
  ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
});

/** `dish`: for one line, the dish as the hold left it (or as a copy's hold had left it). */
export type HoldOutcome =
  { held: true; dish?: DishRecord } | { held: false; dishId: string; dish: DishRecord | undefined };

/**
 * Holds the lines' portions for `holdId`: all of them or none. A line whose dish already holds
 * `holdId` (a copy of this request took it) counts as held. Refused with the dish as it stood
 * when it had too few.
 */
export async function holdPortions(
  pk: string,
  lines: readonly Line[],
  holdId: string,
  memberId: string,
  now: Date,
): Promise<HoldOutcome> {
  const until = new Date(now.getTime() + HOLD_SECONDS * 1000).toISOString();
  const hold = holdAttribute(holdId);
  const refused = (dishId: string, old: object | undefined): HoldOutcome =>
    old && hold in old
      ? { held: true, dish: old as DishRecord }
      : { held: false, dishId, dish: old as DishRecord | undefined };
  if (lines.length === 1) {
    const line = lines[0]!;
    try {
      const out = await documentClient.send(
        new UpdateCommand({ ...holdWrite(pk, line, holdId, memberId, until), ReturnValues: 'ALL_NEW' }),
      );
      return { held: true, dish: strip<DishRecord>(out.Attributes) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return refused(line.dishId, error.Item ? strip<DishRecord>(unmarshall(error.Item)) : undefined);
    }
  }
  try {
    await transact(lines.map((l) => named(`stock:${l.dishId}`, { Update: holdWrite(pk, l, holdId, memberId, until) })));
    return { held: true };
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    const failed = error.hasPrefix('stock:')!;
    const dishId = failed.slice('stock:'.length);
    const old = error.old(failed);
    // A copy of this request holds this dish: hold the others it may not hold yet.
    if (old && hold in old)
      return holdPortions(
        pk,
        lines.filter((l) => l.dishId !== dishId),
        holdId,
        memberId,
        now,
      );
    return refused(dishId, old);
  }
}

/** Gives a hold's portions back to `left`, if it is still there (consumed or given back: nothing). */
async function giveBack(pk: string, dishId: string, holdId: string, lapsedBefore?: string): Promise<void> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: canteenKey.dish(pk, dishId),
        UpdateExpression: 'SET #left = #left + #hold.#qty REMOVE #hold',
        ConditionExpression: lapsedBefore
          ? 'attribute_exists(#hold) AND #hold.#until < :now'
          : 'attribute_exists(#hold)',
        ExpressionAttributeNames: {
          '#left': 'left',
          '#hold': holdAttribute(holdId),
          '#qty': 'qty',
          ...(lapsedBefore ? { '#until': 'until' } : {}),
        },
        ...(lapsedBefore ? { ExpressionAttributeValues: { ':now': lapsedBefore } } : {}),
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/**
 * An order that will not be placed gives its holds back. Best effort: a hold it cannot give
 * back now (the database is down) lapses and comes back through reclaimLapsed.
 */
export async function releaseHolds(pk: string, lines: readonly Line[], holdId: string): Promise<void> {
  await Promise.all(
    lines.map((l) =>
      giveBack(pk, l.dishId, holdId).catch((error: unknown) =>
        logger.warn('portion hold not given back; it lapses', { error: error as Error, dishId: l.dishId }),
      ),
    ),
  );
}

/** Gives back the lapsed holds on `dish` (orders that died); true when there were any. */
export async function reclaimLapsed(pk: string, dish: DishRecord, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const lapsed = lapsedHolds(dish, at);
  await Promise.all(lapsed.map((h) => giveBack(pk, dish.dishId, h.holdId, at)));
  return lapsed.length > 0;
}
