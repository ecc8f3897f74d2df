/** Every DynamoDB read and write of the canteen feature. */
import { PutCommand, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_SUBSIDY_BANDS } from '@linli/shared/domain/canteen/rules';
import { documentClient, tableName } from '../platform/dynamo';
import { getItem, queryIndex, queryPartition } from '../platform/items';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { outboxPut } from '../platform/outbox';
import type { CanteenEvent as OutboxEvent } from './events';
import {
  canteenIndex,
  canteenItem,
  canteenKey,
  dishItem,
  holdAttribute,
  mealDeliveryItem,
  mealSubsidyItem,
  menuItem,
  menuPk,
  orderItem,
  pickupCodeItem,
  settingsItem,
} from './items';
import {
  ConditionsFailed,
  conditionFailed,
  named,
  transact,
  transactIfConditionsHold,
  transactWithReply,
  writeWithReply,
  type NamedWrite,
} from '../platform/transactions';
import { key } from '../table';
import type {
  CanteenRecord,
  CanteenSettingsRecord,
  DishRecord,
  MealDeliveryRecord,
  MenuRecord,
  OrderRecord,
  OrderStatus,
} from './records';

type Item = Record<string, unknown>;
type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

const put = (Item: Item) => documentClient.send(new PutCommand({ TableName: tableName, Item }));

// ── canteens and settings ────────────────────────────────────────────────────

export const getCanteen = (communityId: string, canteenId: string) =>
  getItem<CanteenRecord>(canteenKey.canteen(communityId, canteenId));

/** AP5: the community's canteens. */
export const listCanteens = (communityId: string) =>
  queryPartition<CanteenRecord>(key.community(communityId).pk, { sort: { beginsWith: canteenKey.canteenPrefix } });

export async function putCanteen(c: CanteenRecord): Promise<void> {
  await put(canteenItem(c));
}

/** AP40: the community's subsidy bands; the standard bands until staff set their own. */
export async function getSettings(communityId: string): Promise<CanteenSettingsRecord> {
  const stored = await getItem<CanteenSettingsRecord>(canteenKey.settings(communityId));
  return { subsidyBands: stored?.subsidyBands ?? DEFAULT_SUBSIDY_BANDS };
}

export async function putSettings(communityId: string, s: CanteenSettingsRecord): Promise<void> {
  await put(settingsItem(communityId, s));
}

// ── delivery eligibility ─────────────────────────────────────────────────────

export const getMealDelivery = (memberId: string) =>
  getItem<MealDeliveryRecord>(canteenKey.mealDelivery(memberId), true);

export async function putMealDelivery(r: MealDeliveryRecord): Promise<void> {
  await put(mealDeliveryItem(r));
}

export const listMealDelivery = (communityId: string) =>
  queryIndex<MealDeliveryRecord>('gsi1', canteenIndex.communityMealDelivery(communityId));

// ── menus and dishes ─────────────────────────────────────────────────────────

export { menuPk };

export const getMenu = (communityId: string, canteenId: string, date: string, meal: string, consistent = false) =>
  getItem<MenuRecord>(canteenKey.menu(communityId, canteenId, date, meal), consistent);

/** AP45: a menu's dishes with their stock, in menu order. */
export async function getDishes(menu: MenuRecord, consistent = false): Promise<DishRecord[]> {
  const dishes = await queryPartition<DishRecord>(menuPk(menu), {
    sort: { beginsWith: canteenKey.dishPrefix },
    consistent,
  });
  const order = new Map(menu.dishIds.map((id, i) => [id, i]));
  return dishes.sort((a, b) => (order.get(a.dishId) ?? 0) - (order.get(b.dishId) ?? 0));
}

/** AP44: the community's menus dated from..to (inclusive). */
export const listMenus = (communityId: string, from: string, to: string) =>
  queryIndex<MenuRecord>('gsi1', canteenIndex.communityMenus(communityId), {
    sort: { between: canteenIndex.datesBetween(from, to) },
  });

