/** Ordering, my orders and delivery tasks (the canteen subpackage). */
import type { Body, Reply, Routes } from '@linli/shared/contract';
import type { MealName } from '@linli/shared/contract/canteen';
import { api } from '../services/api';
import { useReloadOnShow } from './use-council';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type MenuDetail = Reply<Routes['getMenu']>;
export type Quote = Reply<Routes['quoteOrder']>;
export type MealOrder = Reply<Routes['getOrder']>;
export type OrderInput = Body<Routes['placeOrder']>;
export type DeliveryTasks = Reply<Routes['listDeliveryTasks']>;

export interface MenuRef {
  communityId: string;
  canteenId: string;
  date: string;
  meal: MealName;
}

/** A menu with what the diner (me, or whom I act for) can expect: subsidy, delivery. */
export function useMenuDetail(ref: MenuRef, actingId: string | undefined) {
  const request = useRequest<MenuDetail>(
    `menu:${ref.communityId}:${ref.canteenId}:${ref.date}:${ref.meal}:${actingId ?? 'self'}`,
    () => api.call('getMenu', { params: ref, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** The server's price of a basket (no write); undefined while the basket is empty. */
export function useQuote(ref: MenuRef, input: OrderInput | undefined, actingId: string | undefined) {
  return useRequest<Quote | undefined>(
    `quote:${ref.canteenId}:${ref.date}:${ref.meal}:${actingId ?? 'self'}:${JSON.stringify(input ?? null)}`,
    () => (input ? api.call('quoteOrder', { params: ref, body: input, toast: false }) : Promise.resolve(undefined)),
  );
}

export function usePlaceOrder(ref: MenuRef) {
  return useMutation((body: OrderInput) => api.call('placeOrder', { params: ref, body }));
}

export function useOrder(communityId: string, orderId: string, actingId: string | undefined) {
  const request = useRequest<MealOrder>(`order:${communityId}:${orderId}:${actingId ?? 'self'}`, () =>
    api.call('getOrder', { params: { communityId, orderId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

export function useCancelOrder(communityId: string, orderId: string) {
  return useMutation((_: void) => api.call('cancelOrder', { params: { communityId, orderId } }));
}

export function useConfirmDelivery(communityId: string, orderId: string) {
  return useMutation((_: void) => api.call('confirmDelivery', { params: { communityId, orderId } }));
}

/** 我的订餐 of me or of the member I act for, newest meal first. */
export function useMyOrders(actingId: string | undefined) {
  const request = useRequest(`my-orders:${actingId ?? 'self'}`, () => api.call('listMyOrders', { toast: false }));
  useReloadOnShow(request.reload);
  return request;
}

/** 送餐任务 of a day, by building and unit. */
export function useDeliveryTasks(communityId: string, date: string) {
  const request = useRequest<DeliveryTasks>(`deliveries:${communityId}:${date}`, () =>
    api.call('listDeliveryTasks', { params: { communityId }, query: { date }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 领取 or 已送达 on a delivery task (staff outside the meal's time: with a reason). */
export function useDeliveryStep(communityId: string) {
  return useMutation((input: { orderId: string; step: 'claim' | 'delivered'; overrideReason?: string }) =>
    input.step === 'claim'
      ? api.call('claimDelivery', { params: { communityId, orderId: input.orderId } })
      : api.call('markDelivered', {
          params: { communityId, orderId: input.orderId },
          body: input.overrideReason ? { overrideReason: input.overrideReason } : {},
        }),
  );
}

/** Whom to ring for a delivery I carry: fetched on tap only, since numbers stay masked elsewhere. */
export const deliveryContact = (communityId: string, orderId: string) =>
  api.call('getDeliveryContact', { params: { communityId, orderId } });
