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
  updateVenue: async ({ params, body }) => venues.updateVenue(params, body),
  createSession: async ({ principal, params, body }) => sessions.scheduleSession(principal, params.communityId, body),
  cancelSession: async ({ params, body }) => sessions.cancelSession(params, body),
  listSessions: async (request) =>
    sessions.listSessions(request, request.params.communityId, request.query.when ?? 'upcoming'),
  getSession: async (request) => sessions.getSessionDetail(request, request.params),
  bookSeat: async (request) => bookings.bookSeat(request, request.params),
  cancelBooking: async (request) => bookings.cancelBooking(request, request.params),
  listMyBookings: async (request) => bookings.listMyBookings(request),
  listAttendees: async ({ params }) => attendance.listAttendees(params),
  exportAttendees: async ({ params }) => attendance.exportAttendees(params),
  checkIn: async ({ principal, params, body }) => attendance.checkIn(principal, params, body),
});
