/** The staff canteen pages: canteens, publishing menus, the kitchen, pickup and the settlement. */
import type { Body, Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import type { MenuRef } from './use-canteen-orders';
import { useReloadOnShow } from './use-council';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type Canteens = Reply<Routes['listCanteens']>;
export type MenuInput = Body<Routes['publishMenu']>;
export type Kitchen = Reply<Routes['getKitchen']>;
export type Settlement = Reply<Routes['getSettlement']>;
export type MonthlyMeals = Reply<Routes['getMonthlyMeals']>;

export function useCanteens(communityId: string) {
  return useRequest<Canteens>(`canteens:${communityId}`, () =>
    api.call('listCanteens', { params: { communityId }, toast: false }),
  );
}

export function usePublishMenu(communityId: string, canteenId: string) {
  return useMutation((body: MenuInput) => api.call('publishMenu', { params: { communityId, canteenId }, body }));
}

export function useKitchen(ref: MenuRef) {
  const request = useRequest<Kitchen>(`kitchen:${ref.canteenId}:${ref.date}:${ref.meal}`, () =>
    api.call('getKitchen', { params: ref, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 取餐核销 with a scanned QR text or a typed 6-character code. */
export function useHandOver(ref: MenuRef) {
  return useMutation((input: { code: string; overrideReason?: string }) =>
    api.call('handOver', { params: ref, body: input }),
  );
}

export function useSettlement(communityId: string, canteenId: string, date: string) {
  const request = useRequest<Settlement>(`settlement:${canteenId}:${date}`, () =>
    api.call('getSettlement', { params: { communityId, canteenId }, query: { date }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

export function useExportSettlement(communityId: string, canteenId: string, date: string) {
  return useMutation((_: void) =>
    api.call('exportSettlement', { params: { communityId, canteenId }, query: { date } }),
  );
}

export function useMonthlyMeals(communityId: string, canteenId: string, month: string) {
  return useRequest<MonthlyMeals>(`month:${canteenId}:${month}`, () =>
    api.call('getMonthlyMeals', { params: { communityId, canteenId }, query: { month }, toast: false }),
  );
}

export type EligibleMembers = Reply<Routes['listDeliveryEligibility']>;

/** Members staff marked eligible for 送餐上门. */
export function useDeliveryEligibility(communityId: string) {
  const request = useRequest<EligibleMembers>(`meal-delivery:${communityId}`, () =>
    api.call('listDeliveryEligibility', { params: { communityId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 登记 or 取消 a member's delivery eligibility. */
export function useSetDeliveryEligibility(communityId: string) {
  return useMutation((input: { memberId: string; eligible: boolean; reason?: string }) =>
    api.call('setDeliveryEligibility', {
      params: { communityId, memberId: input.memberId },
      body: { eligible: input.eligible, reason: input.reason },
    }),
  );
}

export type CanteenInput = Body<Routes['saveCanteen']>;
export type CanteenSettings = Reply<Routes['getCanteenSettings']>;

export function useCanteenSettings(communityId: string) {
  return useRequest<CanteenSettings>(`canteen-settings:${communityId}`, () =>
    api.call('getCanteenSettings', { params: { communityId }, toast: false }),
  );
}

/** Saves the canteen (meals, delivery fee) and the community's subsidy bands together. */
export function useSaveCanteenSetup(communityId: string, canteenId: string) {
  return useMutation(async (input: { canteen: CanteenInput; settings: Body<Routes['saveCanteenSettings']> }) => {
    const canteen = await api.call('saveCanteen', { params: { communityId, canteenId }, body: input.canteen });
    const settings = await api.call('saveCanteenSettings', { params: { communityId }, body: input.settings });
    return { canteen, settings };
  });
}
