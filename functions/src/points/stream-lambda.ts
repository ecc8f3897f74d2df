/**
 * Points credits from the outbox: its own filtered event source, so a failing notifier never
 * delays a credit, nor the reverse. Idempotent on the order or the wish: a replay posts nothing.
 */
import type { CanteenEvent } from '../canteen';
import type { CareEvent } from '../care';
import { outboxConsumer } from '../platform/outbox-consumer';
import { creditDelivery, creditWish } from './adjustments';
import { pointsCredits } from './subscription';

type Credited =
  Extract<CanteenEvent, { type: 'canteen.delivery_confirmed' }> | Extract<CareEvent, { type: 'care.wish_fulfilled' }>;

export const handler = outboxConsumer<Credited>(pointsCredits, ({ payload }) =>
  payload.type === 'care.wish_fulfilled' ? creditWish(payload) : creditDelivery(payload),
);
