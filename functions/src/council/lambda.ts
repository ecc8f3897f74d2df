import { councilDomain } from './handlers';

/** Lambda entry for the council domain (venues, sessions, bookings, check-in). */
export const handler = councilDomain.handler;
