import { createHash } from 'node:crypto';
/**
 * Keys, index values, type tags and item builders of the canteen entities, declared once. Pure
 * (no client), so the demo seed writes canteens, menus and orders exactly as the features do.
 */
import { partition } from '../table';
import type {
  CanteenRecord,
  CanteenSettingsRecord,
  DishRecord,
  MealDeliveryRecord,
  MenuRecord,
  OrderRecord,
} from './records';

type Item = Record<string, unknown>;

export const canteenTypes = [
  'Canteen',
  'CanteenSettings',
  'MealDelivery',
  'Menu',
  'Dish',
  'PortionsTaken',
  'PickupCode',
  'MealSubsidy',
  'MealOrder',
] as const;
export type CanteenType = (typeof canteenTypes)[number];

/**
 * How a dish's `takers` names a member: 8 hex characters of a SHA-256, so the dish keeps no member
 * id. A collision only makes a refusal look for an answer on record, which is always safe.
 */
export const takerTag = (memberId: string): string => createHash('sha256').update(memberId).digest('hex').slice(0, 8);

/** Whether an order ever took a portion of the dish for the member (see DishRecord.takers). */
export const everServed = (dish: Pick<DishRecord, 'takers'>, memberId: string): boolean =>
  dish.takers?.has(takerTag(memberId)) ?? false;

/**
 * A hold: portions an order in flight took out of a dish's `left`, kept on the dish as the
 * attribute `hold#<holdId>` until the order's transaction consumes it, the order gives it back,
 * or, past `until` (an order that died), anyone gives it back. See canteen/portion-holds.ts.
 */
export interface PortionHold {
  holdId: string;
  qty: number;
  until: string;
}

const HOLD_ATTRIBUTE_PREFIX = 'hold#';
export const holdAttribute = (holdId: string): string => `${HOLD_ATTRIBUTE_PREFIX}${holdId}`;

/** The holds on a dish as read (its `hold#…` attributes). */
export function holdsOn(dish: object): PortionHold[] {
  return Object.entries(dish).flatMap(([name, value]) => {
    if (!name.startsWith(HOLD_ATTRIBUTE_PREFIX)) return [];
    const hold = value as { qty?: unknown; until?: unknown };
    return typeof hold.qty === 'number' && typeof hold.until === 'string'
      ? [{ holdId: name.slice(HOLD_ATTRIBUTE_PREFIX.length), qty: hold.qty, until: hold.until }]
      : [];
  });
}

/** Portions held for `holdId` on the dish (0 when none). */
export const heldFor = (dish: object, holdId: string): number =>
  holdsOn(dish).find((h) => h.holdId === holdId)?.qty ?? 0;

/** Holds whose order died: past their `until`, their portions are anyone's again. */
export const lapsedHolds = (dish: object, now: string): PortionHold[] => holdsOn(dish).filter((h) => h.until < now);

/** What people may still order: `left`, plus portions of holds that lapsed (they come back on the next order). */
export const orderableLeft = (dish: DishRecord, now: string): number =>
  dish.left + lapsedHolds(dish, now).reduce((sum, h) => sum + h.qty, 0);

export const canteenKey = {
  canteen: (communityId: string, canteenId: string) => ({
    pk: partition.community(communityId),
    sk: `CANTEEN#${canteenId}`,
  }),
  canteenPrefix: 'CANTEEN#',
  settings: (communityId: string) => ({ pk: partition.community(communityId), sk: 'SETTINGS#canteen' }),
  mealDelivery: (memberId: string) => ({ pk: partition.member(memberId), sk: 'MEALDELIVERY' }),
  menu: (communityId: string, canteenId: string, date: string, meal: string) => ({
    pk: `MENU#${communityId}#${canteenId}#${date}#${meal}`,
    sk: 'META',
  }),
  dish: (menuPk: string, dishId: string) => ({ pk: menuPk, sk: `DISH#${dishId}` }),
  /** Sort-key prefix of a menu's dishes (AP45). */
  dishPrefix: 'DISH#',
  /** How many of a dish a member holds (UpdateItem ADD in the order transaction, which sets the tag). */
  portionsTaken: (menuPk: string, dishId: string, memberId: string) => ({
    pk: menuPk,
    sk: `TAKEN#${dishId}#${memberId}`,
  }),
  pickupCode: (menuPk: string, code: string) => ({ pk: menuPk, sk: `CODE#${code}` }),
  mealSubsidy: (memberId: string, date: string, meal: string) => ({
    pk: partition.member(memberId),
    sk: `MEALSUBSIDY#${date}#${meal}`,
  }),
  mealOrder: (orderId: string) => ({ pk: `MEALORDER#${orderId}`, sk: 'META' }),
} as const;

