/** The canteen feature's public face: what other features may use of it. */
export type { CanteenEvent } from './events';
export { cancelOrder } from './ordering';
export { mealMonthFigures } from './figures';
export { missedMealsOn, type MissedMeal } from './missed-meals';
export { canteenPlans } from './notify-plans';
