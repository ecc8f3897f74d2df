import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { Reply, Routes } from '@linli/shared/contract';
import type { ActingFor } from '../services/acting-for';
import { api } from '../services/api';
import { staffCommunityOf } from '../services/me';
import { useActingFor } from './use-acting-for';
import { useCommunity } from './use-community';
import { useMe, type Me, type UseMe } from './use-me';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';
import { currentCommunityOf } from '../services/current-community';

/** Building id → name (1号楼) of a community, for the audience of a session; empty until loaded. */
export function useBuildingNames(communityId: string | undefined): Record<string, string> {
  const community = useCommunity(communityId);
  const names: Record<string, string> = {};
  for (const grid of community.data?.grids ?? []) for (const b of grid.buildings) names[b.id] = b.name;
  return names;
}

export type SessionList = Reply<Routes['listSessions']>;
export type SessionDetail = Reply<Routes['getSession']>;
export type MyBookings = Reply<Routes['listMyBookings']>;

/**
 * Runs `reload` each time the page shows again (not the first time: the request has just run).
 * Tab pages stay mounted, and a page we return to should show what changed meanwhile.
 */
export function useReloadOnShow(reload: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
}

/**
 * Upcoming sessions for me, or for the member I act for (代办: the client sends X-Acting-For, so
 * `actingId` is in the key only to load again when it changes). Nothing loads while disabled.
 */
export function useUpcomingSessions(communityId: string | undefined, actingId: string | undefined) {
  const request = useRequest<SessionList | undefined>(`sessions:${communityId}:${actingId ?? 'self'}`, () =>
    communityId
      ? api.call('listSessions', { params: { communityId }, query: { when: 'upcoming' }, toast: false })
      : Promise.resolve(undefined),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 我的预约 of me or of the member I act for: upcoming first, then past. */
export function useMyBookings(enabled: boolean, actingId: string | undefined) {
  const request = useRequest<MyBookings | undefined>(`my-bookings:${enabled}:${actingId ?? 'self'}`, () =>
    enabled ? api.call('listMyBookings', { toast: false }) : Promise.resolve(undefined),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** One session with my booking (or the acted-for member's) and why I cannot book, if I cannot. */
export function useSessionDetail(communityId: string, sessionId: string, actingId: string | undefined) {
  const request = useRequest<SessionDetail>(`session:${communityId}:${sessionId}:${actingId ?? 'self'}`, () =>
    api.call('getSession', { params: { communityId, sessionId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 预约座位 / 加入候补; resolves with the booking (booked, or waitlisted with its position). */
export function useBookSeat(communityId: string, sessionId: string) {
  return useMutation((_: void) => api.call('bookSeat', { params: { communityId, sessionId } }));
}

/** 取消预约 / 取消候补 (until the session's cutoff). */
export function useCancelBooking(communityId: string, sessionId: string) {
  return useMutation((_: void) => api.call('cancelBooking', { params: { communityId, sessionId } }));
}

/** Who is looking at 议事, which decides what the page can show. */
export type CouncilViewer =
  | { kind: 'signed-out' }
  | { kind: 'loading'; state: UseMe }
  /** Signed in but neither a verified resident nor staff, and acting for nobody. */
  | { kind: 'not-member'; me: Me }
  /** A resident, or anyone acting for a member (代办): seats can be booked. */
  | { kind: 'member'; communityId: string; acting: ActingFor | null }
  /** Staff acting for nobody: every session of their community, no bookings of their own. */
  | { kind: 'staff'; communityId: string };

/** Sorts the signed-in person (and whom they act for) into a CouncilViewer. */
export function useCouncilViewer(): CouncilViewer {
  const state = useMe();
  const { acting } = useActingFor();
  const me = state.me;
  if (!state.signedIn) return { kind: 'signed-out' };
  if (!me) return { kind: 'loading', state };
  const current = currentCommunityOf(me);
  const staffCommunity = staffCommunityOf(me, current);
  if (acting) {
    const link = me.dependents.find((l) => l.dependent.memberId === acting.memberId);
    const communityId = link?.communityId ?? me.member?.communityId ?? staffCommunity ?? current ?? '';
    return { kind: 'member', communityId, acting };
  }
  if (me.member) return { kind: 'member', communityId: me.member.communityId, acting: null };
  if (staffCommunity) return { kind: 'staff', communityId: staffCommunity };
  return { kind: 'not-member', me };
}
