import { IDENTITY_ERRORS } from '@linli/shared/domain/identity/errors';
import { COUNCIL_ERRORS } from '@linli/shared/domain/council/errors';
import { councilRoutes } from '@linli/shared/contract/council';
import { resolveActingSubject } from '../identity';
import { defineDomain } from '../platform/lambda-router';
import * as attendance from './attendance';
import * as bookings from './bookings';
import * as sessions from './sessions';
import * as venues from './venues';

export const councilDomain = defineDomain('council', councilRoutes, {
  errorTables: [IDENTITY_ERRORS, COUNCIL_ERRORS],
  actingFor: resolveActingSubject,
  // Reads, then one transaction that holds the booking and its answer.
  answeredInTransaction: ['bookSeat'],
})({
  listVenues: async ({ params }) => venues.listVenues(params.communityId),
  createVenue: async ({ params, body }) => venues.createVenue(params.communityId, body),
  updateVenue: async ({ params, body }) => venues.updateVenue(params.communityId, params.venueId, body),
  createSession: async ({ principal, params, body }) => sessions.scheduleSession(principal, params.communityId, body),
  cancelSession: async ({ params, body }) => sessions.cancelSession(params.communityId, params.sessionId, body.reason),
  listSessions: async ({ principal, onBehalfOf, params, query }) =>
    sessions.listSessions(principal, onBehalfOf, params.communityId, query.when ?? 'upcoming'),
  getSession: async ({ principal, onBehalfOf, params }) =>
    sessions.getSessionDetail(principal, onBehalfOf, params.communityId, params.sessionId),
  bookSeat: async ({ principal, onBehalfOf, params }) =>
    bookings.bookSeat(principal, onBehalfOf, params.communityId, params.sessionId),
  cancelBooking: async ({ principal, onBehalfOf, params }) =>
    bookings.cancelBooking(principal, onBehalfOf, params.communityId, params.sessionId),
  listMyBookings: async ({ principal, onBehalfOf }) => bookings.listMyBookings(principal, onBehalfOf),
  listAttendees: async ({ params }) => attendance.listAttendees(params.communityId, params.sessionId),
  exportAttendees: async ({ params }) => attendance.exportAttendees(params.communityId, params.sessionId),
  checkIn: async ({ principal, params, body }) =>
    attendance.checkIn(principal, params.communityId, params.sessionId, body.code),
});
