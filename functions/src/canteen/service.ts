/** Canteen use cases: setup, menus, orders with subsidies, pickup, delivery, kitchen and settlement. */
import { randomInt } from 'node:crypto';
import { ulid } from 'ulidx';
import type {
  Canteen,
  CanteenSettings,
  DeliveryEligibility,
  DeliveryGroup,
  Diner,
  KitchenView,
  MealOrder,
  Menu,
  MenuDetail,
  MonthlyMeals,
  Quote,
  Settlement,
} from '@linli/shared/contract/canteen';
import type { Principal } from '@linli/shared/contract/principal';
import { mayActInCommunity } from '@linli/shared/domain/access/rules';
import {
  MEAL_LABEL,
  MEALS,
  addDays,
  bandOf,
  bandLabel,
  cancelRefusal,
  daysOfMonth,
  deliveryFee,
  linesValid,
  mealsValid,
  menuKeyOf,
  newPickupCode,
  orderRefusal,
  parsePickupInput,
  pickupQrPayload,
  priceOrder,
  publishRefusal,
  shanghaiTime,
  subsidyBandsValid,
  yuan,
  type DeliveryFeeRule,
  type Meal,
  type MealTimes,
  type SubsidyBand,
} from '@linli/shared/domain/canteen/rules';
import { toCsv } from '@linli/shared/domain/council/rules';
import { ageOn, todayInShanghai } from '@linli/shared/domain/identity/person';
import { DomainError } from '@linli/shared/errors';
import { resolveActingSubject, type ActingSubject } from '../identity/acting';
import { getMember, getMembers } from '../identity/repository';
import { retry, withOptimisticRetry } from '../platform/retry';
import * as repo from './repository';
import type { CanteenRecord, DishRecord, MenuRecord, OrderLine, OrderRecord } from './records';

const nowIso = () => new Date().toISOString();

// ── views ────────────────────────────────────────────────────────────────────

function canteenView(c: CanteenRecord): Canteen {
  return {
    canteenId: c.canteenId,
    communityId: c.communityId,
    name: c.name,
    place: c.place,
    meals: [...c.meals].sort((a, b) => MEALS.indexOf(a.meal) - MEALS.indexOf(b.meal)),
    deliveryFee: c.deliveryFee,
  };
}

function menuView(m: MenuRecord, dishes: DishRecord[]): Menu {
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
      left: Math.max(0, d.left),
      perPersonLimit: d.perPersonLimit,
      tags: d.tags,
      photoUrl: d.photoUrl,
      setItems: d.setItems,
    })),
    publishedAt: m.publishedAt,
  };
}

/** An order as people see it; `withCode` (the member's side) adds the pickup code and its QR text. */
function orderView(o: OrderRecord, withCode: boolean): MealOrder {
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
  };
}

// ── who a request is for ─────────────────────────────────────────────────────

function ownMemberId(principal: Principal): string | undefined {
  return principal.grants.find((g) => g.role === 'resident' && g.memberId)?.memberId;
}

/** The member a diner's request is about: the acted-for member, or the caller's own record. */
async function subjectOf(principal: Principal, onBehalfOf: ActingSubject | undefined): Promise<ActingSubject> {
  if (onBehalfOf) return onBehalfOf;
  const memberId = ownMemberId(principal);
  if (!memberId) throw new DomainError('NOT_A_MEMBER');
  return resolveActingSubject(principal, memberId);
}

const isStaffOf = (principal: Principal, communityId: string) => mayActInCommunity(principal, ['staff'], communityId);

/**
 * An order of the community that the caller may see or act on: the member's side (the member,
 * or whoever acts for them with X-Acting-For) or staff of the community.
 */
