/** What a canteen request may reach: the canteen, the menu, an order of the caller's side or staff's. */
import type { Meal } from '@linli/shared/domain/canteen/rules';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import { DomainError } from '@linli/shared/domain-error';
import { ownMemberId, type Caller } from '../identity';
import { withOptimisticRetry } from '../platform/retry';
import * as repo from './repository';
import type { CanteenRecord, MenuRecord, OrderRecord } from './records';

/** A canteen of a community, as the path names it. */
export interface CanteenRef {
  communityId: string;
  canteenId: string;
}

/** One meal's menu of a canteen, as the path names it. */
export interface MenuRef extends CanteenRef {
  date: string;
  meal: Meal;
}

/** An order of a community, as the path names it. */
export interface OrderRef {
  communityId: string;
  orderId: string;
}

export const nowIso = () => new Date().toISOString();

export async function canteenOf({ communityId, canteenId }: CanteenRef): Promise<CanteenRecord> {
  const c = await repo.getCanteen(communityId, canteenId);
  if (!c) throw new DomainError('CANTEEN_NOT_FOUND');
  return c;
}

export async function menuOf(ref: MenuRef): Promise<MenuRecord> {
  const menu = await repo.getMenu(ref.communityId, ref.canteenId, ref.date, ref.meal);
  if (!menu) {
    await canteenOf(ref);
    throw new DomainError('MENU_NOT_PUBLISHED');
  }
  return menu;
}

/**
 * An order of the community that the caller may see or act on: the member's side (the member,
 * or whoever acts for them with X-Acting-For) or staff of the community.
 */
export async function orderFor(
  { principal, onBehalfOf }: Caller,
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

/** A status step of an order; a transaction conflict (someone else touching the order) is retried. */
export const advance = (...args: Parameters<typeof repo.advanceOrder>) =>
  withOptimisticRetry(() => repo.advanceOrder(...args));
