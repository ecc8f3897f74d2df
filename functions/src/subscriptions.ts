/**
 * Every outbox subscriber: its declaration and its Lambda entry. The CDK app gives each its own
 * filtered event source and dead-letter queue; the local stack runs one stream poller each.
 * Adding a subscriber is one line here.
 */
import { join } from 'node:path';
import { notifications } from './notify/subscription';
import type { Subscription } from './platform/outbox-consumer';
import { pointsCredits } from './points/subscription';

export interface SubscriberEntry extends Subscription {
  entry: string;
  description: string;
}

export const subscriptions: readonly SubscriberEntry[] = [
  {
    ...notifications,
    entry: join(__dirname, 'notify', 'stream-lambda.ts'),
    description: 'Linli notifier: outbox events → messages',
  },
  {
    ...pointsCredits,
    entry: join(__dirname, 'points', 'stream-lambda.ts'),
    description: 'Linli points: volunteer credits from confirmed deliveries and fulfilled wishes',
  },
];