async function orderFor(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  orderId: string,
): Promise<{ order: OrderRecord; asMember: boolean }> {
  const order = await repo.getOrder(orderId, true);
  if (!order || order.communityId !== communityId) throw new DomainError('ORDER_NOT_FOUND');
  const subjectId = onBehalfOf?.memberId ?? ownMemberId(principal);
  if (subjectId === order.memberId) return { order, asMember: true };
  if (isStaffOf(principal, communityId)) return { order, asMember: false };
  throw new DomainError('ORDER_NOT_YOURS');
}

// ── canteens and settings ────────────────────────────────────────────────────

export async function listCanteens(communityId: string): Promise<{ canteens: Canteen[] }> {
  const canteens = await repo.listCanteens(communityId);
  return { canteens: canteens.sort((a, b) => a.canteenId.localeCompare(b.canteenId)).map(canteenView) };
}

export async function saveCanteen(
  communityId: string,
  canteenId: string,
  input: { name: string; place: string; meals: MealTimes[]; deliveryFee: DeliveryFeeRule },
): Promise<Canteen> {
  if (!mealsValid(input.meals)) throw new DomainError('MEAL_TIMES_INVALID');
  const record: CanteenRecord = { canteenId, communityId, ...input };
  await repo.putCanteen(record);
  return canteenView(record);
}

export async function getSettings(communityId: string): Promise<CanteenSettings> {
  return repo.getSettings(communityId);
}

export async function saveSettings(communityId: string, bands: SubsidyBand[]): Promise<CanteenSettings> {
  if (!subsidyBandsValid(bands)) throw new DomainError('SUBSIDY_BANDS_INVALID');
  const sorted = [...bands].sort((a, b) => a.minAge - b.minAge);
  await repo.putSettings(communityId, { subsidyBands: sorted });
  return { subsidyBands: sorted };
}

// ── delivery eligibility ─────────────────────────────────────────────────────

export async function listDeliveryEligibility(communityId: string): Promise<{ members: DeliveryEligibility[] }> {
  const records = (await repo.listMealDelivery(communityId)).filter((r) => r.eligible);
  const members = new Map((await getMembers(records.map((r) => r.memberId))).map((m) => [m.memberId, m]));
  const today = todayInShanghai();
  return {
    members: records.flatMap((r) => {
      const m = members.get(r.memberId);
      if (!m) return [];
      return [
        {
          memberId: m.memberId,
          name: m.realName,
          age: ageOn(m.birthDate, today),
          address: { buildingName: m.buildingName, unitName: m.unitName, room: m.room },
          eligible: true,
          reason: r.reason,
        },
      ];
    }),
  };
}

export async function setDeliveryEligibility(
  staff: Principal,
  communityId: string,
  memberId: string,
  input: { eligible: boolean; reason?: string },
): Promise<DeliveryEligibility> {
  const m = await getMember(memberId);
  if (!m || m.communityId !== communityId || m.status !== 'verified') throw new DomainError('MEMBER_NOT_FOUND');
  await repo.putMealDelivery({
    memberId,
    communityId,
    eligible: input.eligible,
    reason: input.reason,
    setBy: staff.userId,
    setAt: nowIso(),
  });
  return {
    memberId,
    name: m.realName,
    age: ageOn(m.birthDate, todayInShanghai()),
    address: { buildingName: m.buildingName, unitName: m.unitName, room: m.room },
    eligible: input.eligible,
    reason: input.reason,
  };
}

// ── menus ────────────────────────────────────────────────────────────────────

async function canteenOf(communityId: string, canteenId: string): Promise<CanteenRecord> {
  const c = await repo.getCanteen(communityId, canteenId);
  if (!c) throw new DomainError('CANTEEN_NOT_FOUND');
  return c;
}

async function menuOf(communityId: string, canteenId: string, date: string, meal: Meal): Promise<MenuRecord> {
  const menu = await repo.getMenu(communityId, canteenId, date, meal);
  if (!menu) {
    await canteenOf(communityId, canteenId);
    throw new DomainError('MENU_NOT_PUBLISHED');
  }
  return menu;
}

