import type { Subscription } from '../platform/outbox-consumer';

/** The points ledger credits the volunteer of each confirmed canteen delivery and each fulfilled 微心愿. */
export const pointsCredits: Subscription<'canteen.delivery_confirmed' | 'care.wish_fulfilled'> = {
  name: 'points-credits',
  types: ['canteen.delivery_confirmed', 'care.wish_fulfilled'],
};