/** Publishes a menu with its dishes, once: false when this meal's menu exists already. */
export async function publishMenu(
  menu: MenuRecord,
  dishes: DishRecord[],
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  const items: TransactItems = [
    { Put: { TableName: tableName, Item: menuItem(menu), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...dishes.map((d) => ({ Put: { TableName: tableName, Item: dishItem(menu, d) } })),
  ];
  return transactIfConditionsHold(items, completion);
}

// ── orders ───────────────────────────────────────────────────────────────────

export const getOrder = (orderId: string, consistent = false) =>
  getItem<OrderRecord>(canteenKey.mealOrder(orderId), consistent);

/** AP48: whether the member had the subsidy for this meal of this day. */
export const getSubsidyClaim = (memberId: string, date: string, meal: string) =>
  getItem<{ orderId: string }>(canteenKey.mealSubsidy(memberId, date, meal), true);

export const getPickupCode = (pk: string, code: string) =>
  getItem<{ orderId: string }>(canteenKey.pickupCode(pk, code), true);

/** AP50: a canteen's orders of one day, or of one meal of one day. */
export const listCanteenOrders = (communityId: string, canteenId: string, date: string, meal?: string) =>
  queryIndex<OrderRecord>('gsi1', canteenIndex.canteenOrders(communityId, canteenId), {
    sort: { beginsWith: canteenIndex.canteenOrdersOn(date, meal) },
  });

/** AP50: a canteen's orders of a date range (the month chart). */
export const listCanteenOrdersBetween = (communityId: string, canteenId: string, from: string, to: string) =>
  queryIndex<OrderRecord>('gsi1', canteenIndex.canteenOrders(communityId, canteenId), {
    sort: { between: canteenIndex.datesBetween(from, to) },
  });

/** AP51: a member's orders, newest meal first. */
export const listMemberOrders = (memberId: string, limit = 60) =>
  queryIndex<OrderRecord>('gsi2', canteenIndex.memberMealOrders(memberId), { newestFirst: true, limit });

export type PlaceOutcome =
  | { ok: true }
  /** The hold was given back meanwhile (it lapsed, or a copy of this request gave it back). */
  | { ok: false; reason: 'hold-lapsed'; dishId: string }
  | { ok: false; reason: 'limit'; dishId: string }
  | { ok: false; reason: 'subsidy-taken' | 'code-taken' | 'closed' };

/**
 * Places an order in one transaction: each dish's hold of the order's portions (see
 * portion-holds.ts) is consumed only while it is still there, each per-person counter goes up
 * only while it stays within the dish's limit, the subsidy of this meal is claimed at most once
 * for the member, the pickup code is unique on the menu, and the menu must still be before its
 * cutoff. Any failed condition cancels everything.
 */
export async function placeOrder(
  o: OrderRecord,
  pk: string,
  holdId: string,
  limits: Map<string, number>,
  now: string,
  completion?: IdempotencyCompletion,
  /** Every dish of the order keeps its menu's cutoff (dishes published before the copy do not). */
  dishesKeepCutoff = false,
): Promise<PlaceOutcome> {
  // Dishes that keep their menu's cutoff (see dishItem) check it themselves: one item fewer.
  const writes: NamedWrite[] = dishesKeepCutoff
    ? []
    : [
        named('menu-open', {
          ConditionCheck: {
            TableName: tableName,
            Key: { pk, sk: 'META' },
            ConditionExpression: 'cutoffAt > :now',
            ExpressionAttributeValues: { ':now': now },
          },
        }),
      ];
  for (const line of o.lines) {
    writes.push(
      named(`hold:${line.dishId}`, {
        Update: {
          TableName: tableName,
          Key: canteenKey.dish(pk, line.dishId),
          UpdateExpression: 'REMOVE #hold',
          ConditionExpression: dishesKeepCutoff ? '#hold.#qty = :q AND cutoffAt > :now' : '#hold.#qty = :q',
          ExpressionAttributeNames: { '#hold': holdAttribute(holdId), '#qty': 'qty' },
          ExpressionAttributeValues: { ':q': line.quantity, ...(dishesKeepCutoff ? { ':now': now } : {}) },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
        },
      }),
      named(`limit:${line.dishId}`, {
        Update: {
          TableName: tableName,
          Key: canteenKey.portionsTaken(pk, line.dishId, o.memberId),
          UpdateExpression: 'SET #type = :type ADD qty :q',
          ConditionExpression: 'attribute_not_exists(qty) OR qty <= :room',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':q': line.quantity,
            ':room': (limits.get(line.dishId) ?? 0) - line.quantity,
            ':type': 'PortionsTaken',
          },
        },
      }),
    );
  }
  if (o.subsidyFen > 0) {
    writes.push(
      named('subsidy', {
        Put: {
          TableName: tableName,
          Item: mealSubsidyItem(o),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
    );
  }
  writes.push(
    named('pickup-code', {
      Put: {
        TableName: tableName,
        Item: pickupCodeItem(pk, o),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),
    named('order', {
      Put: { TableName: tableName, Item: orderItem(o), ConditionExpression: 'attribute_not_exists(pk)' },
    }),
  );
  try {
    // The answer a retry replays commits with the order itself.
    await transact(writes, completion);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    if (error.has('menu-open')) return { ok: false, reason: 'closed' };
    const hold = error.hasPrefix('hold:');
    if (hold) {
      const dish = error.old(hold) as { cutoffAt?: string } | undefined;
      if (dishesKeepCutoff && dish?.cutoffAt !== undefined && dish.cutoffAt <= now)
        return { ok: false, reason: 'closed' };
      return { ok: false, reason: 'hold-lapsed', dishId: hold.slice('hold:'.length) };
    }
    const limit = error.hasPrefix('limit:');
    if (limit) return { ok: false, reason: 'limit', dishId: limit.slice('limit:'.length) };
    if (error.has('subsidy')) return { ok: false, reason: 'subsidy-taken' };
    return { ok: false, reason: 'code-taken' };
  }
}

/**
 * Cancels a placed order before its cutoff and gives everything back in the same transaction:
 * the portions, the member's per-dish counts and the meal's subsidy.
 */
export async function cancelOrder(o: OrderRecord, at: string, completion?: IdempotencyCompletion): Promise<boolean> {
  const pk = menuPk(o);
  const items: TransactItems = [
    {
      Update: {
        TableName: tableName,
        Key: canteenKey.mealOrder(o.orderId),
        UpdateExpression: 'SET #status = :cancelled, cancelledAt = :at',
        ConditionExpression: '#status = :placed AND cutoffAt > :at',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':cancelled': 'cancelled', ':placed': 'placed', ':at': at },
      },
    },
    ...o.lines.flatMap((l) => [
      {
        Update: {
          TableName: tableName,
          Key: canteenKey.dish(pk, l.dishId),
          UpdateExpression: 'SET #left = #left + :q',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#left': 'left' },
          ExpressionAttributeValues: { ':q': l.quantity },
        },
      },
      {
        Update: {
          TableName: tableName,
          Key: canteenKey.portionsTaken(pk, l.dishId, o.memberId),
          UpdateExpression: 'ADD qty :minus',
          ConditionExpression: 'qty >= :q',
          ExpressionAttributeValues: { ':q': l.quantity, ':minus': -l.quantity },
        },
      },
    ]),
  ];
  if (o.subsidyFen > 0) {
    items.push({
      Delete: {
        TableName: tableName,
        Key: canteenKey.mealSubsidy(o.memberId, o.date, o.meal),
        ConditionExpression: 'orderId = :id',
        ExpressionAttributeValues: { ':id': o.orderId },
      },
    });
  }
  return transactIfConditionsHold(items, completion);
}

/**
 * Moves an order from one status to the next when it is still in `from` (and, for a
 * volunteer's step, still theirs), with the event in the same transaction. False when the
 * order has moved on meanwhile.
 */
export async function advanceOrder(
  orderId: string,
  from: OrderStatus,
  set: Partial<OrderRecord> & { status: OrderStatus },
  events: OutboxEvent[],
  extra?: { fulfilment?: 'pickup' | 'delivery'; volunteerUserId?: string },
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':from': from };
  const assignments = Object.entries(set).map(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    return `#f${i} = :v${i}`;
  });
  let condition = '#status = :from';
  if (extra?.fulfilment) {
    condition += ' AND fulfilment = :fulfilment';
    values[':fulfilment'] = extra.fulfilment;
  }
  if (extra?.volunteerUserId) {
    condition += ' AND volunteerUserId = :volunteer';
    values[':volunteer'] = extra.volunteerUserId;
  }
  const update = {
    Update: {
      TableName: tableName,
      Key: canteenKey.mealOrder(orderId),
      UpdateExpression: `SET ${assignments.join(', ')}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
  try {
    if (events.length === 0) await writeWithReply(update, completion);
    else await transactWithReply([update, ...events.map((e) => outboxPut(e))], completion);
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}