export interface DishInput {
  name: string;
  priceFen: number;
  portions: number;
  perPersonLimit: number;
  tags?: string[];
  photoUrl?: string;
  setItems?: string[];
}

export async function publishMenu(
  staff: Principal,
  communityId: string,
  canteenId: string,
  input: { date: string; meal: Meal; dishes: DishInput[] },
): Promise<Menu> {
  const canteen = await canteenOf(communityId, canteenId);
  const times = canteen.meals.find((m) => m.meal === input.meal);
  if (!times) throw new DomainError('MEAL_NOT_SERVED');
  const now = new Date();
  const cutoffAt = shanghaiTime(input.date, times.cutoff);
  const refusal = publishRefusal(input.date, cutoffAt, now, todayInShanghai(now));
  if (refusal) throw new DomainError(refusal);
  const dishes: DishRecord[] = input.dishes.map((d) => ({
    dishId: ulid(),
    name: d.name,
    priceFen: d.priceFen,
    portions: d.portions,
    left: d.portions,
    perPersonLimit: d.perPersonLimit,
    tags: [...new Set(d.tags ?? [])],
    photoUrl: d.photoUrl,
    setItems: d.setItems && d.setItems.length > 0 ? d.setItems : undefined,
  }));
  const menu: MenuRecord = {
    communityId,
    canteenId,
    canteenName: canteen.name,
    canteenPlace: canteen.place,
    date: input.date,
    meal: input.meal,
    cutoffAt,
    pickupStartsAt: shanghaiTime(input.date, times.pickupStart),
    pickupEndsAt: shanghaiTime(input.date, times.pickupEnd),
    dishIds: dishes.map((d) => d.dishId),
    publishedBy: staff.userId,
    publishedAt: now.toISOString(),
  };
  if (!(await repo.publishMenu(menu, dishes))) throw new DomainError('MENU_ALREADY_PUBLISHED');
  return menuView(menu, dishes);
}

export async function listMenus(communityId: string, days: number): Promise<{ today: string; menus: Menu[] }> {
  const today = todayInShanghai();
  const menus = await repo.listMenus(communityId, today, addDays(today, days - 1));
  const withDishes = await Promise.all(menus.map(async (m) => menuView(m, await repo.getDishes(m))));
  return { today, menus: withDishes };
}

/** What the member can expect on this menu: age band subsidy (unless used), delivery eligibility and fee. */
async function dinerOf(subject: ActingSubject, menu: MenuRecord, canteen: CanteenRecord): Promise<Diner> {
  const [settings, claim, delivery] = await Promise.all([
    repo.getSettings(menu.communityId),
    repo.getSubsidyClaim(subject.memberId, menu.date, menu.meal),
    repo.getMealDelivery(subject.memberId),
  ]);
  const age = ageOn(subject.birthDate, menu.date);
  const band = bandOf(age, settings.subsidyBands);
  return {
    memberId: subject.memberId,
    name: subject.realName,
    age,
    band: band ? bandLabel(band) : undefined,
    subsidyFen: band && !claim ? band.subsidyFen : 0,
    subsidyUsed: Boolean(claim),
    deliveryEligible: Boolean(delivery?.eligible),
    deliveryFeeFen: deliveryFee(canteen.deliveryFee, age),
  };
}

export async function getMenuDetail(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  canteenId: string,
  date: string,
  meal: Meal,
): Promise<MenuDetail> {
  const menu = await menuOf(communityId, canteenId, date, meal);
  const [dishes, canteen] = await Promise.all([repo.getDishes(menu), canteenOf(communityId, canteenId)]);
  const subjectId = onBehalfOf?.memberId ?? ownMemberId(principal);
  if (!subjectId) return { menu: menuView(menu, dishes), diner: null };
  const subject = await subjectOf(principal, onBehalfOf);
  return { menu: menuView(menu, dishes), diner: await dinerOf(subject, menu, canteen) };
}

