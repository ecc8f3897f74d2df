/**
 * How a published menu sits in the table: its META item (indexed by community and date) and one
 * item per dish. Pure (no client), so the demo seed writes menus exactly as publishing does.
 */
import { index, key } from '../table';
import type { DishRecord, MenuRecord, OrderRecord } from './records';

type Item = Record<string, unknown>;

/** Breakfast, lunch, dinner sort in that order within a day (AP44). */
export const MEAL_ORDER = { breakfast: 1, lunch: 2, dinner: 3 } as const;

export const menuPk = (m: Pick<MenuRecord, 'communityId' | 'canteenId' | 'date' | 'meal'>) =>
  key.menu(m.communityId, m.canteenId, m.date, m.meal).pk;

export function menuItem(menu: MenuRecord): Item {
  return {
    pk: menuPk(menu),
    sk: 'META',
    type: 'Menu',
    ...menu,
    gsi1pk: index.communityMenus(menu.communityId),
    gsi1sk: `${menu.date}#${MEAL_ORDER[menu.meal]}#${menu.canteenId}`,
  };
}

export const dishItem = (menu: MenuRecord, d: DishRecord): Item => ({
  ...key.dish(menuPk(menu), d.dishId),
  type: 'Dish',
  ...d,
});

/** A meal order item with its index attributes (the seed writes demo orders with it too). */
export function orderItem(o: OrderRecord): Item {
  return {
    ...key.mealOrder(o.orderId),
    type: 'MealOrder',
    ...o,
    gsi1pk: index.canteenOrders(o.communityId, o.canteenId),
    gsi1sk: `${o.date}#${o.meal}#${o.buildingId}#${o.unitId}#${o.room}#${o.orderId}`,
    gsi2pk: index.memberMealOrders(o.memberId),
    gsi2sk: `${o.date}#${MEAL_ORDER[o.meal]}#${o.orderId}`,
  };
}
