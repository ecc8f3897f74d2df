/** Grid workers' care visits (网格敲门): the grid worker's pages and the staff's grid pages. */
import type { Body, Reply, Routes } from '@linli/shared/contract';
import type { Me } from '../services/me';
import { api } from '../services/api';
import { useReloadOnShow } from './use-council';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type MyGrids = Reply<Routes['listMyGrids']>;
export type GridPeople = Reply<Routes['listGridPeople']>;
export type GridPerson = GridPeople['people'][number];
export type GridPersonCard = Reply<Routes['getGridPerson']>;
export type VisitInput = Body<Routes['recordVisit']>;
export type GridWorkers = Reply<Routes['listGridWorkers']>;
export type VisitIntervals = Reply<Routes['getVisitIntervals']>['intervals'];

/** The community a signed-in grid worker works in (their first grid grant's), if any. */
export function gridCommunityOf(me: Me | undefined): string | undefined {
  return me?.grants.find((g) => g.role === 'grid' && g.communityId)?.communityId;
}

export function useMyGrids(communityId: string) {
  const request = useRequest<MyGrids>(`my-grids:${communityId}`, () =>
    api.call('listMyGrids', { params: { communityId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

export function useGridPeople(communityId: string, gridId: string | undefined) {
  const request = useRequest<GridPeople | undefined>(`grid-people:${communityId}:${gridId ?? ''}`, () =>
    gridId ? api.call('listGridPeople', { params: { communityId, gridId }, toast: false }) : Promise.resolve(undefined),
  );
  useReloadOnShow(request.reload);
  return request;
}

export function useGridPerson(communityId: string, memberId: string) {
  const request = useRequest<GridPersonCard>(`grid-person:${communityId}:${memberId}`, () =>
    api.call('getGridPerson', { params: { communityId, memberId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

export function useRecordVisit(communityId: string, memberId: string) {
  return useMutation((body: VisitInput) => api.call('recordVisit', { params: { communityId, memberId }, body }));
}

export function useCommunityOverdue(communityId: string) {
  const request = useRequest<Reply<Routes['listCommunityOverdue']>>(`visit-overdue:${communityId}`, () =>
    api.call('listCommunityOverdue', { params: { communityId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

export function useGridWorkers(communityId: string) {
  const request = useRequest<GridWorkers>(`grid-workers:${communityId}`, () =>
    api.call('listGridWorkers', { params: { communityId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

export function useAppointGridWorker(communityId: string) {
  return useMutation((body: Body<Routes['appointGridWorker']>) =>
    api.call('appointGridWorker', { params: { communityId }, body }),
  );
}

export function useRemoveGridWorker(communityId: string) {
  return useMutation((userId: string) => api.call('removeGridWorker', { params: { communityId, userId } }));
}

export function useVisitIntervals(communityId: string) {
  return useRequest<Reply<Routes['getVisitIntervals']>>(`visit-intervals:${communityId}`, () =>
    api.call('getVisitIntervals', { params: { communityId }, toast: false }),
  );
}

export function useSaveVisitIntervals(communityId: string) {
  return useMutation((intervals: VisitIntervals) =>
    api.call('updateVisitIntervals', { params: { communityId }, body: { intervals } }),
  );
}
