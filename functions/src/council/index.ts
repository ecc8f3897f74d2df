/** The council feature's public face: what other features may use of it. */
export type { CouncilEvent } from './events';
export { getSession, listSessionBookings } from './repository';
export { cancelBooking } from './bookings';
export { councilMonthFigures } from './figures';
export { councilPlans } from './notify-plans';
