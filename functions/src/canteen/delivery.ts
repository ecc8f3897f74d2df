/** Meal delivery: volunteers claim and deliver orders; the member's side confirms receipt. */
import type { DeliveryGroup, MealOrder } from '@linli/shared/contract/canteen';
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import { todayInShanghai } from '@linli/shared/domain/identity/person';
import { DomainError } from '@linli/shared/domain-error';
import { getMember, listHouseholdMembers, type Caller } from '../identity';
import { completionPut } from '../platform/idempotency';
import { advance, nowIso, orderFor, type OrderRef } from './access';
import * as repo from './repository';
import type { OrderRecord } from './records';
import { checkServiceTime } from './service-time';
import { withCurrentNames } from '../community';
import { deliveryGroups, orderView } from './views';

export async function listDeliveryTasks(
  communityId: string,
  date: string | undefined,
): Promise<{ date: string; groups: DeliveryGroup[] }> {
  const day = date ?? todayInShanghai();
  const canteens = await repo.listCanteens(communityId);
  const orders = (await Promise.all(canteens.map((c) => repo.listCanteenOrders(communityId, c.canteenId, day)))).flat();
  return {
    date: day,
    groups: deliveryGroups(
      await withCurrentNames(orders.filter((o) => o.fulfilment === 'delivery' && o.status !== 'cancelled')),
    ),
  };
}

async function deliveryOrder(communityId: string, orderId: string): Promise<OrderRecord> {
  const order = await repo.getOrder(orderId, true);
  if (!order || order.communityId !== communityId) throw new DomainError('ORDER_NOT_FOUND');
  if (order.fulfilment !== 'delivery') throw new DomainError('NOT_A_DELIVERY_ORDER');
  return order;
}

export async function claimDelivery(volunteer: Principal, { communityId, orderId }: OrderRef): Promise<MealOrder> {
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
  const reply = orderView({ ...order, ...set }, false);
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
    completionPut(reply),
  );
  if (!done) return refuse((await repo.getOrder(orderId, true)) ?? order);
  return reply;
}

/**
 * The volunteer who claimed the order marks it delivered while the meal is served. Staff may mark
 * any claimed delivery, outside the meal's time too with a reason, which the order keeps.
 */
export async function markDelivered(
  caller: Principal,
  { communityId, orderId }: OrderRef,
  input: { overrideReason?: string } = {},
): Promise<MealOrder> {
  const order = await deliveryOrder(communityId, orderId);
  const isStaff = isStaffOf(caller, communityId);
  const refuse = (o: OrderRecord): never => {
    if (o.status === 'placed') throw new DomainError('DELIVERY_NOT_CLAIMED');
    if (!isStaff && o.volunteerUserId && o.volunteerUserId !== caller.userId)
      throw new DomainError('DELIVERY_NOT_YOURS');
    throw new DomainError('ORDER_NOT_ACTIVE');
  };
  if (order.status !== 'out_for_delivery' || (!isStaff && order.volunteerUserId !== caller.userId)) refuse(order);
  const now = new Date();
  const timeOverride = checkServiceTime(order, { principal: caller, isStaff }, 'delivered', input.overrideReason, now);
  const set = {
    status: 'delivered' as const,
    deliveredAt: now.toISOString(),
    ...(timeOverride ? { timeOverride } : {}),
  };
  const reply = orderView({ ...order, ...set }, false);
  const done = await advance(
    orderId,
    'out_for_delivery',
    set,
    [
      {
        type: 'canteen.delivered',
        communityId,
        orderId,
        memberId: order.memberId,
        placedByUserId: order.placedByUserId,
      },
    ],
    { volunteerUserId: order.volunteerUserId },
    completionPut(reply),
  );
  if (!done) refuse((await repo.getOrder(orderId, true)) ?? order);
  return reply;
}

/**
 * The member's side (or staff) confirms a delivered meal. The event the volunteer points
 * feature credits from is written in the same transaction, so it exists exactly when the
 * confirmation does.
 */
export async function confirmDelivery(caller: Caller, { communityId, orderId }: OrderRef): Promise<MealOrder> {
  const { order, asMember } = await orderFor(caller, communityId, orderId);
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
    receivedConfirmedBy: caller.principal.userId,
    paymentStatus: 'paid_on_delivery' as const,
  };
  const reply = orderView({ ...order, ...set }, asMember);
  const confirmed = {
    type: 'canteen.delivery_confirmed' as const,
    communityId,
    orderId,
    volunteerUserId: order.volunteerUserId!,
    confirmedAt: at,
  };
  const done = await advance(orderId, 'delivered', set, [confirmed], undefined, completionPut(reply));
  if (!done) refuse((await repo.getOrder(orderId, true)) ?? order);
  return reply;
}

/**
 * Whom the volunteer delivering an order (or staff) can ring at the door: the member's own phone,
 * else a housemate's (an elder without a phone lives with family who has one). Numbers stay
 * masked everywhere else; this answers only the one delivering it.
 */
export async function deliveryContact(caller: Principal, { communityId, orderId }: OrderRef) {
  const order = await deliveryOrder(communityId, orderId);
  if (!isStaffOf(caller, communityId)) {
    if (order.status === 'placed') throw new DomainError('DELIVERY_NOT_CLAIMED');
    if (order.volunteerUserId !== caller.userId) throw new DomainError('DELIVERY_NOT_YOURS');
  }
  const member = await getMember(order.memberId);
  if (member?.phone) return { name: member.realName, phone: member.phone };
  const housemates = member ? await listHouseholdMembers(member.householdKey) : [];
  const reachable = housemates.find((m) => m.phone && m.status === 'verified');
  if (!reachable?.phone) throw new DomainError('NO_PHONE_ON_FILE');
  return { name: reachable.realName, phone: reachable.phone };
}