// ── ordering ─────────────────────────────────────────────────────────────────

export interface OrderInput {
  lines: { dishId: string; quantity: number }[];
  fulfilment: 'pickup' | 'delivery';
  note?: string;
}

interface Priced {
  subject: ActingSubject;
  menu: MenuRecord;
  lines: OrderLine[];
  limits: Map<string, number>;
  price: ReturnType<typeof priceOrder>;
}

/** What an order is checked against that a lost race does not change: who, which menu, the rules. */
interface OrderContext {
  subject: ActingSubject;
  menu: MenuRecord;
  canteen: CanteenRecord;
  bands: SubsidyBand[];
  deliveryEligible: boolean;
}

async function orderContext(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  canteenId: string,
  date: string,
  meal: Meal,
  input: OrderInput,
): Promise<OrderContext> {
  const subject = await subjectOf(principal, onBehalfOf);
  if (subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
  const menu = await menuOf(communityId, canteenId, date, meal);
  const now = new Date();
  const refusal = orderRefusal(menu, now, todayInShanghai(now));
  if (refusal) throw new DomainError(refusal);
  if (!linesValid(input.lines)) throw new DomainError('ORDER_LINES_INVALID');
  const [canteen, settings, delivery] = await Promise.all([
    canteenOf(communityId, canteenId),
    repo.getSettings(communityId),
    input.fulfilment === 'delivery' ? repo.getMealDelivery(subject.memberId) : Promise.resolve(undefined),
  ]);
  return { subject, menu, canteen, bands: settings.subsidyBands, deliveryEligible: Boolean(delivery?.eligible) };
}

/**
 * Checks an order against the menu's dishes as they stand and prices it; throws the first rule
 * it breaks. Reads only what a concurrent order may have changed: stock and the meal's subsidy.
 */
async function priceFor(ctx: OrderContext, input: OrderInput): Promise<Priced> {
  const { subject, menu } = ctx;
  const [dishes, claim] = await Promise.all([
    repo.getDishes(menu),
    repo.getSubsidyClaim(subject.memberId, menu.date, menu.meal),
  ]);
  const byId = new Map(dishes.map((d) => [d.dishId, d]));
  const lines: OrderLine[] = [];
  const limits = new Map<string, number>();
  for (const l of input.lines) {
    const dish = byId.get(l.dishId);
    if (!dish) throw new DomainError('DISH_NOT_ON_MENU', { dishId: l.dishId });
    if (l.quantity > dish.perPersonLimit) {
      throw new DomainError('ORDER_LIMIT_EXCEEDED', { dishId: dish.dishId, limit: dish.perPersonLimit });
    }
    if (dish.left < l.quantity)
      throw new DomainError('SOLD_OUT', { dishId: dish.dishId, left: Math.max(0, dish.left) });
    limits.set(dish.dishId, dish.perPersonLimit);
    lines.push({
      dishId: dish.dishId,
      name: dish.name,
      unitPriceFen: dish.priceFen,
      quantity: l.quantity,
      lineFen: dish.priceFen * l.quantity,
    });
  }
  if (input.fulfilment === 'delivery' && !ctx.deliveryEligible) throw new DomainError('DELIVERY_NOT_ELIGIBLE');
  const price = priceOrder({
    lines,
    age: ageOn(subject.birthDate, menu.date),
    bands: ctx.bands,
    subsidyAlreadyUsed: Boolean(claim),
    fulfilment: input.fulfilment,
    delivery: ctx.canteen.deliveryFee,
  });
  return { subject, menu, lines, limits, price };
}

export async function quoteOrder(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  canteenId: string,
  date: string,
  meal: Meal,
  input: OrderInput,
): Promise<Quote> {
  const ctx = await orderContext(principal, onBehalfOf, communityId, canteenId, date, meal, input);
  const { lines, price } = await priceFor(ctx, input);
  return { lines, price, fulfilment: input.fulfilment };
}

const randomNumbers = (n: number) => Array.from({ length: n }, () => randomInt(0, 1 << 30));

/**
 * Places an order for the member (the caller, a dependent they act for, or a member staff
 * order for by phone). Stock, per-person limits and the subsidy change only inside one
 * conditional transaction; a lost race is priced again against fresh reads.
 */
export async function placeOrder(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  canteenId: string,
  date: string,
  meal: Meal,
  input: OrderInput,
): Promise<MealOrder> {
  const ctx = await orderContext(principal, onBehalfOf, communityId, canteenId, date, meal, input);
  return withOptimisticRetry(async () => {
    const { subject, menu, lines, limits, price } = await priceFor(ctx, input);
    const createdAt = nowIso();
    const order: OrderRecord = {
      orderId: ulid(),
      communityId,
      canteenId,
      canteenName: menu.canteenName,
      date,
      meal,
      memberId: subject.memberId,
      memberName: subject.realName,
      age: ageOn(subject.birthDate, date),
      buildingId: subject.buildingId,
      buildingName: subject.buildingName,
      unitId: subject.unitId,
      unitName: subject.unitName,
      room: subject.room,
      placedByUserId: principal.userId,
      placedByName: principal.name,
      via: subject.via,
      lines,
      itemsFen: price.itemsFen,
      subsidyFen: price.subsidyFen,
      deliveryFeeFen: price.deliveryFeeFen,
      amountDueFen: price.amountDueFen,
      band: price.band,
      fulfilment: input.fulfilment,
      note: input.note || undefined,
      status: 'placed',
      paymentStatus: 'unpaid',
      pickupCode: newPickupCode(randomNumbers),
      cutoffAt: menu.cutoffAt,
      pickupStartsAt: menu.pickupStartsAt,
      pickupEndsAt: menu.pickupEndsAt,
      createdAt,
    };
    const outcome = await repo.placeOrder(order, repo.menuPk(menu), limits, createdAt);
    if (outcome.ok) return orderView(order, true);
    switch (outcome.reason) {
      case 'sold-out':
        throw new DomainError('SOLD_OUT', { dishId: outcome.dishId });
      case 'limit':
        throw new DomainError('ORDER_LIMIT_EXCEEDED', { dishId: outcome.dishId, limit: limits.get(outcome.dishId) });
      case 'closed':
        throw new DomainError('ORDER_CUTOFF_PASSED');
      default:
        // The subsidy was claimed by a concurrent order, or the code was taken: price again.
        return retry;
    }
  }, 40);
}

export async function getOrder(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  orderId: string,
): Promise<MealOrder> {
  const { order, asMember } = await orderFor(principal, onBehalfOf, communityId, orderId);
  return orderView(order, asMember);
}

export async function cancelOrder(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  orderId: string,
): Promise<MealOrder> {
  const { order, asMember } = await orderFor(principal, onBehalfOf, communityId, orderId);
  if (order.status !== 'placed') throw new DomainError('ORDER_NOT_CANCELLABLE');
  const refusal = cancelRefusal({ date: order.date, cutoffAt: order.cutoffAt }, new Date());
  if (refusal) throw new DomainError(refusal);
  const at = nowIso();
  // A transaction conflict with a concurrent order on the same dishes is retried; a failed condition is not.
  if (!(await withOptimisticRetry(() => repo.cancelOrder(order, at)))) {
    const now = await repo.getOrder(orderId, true);
    if (now?.status === 'placed') throw new DomainError('ORDER_CUTOFF_PASSED');
    throw new DomainError('ORDER_NOT_CANCELLABLE');
  }
  return orderView({ ...order, status: 'cancelled', cancelledAt: at }, asMember);
}

export async function listMyOrders(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
): Promise<{ orders: MealOrder[] }> {
  const subject = await subjectOf(principal, onBehalfOf);
  const orders = await repo.listMemberOrders(subject.memberId);
  return { orders: orders.map((o) => orderView(o, true)) };
}

// ── kitchen and pickup ───────────────────────────────────────────────────────

/** A status step of an order; a transaction conflict (someone else touching the order) is retried. */
const advance = (...args: Parameters<typeof repo.advanceOrder>) =>
  withOptimisticRetry(() => repo.advanceOrder(...args));

const byAddress = (a: OrderRecord, b: OrderRecord) =>
  a.buildingName.localeCompare(b.buildingName, 'zh-CN', { numeric: true }) ||
  a.unitName.localeCompare(b.unitName, 'zh-CN', { numeric: true }) ||
  a.room.localeCompare(b.room, 'zh-CN', { numeric: true });

/** Delivery orders grouped by building and unit, in address order. */
function deliveryGroups(orders: OrderRecord[]): DeliveryGroup[] {
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

export async function getKitchen(
  communityId: string,
  canteenId: string,
  date: string,
  meal: Meal,
): Promise<KitchenView> {
  const menu = await menuOf(communityId, canteenId, date, meal);
  const [dishes, orders] = await Promise.all([
    repo.getDishes(menu, true),
    repo.listCanteenOrders(communityId, canteenId, date, meal),
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
    deliveries: deliveryGroups(active.filter((o) => o.fulfilment === 'delivery')),
  };
}

export async function handOver(
  staff: Principal,
  communityId: string,
  canteenId: string,
  date: string,
  meal: Meal,
  input: string,
): Promise<MealOrder> {
  const menu = await menuOf(communityId, canteenId, date, meal);
  const code = parsePickupInput(input, menuKeyOf(canteenId, date, meal));
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
  const at = nowIso();
  const done = await advance(
    order.orderId,
    'placed',
    { status: 'picked_up', paymentStatus: 'paid_at_pickup', handedOverAt: at, handedOverBy: staff.userId },
    [],
    { fulfilment: 'pickup' },
  );
  if (!done) refuse((await repo.getOrder(order.orderId, true)) ?? order);
  return orderView({ ...order, status: 'picked_up', paymentStatus: 'paid_at_pickup', handedOverAt: at }, false);
}

// ── delivery ─────────────────────────────────────────────────────────────────

export async function listDeliveryTasks(
  communityId: string,
  date: string | undefined,
): Promise<{ date: string; groups: DeliveryGroup[] }> {
  const day = date ?? todayInShanghai();
  const canteens = await repo.listCanteens(communityId);
  const orders = (await Promise.all(canteens.map((c) => repo.listCanteenOrders(communityId, c.canteenId, day)))).flat();
  return {
    date: day,
    groups: deliveryGroups(orders.filter((o) => o.fulfilment === 'delivery' && o.status !== 'cancelled')),
  };
}

async function deliveryOrder(communityId: string, orderId: string): Promise<OrderRecord> {
  const order = await repo.getOrder(orderId, true);
  if (!order || order.communityId !== communityId) throw new DomainError('ORDER_NOT_FOUND');
  if (order.fulfilment !== 'delivery') throw new DomainError('NOT_A_DELIVERY_ORDER');
  return order;
}

export async function claimDelivery(volunteer: Principal, communityId: string, orderId: string): Promise<MealOrder> {
  const order = await deliveryOrder(communityId, orderId);
  const refuse = (o: OrderRecord): MealOrder => {
    if (o.status === 'out_for_delivery' && o.volunteerUserId === volunteer.userId) return orderView(o, false);
    if (o.volunteerUserId && o.volunteerUserId !== volunteer.userId) throw new DomainError('DELIVERY_ALREADY_CLAIMED');
    throw new DomainError('ORDER_NOT_ACTIVE');
  };
  if (order.status !== 'placed') return refuse(order);
  const at = nowIso();
  const set = {
    status: 'out_for_delivery' as const,
    volunteerUserId: volunteer.userId,
    volunteerName: volunteer.name,
    claimedAt: at,
  };
  const done = await advance(
    orderId,
    'placed',
    set,
    [
      {
        type: 'canteen.out_for_delivery',
        communityId,
        orderId,
        memberId: order.memberId,
        placedByUserId: order.placedByUserId,
        volunteerName: volunteer.name,
      },
    ],
    { fulfilment: 'delivery' },
  );
  if (!done) return refuse((await repo.getOrder(orderId, true)) ?? order);
  return orderView({ ...order, ...set }, false);
}

export async function markDelivered(volunteer: Principal, communityId: string, orderId: string): Promise<MealOrder> {
  const order = await deliveryOrder(communityId, orderId);
  const refuse = (o: OrderRecord): never => {
    if (o.volunteerUserId && o.volunteerUserId !== volunteer.userId) throw new DomainError('DELIVERY_NOT_YOURS');
    if (o.status === 'placed') throw new DomainError('DELIVERY_NOT_CLAIMED');
    throw new DomainError('ORDER_NOT_ACTIVE');
  };
  if (order.status !== 'out_for_delivery' || order.volunteerUserId !== volunteer.userId) refuse(order);
  const at = nowIso();
  const done = await advance(
    orderId,
    'out_for_delivery',
    { status: 'delivered', deliveredAt: at },
    [
      {
        type: 'canteen.delivered',
        communityId,
        orderId,
        memberId: order.memberId,
        placedByUserId: order.placedByUserId,
      },
    ],
    { volunteerUserId: volunteer.userId },
  );
  if (!done) refuse((await repo.getOrder(orderId, true)) ?? order);
  return orderView({ ...order, status: 'delivered', deliveredAt: at }, false);
}

/**
 * The member's side (or staff) confirms a delivered meal. The event the volunteer points
 * feature credits from is written in the same transaction, so it exists exactly when the
 * confirmation does.
 */
export async function confirmDelivery(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  orderId: string,
): Promise<MealOrder> {
  const { order, asMember } = await orderFor(principal, onBehalfOf, communityId, orderId);
  if (order.fulfilment !== 'delivery') throw new DomainError('NOT_A_DELIVERY_ORDER');
  const refuse = (o: OrderRecord): never => {
    if (o.status === 'received') throw new DomainError('DELIVERY_ALREADY_CONFIRMED');
    if (o.status === 'cancelled') throw new DomainError('ORDER_NOT_ACTIVE');
    throw new DomainError('DELIVERY_NOT_DELIVERED');
  };
  if (order.status !== 'delivered' || !order.volunteerUserId) refuse(order);
  const at = nowIso();
  const set = {
    status: 'received' as const,
    receivedAt: at,
    receivedConfirmedBy: principal.userId,
    paymentStatus: 'paid_on_delivery' as const,
  };
  const done = await advance(orderId, 'delivered', set, [
    {
      type: 'canteen.delivery_confirmed',
      communityId,
      orderId,
      volunteerUserId: order.volunteerUserId!,
      confirmedAt: at,
    },
  ]);
  if (!done) refuse((await repo.getOrder(orderId, true)) ?? order);
  return orderView({ ...order, ...set }, asMember);
}

// ── settlement ───────────────────────────────────────────────────────────────

const SERVED = new Set(['picked_up', 'delivered', 'received']);
const portionsOf = (o: OrderRecord) => o.lines.reduce((sum, l) => sum + l.quantity, 0);
const sum = (orders: OrderRecord[], f: (o: OrderRecord) => number) => orders.reduce((s, o) => s + f(o), 0);

export async function getSettlement(communityId: string, canteenId: string, date: string): Promise<Settlement> {
  await canteenOf(communityId, canteenId);
  const orders = await repo.listCanteenOrders(communityId, canteenId, date);
  const active = orders.filter((o) => o.status !== 'cancelled');
  const bands = new Map<string, { band: string; orders: number; subsidyFen: number }>();
  for (const o of active.filter((x) => x.subsidyFen > 0)) {
    const label = o.band ?? '其他';
    const b = bands.get(label) ?? { band: label, orders: 0, subsidyFen: 0 };
    b.orders += 1;
    b.subsidyFen += o.subsidyFen;
    bands.set(label, b);
  }
  return {
    canteenId,
    date,
    orders: active.length,
    cancellations: orders.length - active.length,
    mealsServed: sum(
      active.filter((o) => SERVED.has(o.status)),
      portionsOf,
    ),
    itemsFen: sum(active, (o) => o.itemsFen),
    subsidyFen: sum(active, (o) => o.subsidyFen),
    deliveryFeeFen: sum(active, (o) => o.deliveryFeeFen),
    revenueFen: sum(active, (o) => o.amountDueFen),
    byBand: [...bands.values()].sort((a, b) => a.band.localeCompare(b.band, 'en', { numeric: true })),
    byMeal: MEALS.map((meal) => {
      const of = active.filter((o) => o.meal === meal);
      return { meal, orders: of.length, revenueFen: sum(of, (o) => o.amountDueFen) };
    }).filter((m) => m.orders > 0),
  };
}

const STATUS_LABEL: Record<OrderRecord['status'], string> = {
  placed: '待取餐/待送',
  cancelled: '已取消',
  picked_up: '已取餐',
  out_for_delivery: '配送中',
  delivered: '已送达',
  received: '已签收',
};
const VIA_LABEL = { self: '本人', caregiver: '家属代订', staff: '社区代订' } as const;
const shanghai = (iso: string | undefined) =>
  iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

export async function exportSettlement(communityId: string, canteenId: string, date: string) {
  const canteen = await canteenOf(communityId, canteenId);
  const orders = (await repo.listCanteenOrders(communityId, canteenId, date)).sort(
    (a, b) => MEALS.indexOf(a.meal) - MEALS.indexOf(b.meal) || a.createdAt.localeCompare(b.createdAt),
  );
  const rows = orders.map((o, i) => [
    i + 1,
    MEAL_LABEL[o.meal],
    o.memberName,
    o.age,
    o.band ?? '',
    o.buildingName,
    o.unitName,
    o.room,
    o.lines.map((l) => `${l.name}×${l.quantity}`).join('、'),
    o.fulfilment === 'delivery' ? '送餐' : '自取',
    yuan(o.itemsFen),
    yuan(o.subsidyFen),
    yuan(o.deliveryFeeFen),
    yuan(o.amountDueFen),
    STATUS_LABEL[o.status],
    `${o.placedByName}（${VIA_LABEL[o.via]}）`,
    shanghai(o.createdAt),
  ]);
  const csv = toCsv([
    [
      '序号',
      '餐次',
      '姓名',
      '年龄',
      '补贴年龄段',
      '楼栋',
      '单元',
      '门牌',
      '菜品',
      '方式',
      '菜品金额(元)',
      '补贴(元)',
      '送餐费(元)',
      '应付(元)',
      '状态',
      '下单人',
      '下单时间',
    ],
    ...rows,
  ]);
  return { filename: `${date}-${canteen.name}-日结.csv`, csv };
}

export async function getMonthlyMeals(communityId: string, canteenId: string, month: string): Promise<MonthlyMeals> {
  await canteenOf(communityId, canteenId);
  const days = daysOfMonth(month);
  const orders = await repo.listCanteenOrdersBetween(communityId, canteenId, days[0]!, days[days.length - 1]!);
  const active = orders.filter((o) => o.status !== 'cancelled');
  return {
    month,
    days: days.map((date) => {
      const of = active.filter((o) => o.date === date);
      return {
        date,
        orders: of.length,
        meals: sum(of, portionsOf),
        served: sum(
          of.filter((o) => SERVED.has(o.status)),
          portionsOf,
        ),
      };
    }),
  };
}
