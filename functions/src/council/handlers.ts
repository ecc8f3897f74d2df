import { councilRoutes } from '@linli/shared/contract/council';
import { defineDomain } from '../platform/lambda-router';
import * as council from './service';

export const councilDomain = defineDomain(
  'council',
  councilRoutes,
)({
  listVenues: async ({ params }) => council.listVenues(params.communityId),
  createVenue: async ({ params, body }) => council.createVenue(params.communityId, body),
  updateVenue: async ({ params, body }) => council.updateVenue(params.communityId, params.venueId, body),
  createSession: async ({ principal, params, body }) => council.scheduleSession(principal, params.communityId, body),
  cancelSession: async ({ params, body }) => council.cancelSession(params.communityId, params.sessionId, body.reason),
  listSessions: async ({ principal, onBehalfOf, params, query }) =>
    council.listSessions(principal, onBehalfOf, params.communityId, query.when ?? 'upcoming'),
  getSession: async ({ principal, onBehalfOf, params }) =>
    council.getSessionDetail(principal, onBehalfOf, params.communityId, params.sessionId),
  bookSeat: async ({ principal, onBehalfOf, params }) =>
    council.bookSeat(principal, onBehalfOf, params.communityId, params.sessionId),
  cancelBooking: async ({ principal, onBehalfOf, params }) =>
    council.cancelBooking(principal, onBehalfOf, params.communityId, params.sessionId),
  listMyBookings: async ({ principal, onBehalfOf }) => council.listMyBookings(principal, onBehalfOf),
  listAttendees: async ({ params }) => council.listAttendees(params.communityId, params.sessionId),
  exportAttendees: async ({ params }) => council.exportAttendees(params.communityId, params.sessionId),
  checkIn: async ({ principal, params, body }) =>
    council.checkIn(principal, params.communityId, params.sessionId, body.code),
});
