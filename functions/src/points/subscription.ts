import type { Subscription } from '../platform/outbox-consumer';

/** The points ledger credits the volunteer of each confirmed canteen delivery. */
export const pointsCredits: Subscription<'canteen.delivery_confirmed'> = {
  name: 'points-credits',
  types: ['canteen.delivery_confirmed'],
};
