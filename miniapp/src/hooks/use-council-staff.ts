import type { Body, Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { startActingFor } from '../services/acting-for';
import { sessionUserId } from '../services/session';
import { useReloadOnShow } from './use-council';
import { useMutation } from './use-mutation';
import { useRequest } from './use-request';

export type Venues = Reply<Routes['listVenues']>;
export type Venue = Venues['venues'][number];
export type VenueInput = Body<Routes['createVenue']>;
export type ScheduleInput = Body<Routes['createSession']>;
export type Attendees = Reply<Routes['listAttendees']>;
export type Attendee = Attendees['attendees'][number];
export type StaffSessions = Reply<Routes['listSessions']>;

/** 议事场所 of a community, by name. */
export function useVenues(communityId: string) {
  const request = useRequest<Venues>(`venues:${communityId}`, () =>
    api.call('listVenues', { params: { communityId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 新增 or 修改 a venue: with a venueId it updates that venue. */
export function useSaveVenue(communityId: string) {
  return useMutation((input: { venueId?: string; body: VenueInput }) =>
    input.venueId
      ? api.call('updateVenue', { params: { communityId, venueId: input.venueId }, body: input.body })
      : api.call('createVenue', { params: { communityId }, body: input.body }),
  );
}

/** Every session of the community that has not started yet (upcoming) or has (past, newest first). */
export function useStaffSessions(communityId: string, when: 'upcoming' | 'past') {
  const request = useRequest<StaffSessions>(`staff-sessions:${communityId}:${when}`, () =>
    api.call('listSessions', { params: { communityId }, query: { when }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 安排议事会 (POST /community/:communityId/sessions). */
export function useScheduleSession(communityId: string) {
  return useMutation((body: ScheduleInput) => api.call('createSession', { params: { communityId }, body }));
}

/** 参会名单: the session with every booking that was not cancelled, checked-in first. */
export function useAttendees(communityId: string, sessionId: string) {
  const request = useRequest<Attendees>(`attendees:${communityId}:${sessionId}`, () =>
    api.call('listAttendees', { params: { communityId, sessionId }, toast: false }),
  );
  useReloadOnShow(request.reload);
  return request;
}

/** 签到 with a scanned QR text or a typed 6-character code; the server's Chinese error is toasted. */
export function useCheckIn(communityId: string, sessionId: string) {
  return useMutation((code: string) => api.call('checkIn', { params: { communityId, sessionId }, body: { code } }));
}

/** 导出名单: the attendee list as CSV and the file name it should have. */
export function useExportAttendees(communityId: string, sessionId: string) {
  return useMutation((_: void) => api.call('exportAttendees', { params: { communityId, sessionId } }));
}

/** 取消议事会 with the reason residents are told. */
export function useCancelSession(communityId: string, sessionId: string) {
  return useMutation((reason: string) =>
    api.call('cancelSession', { params: { communityId, sessionId }, body: { reason } }),
  );
}

/**
 * Staff begin acting for a member of their community (代办), to book a seat for someone without
 * WeChat on the ordinary session page; the server checks the staff role on every request.
 */
export function actForMember(member: { memberId: string; realName: string; age: number }): boolean {
  const userId = sessionUserId();
  if (!userId) return false;
  startActingFor({ memberId: member.memberId, realName: member.realName, age: member.age, userId, via: 'staff' });
  return true;
}
