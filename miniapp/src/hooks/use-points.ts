/** 邻里积分: the volunteer's, the merchant's and staff's requests, each a hook over services/api.ts. */
import type { Body, Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { loadMe } from '../services/me';
import { useReloadOnShow } from './use-council';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type MyPoints = Reply<Routes['getMyPoints']>;
export type ActivityList = Reply<Routes['listActivities']>;
export type Activity = ActivityList['activities'][number];
export type Signup = Reply<Routes['signUpActivity']>;
export type MerchantList = Reply<Routes['listPointsMerchants']>;
export type Merchant = MerchantList['merchants'][number];
export type Offer = NonNullable<Merchant['agreement']>['offers'][number];
export type RedemptionCode = Reply<Routes['createRedemptionCode']>;
export type Receipt = Reply<Routes['confirmRedemption']>;
export type Preview = Reply<Routes['previewRedemption']>;
export type AuditLine = Reply<Routes['adjustPoints']>;
export type PointsReport = Reply<Routes['getPointsReport']>;
export type PendingHours = Reply<Routes['listPendingHours']>['items'][number];

/** A request that loads again whenever its page shows again. */
function useLive<T>(key: string, run: () => Promise<T>) {
  const request = useRequest<T>(key, run);
  useReloadOnShow(request.reload);
  return request;
}

// ── volunteer ────────────────────────────────────────────────────────────────

export function useMyPoints(communityId: string | undefined) {
  return useLive<MyPoints | undefined>(`my-points:${communityId}`, () =>
    communityId ? api.call('getMyPoints', { params: { communityId }, toast: false }) : Promise.resolve(undefined),
  );
}

/** 成为志愿者; afterwards /me (and with it the token) carries the volunteer role. */
export function useJoinVolunteers(communityId: string) {
  return useMutation(async (showOnStarList: boolean) => {
    const joined = await api.call('joinVolunteers', { params: { communityId }, body: { showOnStarList } });
    await loadMe();
    return joined;
  });
}

export function useActivities(communityId: string) {
  return useLive(`activities:${communityId}`, () =>
    api.call('listActivities', { params: { communityId }, toast: false }),
  );
}

export function useSignUp(communityId: string) {
  return useMutation((activityId: string) => api.call('signUpActivity', { params: { communityId, activityId } }));
}

/** 签到 / 签退 with the code staff show on site. */
export function useScanActivity(communityId: string) {
  return useMutation((code: string) => api.call('scanActivityCode', { params: { communityId }, body: { code } }));
}

export function useMerchants(communityId: string) {
  return useLive(`merchants:${communityId}`, () =>
    api.call('listPointsMerchants', { params: { communityId }, toast: false }),
  );
}

export function useCreateRedemptionCode(communityId: string) {
  return useMutation((body: Body<Routes['createRedemptionCode']>) =>
    api.call('createRedemptionCode', { params: { communityId }, body }),
  );
}

/** Whether the merchant confirmed the code yet (asked every few seconds while the code shows). */
export const redemptionStatus = (communityId: string, codeId: string) =>
  api.call('getRedemption', { params: { communityId, codeId }, toast: false });

export function useStars(communityId: string) {
  return useLive(`stars:${communityId}`, () =>
    api.call('getVolunteerStars', { params: { communityId }, query: {}, toast: false }),
  );
}

// ── merchant ─────────────────────────────────────────────────────────────────

/** 绑定商户 with the invite code; /me is loaded again so the token carries the merchant role. */
export function useBindMerchant() {
  return useMutation(async (inviteCode: string) => {
    const bound = await api.call('bindMerchant', { body: { inviteCode } });
    await loadMe();
    return bound;
  });
}

export function usePreviewRedemption(communityId: string) {
  return useMutation((code: string) => api.call('previewRedemption', { params: { communityId }, body: { code } }));
}

export function useConfirmRedemption(communityId: string) {
  return useMutation((code: string) => api.call('confirmRedemption', { params: { communityId }, body: { code } }));
}

// ── staff ────────────────────────────────────────────────────────────────────

export function useCreateActivity(communityId: string) {
  return useMutation((body: Body<Routes['createActivity']>) =>
    api.call('createActivity', { params: { communityId }, body }),
  );
}

export function useActivitySignups(communityId: string, activityId: string) {
  return useLive(`activity-signups:${activityId}`, () =>
    api.call('listActivitySignups', { params: { communityId, activityId }, toast: false }),
  );
}

export const activityCode = (communityId: string, activityId: string, action: 'in' | 'out') =>
  api.call('getActivityCode', { params: { communityId, activityId }, query: { action }, toast: false });

export function usePendingHours(communityId: string) {
  return useLive(`pending-hours:${communityId}`, () =>
    api.call('listPendingHours', { params: { communityId }, toast: false }),
  );
}

export function useConfirmHours(communityId: string) {
  return useMutation((input: { activityId: string; userId: string; minutes?: number; reason?: string }) =>
    api.call('confirmHours', {
      params: { communityId, activityId: input.activityId, userId: input.userId },
      body: { minutes: input.minutes, reason: input.reason },
    }),
  );
}

export function useVolunteers(communityId: string) {
  return useLive(`volunteers:${communityId}`, () =>
    api.call('listVolunteers', { params: { communityId }, toast: false }),
  );
}

export function useAdjustPoints(communityId: string) {
  return useMutation((body: Body<Routes['adjustPoints']>) =>
    api.call('adjustPoints', { params: { communityId }, body }),
  );
}

export function useReversePosting(communityId: string) {
  return useMutation((input: { postingId: string; reason: string }) =>
    api.call('reversePosting', { params: { communityId, postingId: input.postingId }, body: { reason: input.reason } }),
  );
}

export function useAudit(communityId: string) {
  return useLive(`points-audit:${communityId}`, () =>
    api.call('listAdjustments', { params: { communityId }, toast: false }),
  );
}

export function useVolunteerPoints(communityId: string, userId: string | undefined) {
  return useRequest(`volunteer-points:${userId}`, () =>
    userId
      ? api.call('getVolunteerPoints', { params: { communityId, userId }, toast: false })
      : Promise.resolve(undefined),
  );
}

export function usePointsReport(communityId: string) {
  return useLive(`points-report:${communityId}`, () =>
    api.call('getPointsReport', { params: { communityId }, query: { months: 6 }, toast: false }),
  );
}

export function useCreateMerchant(communityId: string) {
  return useMutation((body: Body<Routes['createMerchant']>) =>
    api.call('createMerchant', { params: { communityId }, body }),
  );
}

export function useUpdateAgreement(communityId: string, merchantId: string) {
  return useMutation((agreement: Body<Routes['updateAgreement']>) =>
    api.call('updateAgreement', { params: { communityId, merchantId }, body: agreement }),
  );
}

export function usePointsSettings(communityId: string) {
  return useRequest(`points-settings:${communityId}`, () =>
    api.call('getPointsSettings', { params: { communityId }, toast: false }),
  );
}

export function useUpdatePointsSettings(communityId: string) {
  return useMutation((pointsPerDelivery: number) =>
    api.call('updatePointsSettings', { params: { communityId }, body: { pointsPerDelivery } }),
  );
}

export function useMonthRedemptions(communityId: string | undefined, month: string | undefined) {
  return useLive(`merchant-redemptions:${communityId}:${month ?? 'now'}`, () =>
    communityId
      ? api.call('listMerchantRedemptions', { params: { communityId }, query: month ? { month } : {}, toast: false })
      : Promise.resolve(undefined),
  );
}

// ── wording ──────────────────────────────────────────────────────────────────

/** 理发一次 · 100 积分 / 10 积分抵 1 元，最多抵 50%. */
export function offerText(offer: Offer): string {
  if (offer.kind === 'fixed') return `${offer.title} · ${offer.points} 积分`;
  const rule = `${offer.pointsPerYuan} 积分抵 1 元，每单最多抵 ${offer.maxSharePercent}%`;
  // A title that already states the rule (as staff often write it) is not repeated.
  return offer.title.includes(rule) ? offer.title : `${offer.title}（${rule}）`;
}

export const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;

export const SIGNUP_LABELS: Record<Signup['status'], string> = {
  signed_up: '已报名',
  checked_in: '已签到',
  checked_out: '已签退，待确认',
  confirmed: '时长已确认',
};
