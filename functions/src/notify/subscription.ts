import type { Subscription } from '../platform/outbox-consumer';

/** The notifier turns every outbox event into in-app and WeChat messages (its plans decide whom). */
export const notifications: Subscription = { name: 'notifier' };
