/**
 * Points credits from the outbox: its own filtered event source, so a failing notifier never
 * delays a credit, nor the reverse. Idempotent on the order: a replay posts nothing.
 */
import type { CanteenEvent } from '../canteen';
import { outboxConsumer } from '../platform/outbox-consumer';
import { creditDelivery } from './adjustments';
import { pointsCredits } from './subscription';

type Confirmed = Extract<CanteenEvent, { type: 'canteen.delivery_confirmed' }>;

export const handler = outboxConsumer<Confirmed>(pointsCredits, ({ payload }) => creditDelivery(payload));
