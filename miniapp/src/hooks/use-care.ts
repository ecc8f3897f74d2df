import type { Body, Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { loadMe } from '../services/me';
import { useReloadOnShow } from './use-council';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type WishWall = Reply<Routes['getWishWall']>;
export type Wish = WishWall['wishes'][number];
export type WishStatus = Wish['status'];
export type WishDetail = Reply<Routes['getWish']>;
export type WishInput = Body<Routes['postWish']>;
export type WishQueue = Reply<Routes['listWishQueue']>;
export type WishQueueRow = WishQueue['rows'][number];
export type WishOverview = Reply<Routes['getWishOverview']>;
export type CareSettings = Reply<Routes['getCareSettings']>;
export type PartnerUnit = Reply<Routes['listPartnerUnits']>['partners'][number];
export type PartnerInput = Body<Routes['createPartnerUnit']>;
export type TaggedMember = Reply<Routes['listTaggedMembers']>['members'][number];
export type MemberTag = TaggedMember['tags'][number];

/** 心愿墙 of a community, with the wishes I may claim now. */
export function useWishWall(communityId: string) {
  const request = useRequest<WishWall>(`wish-wall:${communityId}`, () =>
    api.call('getWishWall', { params: { communityId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 我的心愿: mine, or those of the member I act for (the client sends X-Acting-For; `actingId` keys the reload). */
export function useMyWishes(actingId: string | undefined) {
  const request = useRequest<{ wishes: Wish[] }>(`my-wishes:${actingId ?? 'self'}`, () =>
    api.call('listMyWishes', { toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** One wish with its timeline and what I may do with it. */
export function useWishDetail(communityId: string, wishId: string, actingId: string | undefined) {
  const request = useRequest<WishDetail>(`wish:${communityId}:${wishId}:${actingId ?? 'self'}`, () =>
    api.call('getWish', { params: { communityId, wishId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 我认领的: what I (or my partner unit) claimed. */
export function useMyClaims(communityId: string) {
  const request = useRequest<{ wishes: Wish[] }>(`my-claims:${communityId}`, () =>
    api.call('listMyClaims', { params: { communityId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

export function usePostWish(communityId: string) {
  return useMutation((body: WishInput) => api.call('postWish', { params: { communityId }, body }));
}

/** Every step a wisher's side or a claimer takes on one wish; each resolves with the wish as it now is. */
export function useWishSteps(communityId: string, wishId: string) {
  const params = { communityId, wishId };
  return {
    claim: useMutation((_: void) => api.call('claimWish', { params })),
    release: useMutation((reason: string | undefined) => api.call('releaseWish', { params, body: { reason } })),
    deliver: useMutation((body: { note: string; photoId?: string }) => api.call('deliverWish', { params, body })),
    confirm: useMutation((_: void) => api.call('confirmWish', { params })),
    withdraw: useMutation((_: void) => api.call('withdrawWish', { params })),
  };
}

/** 认领 from the wall, for any wish there. */
export function useClaimWish(communityId: string) {
  return useMutation((wishId: string) => api.call('claimWish', { params: { communityId, wishId } }));
}

/** Binds a partner unit's operator with the unit's invite code, then reloads /me for the new role. */
export function useBindPartner() {
  return useMutation(async (inviteCode: string) => {
    const bound = await api.call('bindPartnerUnit', { body: { inviteCode } });
    await loadMe();
    return bound;
  });
}

// ── staff ────────────────────────────────────────────────────────────────────

export type QueueStatus = 'pending_review' | 'open' | 'claimed' | 'delivered' | 'fulfilled';

export function useWishQueue(communityId: string, status: QueueStatus) {
  const request = useRequest<WishQueue>(`wish-queue:${communityId}:${status}`, () =>
    api.call('listWishQueue', { params: { communityId }, query: { status }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

export function useWishReview(communityId: string, wishId: string) {
  const params = { communityId, wishId };
  return {
    approve: useMutation((body: { text?: string; partnerId?: string; note?: string }) =>
      api.call('approveWish', { params, body }),
    ),
    decline: useMutation((reason: string) => api.call('declineWish', { params, body: { reason } })),
  };
}

export function useWishOverview(communityId: string, year?: string) {
  const request = useRequest<WishOverview>(`wish-overview:${communityId}:${year ?? 'now'}`, () =>
    api.call('getWishOverview', { params: { communityId }, query: year ? { year } : {}, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

export function useCareSettings(communityId: string) {
  return useRequest<CareSettings>(`care-settings:${communityId}`, () =>
    api.call('getCareSettings', { params: { communityId }, toast: false }),
  );
}

export function useSaveCareSettings(communityId: string) {
  return useMutation((body: CareSettings) => api.call('updateCareSettings', { params: { communityId }, body }));
}

export function usePartnerUnits(communityId: string) {
  return useRequest<{ partners: PartnerUnit[] }>(`partner-units:${communityId}`, () =>
    api.call('listPartnerUnits', { params: { communityId }, toast: false }),
  );
}

export function useCreatePartnerUnit(communityId: string) {
  return useMutation((body: PartnerInput) => api.call('createPartnerUnit', { params: { communityId }, body }));
}

export function useTaggedMembers(communityId: string) {
  return useRequest<{ members: TaggedMember[] }>(`member-tags:${communityId}`, () =>
    api.call('listTaggedMembers', { params: { communityId }, toast: false }),
  );
}

export function useSetMemberTags(communityId: string) {
  return useMutation(({ memberId, tags }: { memberId: string; tags: MemberTag[] }) =>
    api.call('setMemberTags', { params: { communityId, memberId }, body: { tags } }),
  );
}
