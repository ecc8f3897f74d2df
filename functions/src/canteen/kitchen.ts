/** The kitchen's view of a meal (tally, orders, delivery rounds) and handing over pickup orders. */
import type { KitchenView, MealOrder } from '@linli/shared/contract/canteen';
import type { Principal } from '@linli/shared/contract/principal';
import { menuKeyOf, parsePickupInput } from '@linli/shared/domain/canteen/rules';
import { DomainError } from '@linli/shared/domain-error';
import { completionPut } from '../platform/idempotency';
import { advance, menuOf, type MenuRef } from './access';
import * as repo from './repository';
import { checkServiceTime } from './service-time';
import type { OrderRecord } from './records';
import { withCurrentNames } from '../community';
import { deliveryGroups, menuView, orderView } from './views';

export async function getKitchen(ref: MenuRef): Promise<KitchenView> {
  const menu = await menuOf(ref);
  const [dishes, orders] = await Promise.all([
    repo.getDishes(menu, true),
    repo.listCanteenOrders(ref.communityId, ref.canteenId, ref.date, ref.meal),
  ]);
  const active = orders.filter((o) => o.status !== 'cancelled');
  const tally = dishes.map((d) => {
    const count = (f: 'pickup' | 'delivery') =>
      active
        .filter((o) => o.fulfilment === f)
        .reduce((sum, o) => sum + (o.lines.find((l) => l.dishId === d.dishId)?.quantity ?? 0), 0);
    return {
      dishId: d.dishId,
      name: d.name,
      portions: d.portions,
      left: Math.max(0, d.left),
      ordered: d.portions - Math.max(0, d.left),
      pickup: count('pickup'),
      delivery: count('delivery'),
    };
  });
  return {
    menu: menuView(menu, dishes),
    tally,
    orders: {
      pickup: active.filter((o) => o.fulfilment === 'pickup').length,
      delivery: active.filter((o) => o.fulfilment === 'delivery').length,
      cancelled: orders.length - active.length,
      handedOver: active.filter((o) => o.status === 'picked_up').length,
    },
    deliveries: deliveryGroups(await withCurrentNames(active.filter((o) => o.fulfilment === 'delivery'))),
  };
}

/** Staff hand a pickup order over while the meal is served (outside it, with a reason that is kept). */
export async function handOver(
  staff: Principal,
  ref: MenuRef,
  input: { code: string; overrideReason?: string },
): Promise<MealOrder> {
  const menu = await menuOf(ref);
  const code = parsePickupInput(input.code, menuKeyOf(ref.canteenId, ref.date, ref.meal));
  if (!code) throw new DomainError('PICKUP_CODE_INVALID');
  const pointer = await repo.getPickupCode(repo.menuPk(menu), code);
  if (!pointer) throw new DomainError('PICKUP_CODE_INVALID');
  const order = await repo.getOrder(pointer.orderId, true);
  if (!order) throw new DomainError('PICKUP_CODE_INVALID');
  const refuse = (o: OrderRecord): never => {
    if (o.status === 'picked_up') throw new DomainError('ALREADY_HANDED_OVER');
    if (o.fulfilment !== 'pickup') throw new DomainError('NOT_A_PICKUP_ORDER');
    throw new DomainError('ORDER_NOT_ACTIVE');
  };
  if (order.status !== 'placed' || order.fulfilment !== 'pickup') refuse(order);
  const now = new Date();
  const timeOverride = checkServiceTime(
    order,
    { principal: staff, isStaff: true },
    'hand_over',
    input.overrideReason,
    now,
  );
  const set = {
    status: 'picked_up' as const,
    paymentStatus: 'paid_at_pickup' as const,
    handedOverAt: now.toISOString(),
    handedOverBy: staff.userId,
    ...(timeOverride ? { timeOverride } : {}),
  };
  const reply = orderView({ ...order, ...set }, false);
  const done = await advance(order.orderId, 'placed', set, [], { fulfilment: 'pickup' }, completionPut(reply));
  if (!done) refuse((await repo.getOrder(order.orderId, true)) ?? order);
  return reply;
}
