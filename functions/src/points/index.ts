/** The points feature's public face: what other features and the stream consumer may use of it. */
export { creditDelivery, creditWish } from './adjustments';
export { pointsMonthFigures } from './figures';
export { pointsPlans } from './notify-plans';
