/** How canteen records read to people: canteens, menus, orders, delivery rounds. */
import type { Canteen, DeliveryGroup, MealOrder, Menu } from '@linli/shared/contract/canteen';
import { MEALS, menuKeyOf, pickupQrPayload } from '@linli/shared/domain/canteen/rules';
import { orderableLeft } from './items';
import type { CanteenRecord, DishRecord, MenuRecord, OrderRecord } from './records';

export function canteenView(c: CanteenRecord): Canteen {
  return {
    canteenId: c.canteenId,
    communityId: c.communityId,
    name: c.name,
    place: c.place,
    meals: [...c.meals].sort((a, b) => MEALS.indexOf(a.meal) - MEALS.indexOf(b.meal)),
    deliveryFee: c.deliveryFee,
  };
}

export function menuView(m: MenuRecord, dishes: DishRecord[], now = new Date().toISOString()): Menu {
  return {
    communityId: m.communityId,
    canteenId: m.canteenId,
    canteenName: m.canteenName,
    canteenPlace: m.canteenPlace,
    date: m.date,
    meal: m.meal,
    cutoffAt: m.cutoffAt,
    pickupStartsAt: m.pickupStartsAt,
    pickupEndsAt: m.pickupEndsAt,
    dishes: dishes.map((d) => ({
      dishId: d.dishId,
      name: d.name,
      priceFen: d.priceFen,
      portions: d.portions,
      // A hold whose order died counts as orderable: the next order gives it back.
      left: Math.max(0, orderableLeft(d, now)),
      perPersonLimit: d.perPersonLimit,
      tags: d.tags,
      photoUrl: d.photoUrl,
      setItems: d.setItems,
    })),
    publishedAt: m.publishedAt,
  };
}

/** An order as people see it; `withCode` (the member's side) adds the pickup code and its QR text. */
export function orderView(o: OrderRecord, withCode: boolean): MealOrder {
  const live = o.status === 'placed';
  return {
    orderId: o.orderId,
    communityId: o.communityId,
    canteenId: o.canteenId,
    canteenName: o.canteenName,
    date: o.date,
    meal: o.meal,
    memberId: o.memberId,
    memberName: o.memberName,
    address: { buildingName: o.buildingName, unitName: o.unitName, room: o.room },
    placedBy: { userId: o.placedByUserId, name: o.placedByName, via: o.via },
    lines: o.lines,
    price: {
      itemsFen: o.itemsFen,
      subsidyFen: o.subsidyFen,
      deliveryFeeFen: o.deliveryFeeFen,
      amountDueFen: o.amountDueFen,
      band: o.band,
    },
    fulfilment: o.fulfilment,
    note: o.note,
    status: o.status,
    paymentStatus: o.paymentStatus,
    cutoffAt: o.cutoffAt,
    pickupStartsAt: o.pickupStartsAt,
    pickupEndsAt: o.pickupEndsAt,
    ...(withCode && live && o.fulfilment === 'pickup'
      ? {
          pickupCode: o.pickupCode,
          qrPayload: pickupQrPayload(menuKeyOf(o.canteenId, o.date, o.meal), o.pickupCode),
        }
      : {}),
    volunteer: o.volunteerUserId ? { userId: o.volunteerUserId, name: o.volunteerName ?? '' } : undefined,
    createdAt: o.createdAt,
    cancelledAt: o.cancelledAt,
    handedOverAt: o.handedOverAt,
    deliveredAt: o.deliveredAt,
    receivedAt: o.receivedAt,
    timeOverride: o.timeOverride
      ? {
          action: o.timeOverride.action,
          reason: o.timeOverride.reason,
          byName: o.timeOverride.byName,
          at: o.timeOverride.at,
        }
      : undefined,
  };
}

const byAddress = (a: OrderRecord, b: OrderRecord) =>
  a.buildingName.localeCompare(b.buildingName, 'zh-CN', { numeric: true }) ||
  a.unitName.localeCompare(b.unitName, 'zh-CN', { numeric: true }) ||
  a.room.localeCompare(b.room, 'zh-CN', { numeric: true });

/** Delivery orders grouped by building and unit, in address order. */
export function deliveryGroups(orders: OrderRecord[]): DeliveryGroup[] {
  const groups = new Map<string, DeliveryGroup>();
  for (const o of [...orders].sort(byAddress)) {
    const k = `${o.buildingId}#${o.unitId}`;
    let g = groups.get(k);
    if (!g) {
      g = { buildingName: o.buildingName, unitName: o.unitName, orders: [] };
      groups.set(k, g);
    }
    g.orders.push(orderView(o, false));
  }
  return [...groups.values()];
}
