import type { Body, Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { useReloadOnShow } from './use-council';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type Need = Reply<Routes['postNeed']>;
export type NeedStatus = Need['status'];
export type NeedDetail = Reply<Routes['getNeed']>;
export type NeedInput = Body<Routes['postNeed']>;
export type AssigneeOption = Reply<Routes['listNeedAssignees']>['options'][number];
export type DispatchInput = Body<Routes['dispatchNeed']>;

/** 我的求助: mine, or those of the member I act for (`actingId` keys the reload). */
export function useMyNeeds(actingId: string | undefined) {
  const request = useRequest<{ needs: Need[] }>(`my-needs:${actingId ?? 'self'}`, () =>
    api.call('listMyNeeds', { toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** One need with its timeline and what I may do with it. */
export function useNeedDetail(communityId: string, needId: string, actingId: string | undefined) {
  const request = useRequest<NeedDetail>(`need:${communityId}:${needId}:${actingId ?? 'self'}`, () =>
    api.call('getNeed', { params: { communityId, needId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 我的任务: needs dispatched to me or my partner unit. */
export function useMyNeedTasks(communityId: string) {
  const request = useRequest<{ needs: Need[] }>(`need-tasks:${communityId}`, () =>
    api.call('listMyNeedTasks', { params: { communityId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 派单台: open needs (overdue first) or one state. */
export function useNeedBoard(communityId: string, status: NeedStatus | 'open') {
  const request = useRequest<{ needs: Need[] }>(`need-board:${communityId}:${status}`, () =>
    api.call('listNeedBoard', { params: { communityId }, query: { status }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

export function useNeedAssignees(communityId: string) {
  return useRequest<{ options: AssigneeOption[] }>(`need-assignees:${communityId}`, () =>
    api.call('listNeedAssignees', { params: { communityId }, toast: false }),
  );
}

export function usePostNeed(communityId: string) {
  return useMutation((body: NeedInput) => api.call('postNeed', { params: { communityId }, body }));
}

/** Every step on one need; each resolves with the need as it now is. */
export function useNeedSteps(communityId: string, needId: string) {
  const params = { communityId, needId };
  return {
    dispatch: useMutation((body: DispatchInput) => api.call('dispatchNeed', { params, body })),
    accept: useMutation((_: void) => api.call('acceptNeed', { params })),
    decline: useMutation((reason: string) => api.call('declineNeed', { params, body: { reason } })),
    finish: useMutation((note: string) => api.call('finishNeed', { params, body: { note } })),
    rate: useMutation((body: { stars: number; comment?: string }) => api.call('rateNeed', { params, body })),
    cancel: useMutation((_: void) => api.call('cancelNeed', { params, body: {} })),
    refer: useMutation((body: Body<Routes['referNeedToAgenda']>) => api.call('referNeedToAgenda', { params, body })),
  };
}
