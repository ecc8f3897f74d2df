/**
 * The reads of the order path, each one round trip: when a popular dish opens, every request
 * of the rush makes them, so they are shaped for it (see ordering.ts).
 */
import { DEFAULT_SUBSIDY_BANDS } from '@linli/shared/domain/canteen/rules';
import { getItemsByKey, queryPartition } from '../platform/items';
import { canteenKey, menuPk } from './items';
import type { CanteenRecord, CanteenSettingsRecord, DishRecord, MealDeliveryRecord, MenuRecord } from './records';

/**
 * AP43 + AP45 in one Query: a menu and its dishes (the sort keys from DISH# to META), for the
 * order path, which is the hottest read there is when a popular dish opens.
 */
export async function getMenuWithDishes(
  ref: Pick<MenuRecord, 'communityId' | 'canteenId' | 'date' | 'meal'>,
  consistent = false,
): Promise<{ menu: MenuRecord; dishes: DishRecord[] } | undefined> {
  const items = await queryPartition<MenuRecord | DishRecord>(menuPk(ref), {
    sort: { between: ['DISH#', 'META'] },
    consistent,
  });
  const menu = items.find((i): i is MenuRecord => 'dishIds' in i);
  if (!menu) return undefined;
  const order = new Map(menu.dishIds.map((id, i) => [id, i]));
  const dishes = items
    .filter((i): i is DishRecord => !('dishIds' in i))
    .sort((a, b) => (order.get(a.dishId) ?? 0) - (order.get(b.dishId) ?? 0));
  return { menu, dishes };
}

/**
 * What pricing an order needs besides the dishes, in one round trip: the canteen (delivery fee),
 * the subsidy bands, the member's subsidy claim for this meal and their delivery eligibility.
 */
export async function getOrderFacts(
  menu: Pick<MenuRecord, 'communityId' | 'canteenId' | 'date' | 'meal'>,
  memberId: string,
): Promise<{
  canteen: CanteenRecord | undefined;
  settings: CanteenSettingsRecord;
  subsidyClaim: { orderId: string } | undefined;
  delivery: MealDeliveryRecord | undefined;
}> {
  const [canteen, settings, subsidyClaim, delivery] = await getItemsByKey(
    [
      canteenKey.canteen(menu.communityId, menu.canteenId),
      canteenKey.settings(menu.communityId),
      canteenKey.mealSubsidy(memberId, menu.date, menu.meal),
      canteenKey.mealDelivery(memberId),
    ],
    true,
  );
  const stored = settings as Partial<CanteenSettingsRecord> | undefined;
  return {
    canteen: canteen as CanteenRecord | undefined,
    settings: { subsidyBands: stored?.subsidyBands ?? DEFAULT_SUBSIDY_BANDS },
    subsidyClaim: subsidyClaim as { orderId: string } | undefined,
    delivery: delivery as MealDeliveryRecord | undefined,
  };
}
