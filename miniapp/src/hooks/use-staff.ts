import type { Body, Query, Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type ReviewStatus = NonNullable<Query<Routes['listApplications']>['status']>;
export type Applications = Reply<Routes['listApplications']>;
export type Application = Applications['items'][number];
export type DependentLinks = Reply<Routes['listDependentLinks']>;
export type DependentLink = DependentLinks['items'][number];
export type Decision = Body<Routes['decideApplication']>;
export type MemberRegistration = Body<Routes['registerMember']>;
export type Members = Reply<Routes['listMembers']>;

/** 居民认证审核 queue of a community, oldest first. */
export function useApplicationQueue(communityId: string, status: ReviewStatus) {
  return useRequest<Applications>(`applications:${communityId}:${status}`, () =>
    api.call('listApplications', { params: { communityId }, query: { status }, toast: false }),
  );
}

/** An applicant's full number, asked for on the tap that rings it (each reveal is recorded). */
export const revealApplicantPhone = (communityId: string, applicationId: string) =>
  api.call('revealApplicantPhone', { params: { communityId, applicationId } });

export function useDecideApplication(communityId: string) {
  return useMutation((input: { applicationId: string; decision: Decision }) =>
    api.call('decideApplication', {
      params: { communityId, applicationId: input.applicationId },
      body: input.decision,
    }),
  );
}

/** 代办绑定确认 queue of a community. */
export function useLinkQueue(communityId: string, status: ReviewStatus) {
  return useRequest<DependentLinks>(`links:${communityId}:${status}`, () =>
    api.call('listDependentLinks', { params: { communityId }, query: { status }, toast: false }),
  );
}

export function useDecideLink(communityId: string) {
  return useMutation((input: { linkId: string; decision: Decision }) =>
    api.call('decideDependentLink', { params: { communityId, linkId: input.linkId }, body: input.decision }),
  );
}

/** 为无微信居民建档 (POST /community/:communityId/members). */
export function useRegisterMember(communityId: string) {
  return useMutation((body: MemberRegistration) => api.call('registerMember', { params: { communityId }, body }));
}

/** 居民档案, optionally of one building. */
export function useMembers(communityId: string, buildingId: string | undefined) {
  return useRequest<Members>(`members:${communityId}:${buildingId ?? 'all'}`, () =>
    api.call('listMembers', {
      params: { communityId },
      query: buildingId ? { buildingId } : {},
      toast: false,
    }),
  );
}
