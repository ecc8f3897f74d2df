import type { Body, Query, Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { useReloadOnShow } from './use-council';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type TopicList = Reply<Routes['listOpenTopics']>;
export type Topic = TopicList['topics'][number];
export type TopicDetail = Reply<Routes['getTopic']>;
export type TopicInput = Body<Routes['submitTopic']>;
export type TopicQueue = Reply<Routes['listTopicQueue']>;
export type QueueStatus = NonNullable<Query<Routes['listTopicQueue']>['status']>;
export type ActionInput = Body<Routes['addTopicActions']>['actions'][number];
export type Tally = NonNullable<Body<Routes['decideTopic']>['tally']>;

/**
 * Open topics in my scope (or the scope of whom I act for: the client sends X-Acting-For, so
 * `actingId` is in the key only to load again when it changes).
 */
export function useOpenTopics(communityId: string, actingId: string | undefined) {
  const request = useRequest<TopicList>(`open-topics:${communityId}:${actingId ?? 'self'}`, () =>
    api.call('listOpenTopics', { params: { communityId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 我的议题: topics I (or the member I act for) raised, newest first. */
export function useMyTopics(actingId: string | undefined) {
  const request = useRequest<TopicList>(`my-topics:${actingId ?? 'self'}`, () =>
    api.call('listMyTopics', { toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** One topic with its timeline, and what I may do with it. */
export function useTopicDetail(communityId: string, topicId: string, actingId: string | undefined) {
  const request = useRequest<TopicDetail>(`topic:${communityId}:${topicId}:${actingId ?? 'self'}`, () =>
    api.call('getTopic', { params: { communityId, topicId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 晒事栏: finished topics of the community. */
export function useTopicBoard(communityId: string) {
  const request = useRequest<TopicList>(`topic-board:${communityId}`, () =>
    api.call('getTopicBoard', { params: { communityId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** The agenda of a council session. */
export function useSessionTopics(communityId: string, sessionId: string) {
  return useRequest<TopicList>(`session-topics:${communityId}:${sessionId}`, () =>
    api.call('listSessionTopics', { params: { communityId, sessionId }, toast: false }),
  );
}

export function useSubmitTopic(communityId: string) {
  return useMutation((body: TopicInput) => api.call('submitTopic', { params: { communityId }, body }));
}

export function useWithdrawTopic(communityId: string, topicId: string) {
  return useMutation((_: void) => api.call('withdrawTopic', { params: { communityId, topicId } }));
}

export function useCosignTopic(communityId: string, topicId: string) {
  return useMutation((_: void) => api.call('cosignTopic', { params: { communityId, topicId } }));
}

export function useRateTopic(communityId: string, topicId: string) {
  return useMutation((body: { stars: number; comment?: string }) =>
    api.call('rateTopic', { params: { communityId, topicId }, body }),
  );
}

// ── staff ────────────────────────────────────────────────────────────────────

/** The queue of one status, oldest first (已办结 newest first), with reply templates. */
export function useTopicQueue(communityId: string, status: QueueStatus) {
  const request = useRequest<TopicQueue>(`topic-queue:${communityId}:${status}`, () =>
    api.call('listTopicQueue', { params: { communityId }, query: { status }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** Every staff step on one topic; each resolves with the topic as it now is, or undefined. */
export function useTopicSteps(communityId: string, topicId: string) {
  const params = { communityId, topicId };
  return {
    approve: useMutation((note: string | undefined) => api.call('approveTopic', { params, body: { note } })),
    reject: useMutation((reason: string) => api.call('rejectTopic', { params, body: { reason } })),
    merge: useMutation((body: { intoTopicId: string; note?: string }) => api.call('mergeTopic', { params, body })),
    schedule: useMutation((sessionId: string) => api.call('scheduleTopic', { params, body: { sessionId } })),
    decide: useMutation((body: { text: string; tally?: Tally }) => api.call('decideTopic', { params, body })),
    addActions: useMutation((actions: ActionInput[]) => api.call('addTopicActions', { params, body: { actions } })),
    progress: useMutation((note: string) => api.call('progressTopic', { params, body: { note } })),
    finish: useMutation((note: string | undefined) => api.call('finishTopic', { params, body: { note } })),
  };
}
