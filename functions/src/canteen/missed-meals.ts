/**
 * Meals a member ordered and did not get, as known from the day's orders: a pickup order still
 * `placed` after its pickup window closed (nobody came), or a delivery order still `placed` or
 * `out_for_delivery` after the meal's service window closed (nobody opened the door).
 */
import { serviceWindow, type Meal } from '@linli/shared/domain/canteen/rules';
import * as repo from './repository';

export interface MissedMeal {
  memberId: string;
  orderId: string;
  kind: 'meal_not_picked_up' | 'delivery_missed';
  date: string;
  meal: Meal;
  canteenName: string;
}

/** The missed meals of a community on one Shanghai date, as of `now` (AP5, then AP50 per canteen). */
export async function missedMealsOn(communityId: string, date: string, now: Date): Promise<MissedMeal[]> {
  const canteens = await repo.listCanteens(communityId);
  const orders = (
    await Promise.all(canteens.map((c) => repo.listCanteenOrders(communityId, c.canteenId, date)))
  ).flat();
  const t = now.getTime();
  return orders.flatMap((o): MissedMeal[] => {
    const base = {
      memberId: o.memberId,
      orderId: o.orderId,
      date: o.date,
      meal: o.meal,
      canteenName: o.canteenName,
    };
    if (o.fulfilment === 'pickup' && o.status === 'placed' && Date.parse(o.pickupEndsAt) < t)
      return [{ ...base, kind: 'meal_not_picked_up' }];
    if (
      o.fulfilment === 'delivery' &&
      (o.status === 'placed' || o.status === 'out_for_delivery') &&
      Date.parse(serviceWindow(o).closesAt) < t
    )
      return [{ ...base, kind: 'delivery_missed' }];
    return [];
  });
}
