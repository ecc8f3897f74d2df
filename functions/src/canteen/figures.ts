/** A community's canteen figures of a month, for the street's figures (aggregates only). */
import { listCanteenOrdersBetween, listCanteens } from './repository';

const SERVED = new Set(['picked_up', 'delivered', 'received']);

/**
 * AP50 with BETWEEN over the month's dates, per canteen: portions served (handed over or
 * delivered) and the subsidy of every order not cancelled, in fen.
 */
export async function mealMonthFigures(communityId: string, month: string) {
  const canteens = await listCanteens(communityId);
  const orders = (
    await Promise.all(
      canteens.map((c) => listCanteenOrdersBetween(communityId, c.canteenId, `${month}-01`, `${month}-31`)),
    )
  ).flat();
  const active = orders.filter((o) => o.status !== 'cancelled');
  return {
    mealsServed: active
      .filter((o) => SERVED.has(o.status))
      .reduce((sum, o) => sum + o.lines.reduce((n, l) => n + l.quantity, 0), 0),
    subsidyFen: active.reduce((sum, o) => sum + o.subsidyFen, 0),
  };
}