export const canteenIndex = {
  communityMealDelivery: (communityId: string) => `COMMUNITY#${communityId}#MEALDELIVERY`,
  communityMenus: (communityId: string) => `COMMUNITY#${communityId}#MENUS`,
  canteenOrders: (communityId: string, canteenId: string) => `MEALORDERS#${communityId}#${canteenId}`,
  memberMealOrders: (memberId: string) => `MEMBER#${memberId}#MEALORDERS`,
  /** Menus (AP44) or orders (AP50) dated from..to inclusive: both lists sort by date first. */
  datesBetween: (from: string, to: string): [string, string] => [`${from}#`, `${to}#~`],
  /** The sort-value prefix of a canteen's orders of one day, or of one meal of it (AP50). */
  canteenOrdersOn: (date: string, meal?: string) => (meal ? `${date}#${meal}#` : `${date}#`),
  /** An order's sort value in its canteen's list (AP50): date, meal, then where it goes. */
  canteenOrderSort: (o: Pick<OrderRecord, 'date' | 'meal' | 'buildingId' | 'unitId' | 'room' | 'orderId'>) =>
    `${canteenIndex.canteenOrdersOn(o.date, o.meal)}${o.buildingId}#${o.unitId}#${o.room}#${o.orderId}`,
} as const;

export const canteenItem = (c: CanteenRecord): Item => ({
  ...canteenKey.canteen(c.communityId, c.canteenId),
  type: 'Canteen',
  ...c,
});

export const settingsItem = (communityId: string, s: CanteenSettingsRecord): Item => ({
  ...canteenKey.settings(communityId),
  type: 'CanteenSettings',
  communityId,
  ...s,
});

/** Only eligible members are listed (AP42). */
export const mealDeliveryItem = (r: MealDeliveryRecord): Item => ({
  ...canteenKey.mealDelivery(r.memberId),
  type: 'MealDelivery',
  ...r,
  ...(r.eligible ? { gsi1pk: canteenIndex.communityMealDelivery(r.communityId), gsi1sk: r.memberId } : {}),
});

/** The meal's subsidy, taken once per person per meal per day by the order holding it. */
export const mealSubsidyItem = (o: Pick<OrderRecord, 'memberId' | 'date' | 'meal' | 'orderId'>): Item => ({
  ...canteenKey.mealSubsidy(o.memberId, o.date, o.meal),
  type: 'MealSubsidy',
  orderId: o.orderId,
});

export const pickupCodeItem = (menuPk: string, o: Pick<OrderRecord, 'pickupCode' | 'orderId'>): Item => ({
  ...canteenKey.pickupCode(menuPk, o.pickupCode),
  type: 'PickupCode',
  orderId: o.orderId,
});

/** Breakfast, lunch, dinner sort in that order within a day (AP44). */
export const MEAL_ORDER = { breakfast: 1, lunch: 2, dinner: 3 } as const;

export const menuPk = (m: Pick<MenuRecord, 'communityId' | 'canteenId' | 'date' | 'meal'>) =>
  canteenKey.menu(m.communityId, m.canteenId, m.date, m.meal).pk;

export function menuItem(menu: MenuRecord): Item {
  return {
    pk: menuPk(menu),
    sk: 'META',
    type: 'Menu',
    ...menu,
    gsi1pk: canteenIndex.communityMenus(menu.communityId),
    gsi1sk: `${menu.date}#${MEAL_ORDER[menu.meal]}#${menu.canteenId}`,
  };
}

/** A dish carries its menu's cutoff, so an order refused on the dish alone is refused in order (see ordering.ts). */
export const dishItem = (menu: MenuRecord, d: DishRecord): Item => ({
  ...canteenKey.dish(menuPk(menu), d.dishId),
  type: 'Dish',
  ...d,
  cutoffAt: menu.cutoffAt,
});

/** A meal order item with its index attributes (the seed writes demo orders with it too). */
export function orderItem(o: OrderRecord): Item {
  return {
    ...canteenKey.mealOrder(o.orderId),
    type: 'MealOrder',
    ...o,
    gsi1pk: canteenIndex.canteenOrders(o.communityId, o.canteenId),
    gsi1sk: canteenIndex.canteenOrderSort(o),
    gsi2pk: canteenIndex.memberMealOrders(o.memberId),
    gsi2sk: `${o.date}#${MEAL_ORDER[o.meal]}#${o.orderId}`,
  };
}
