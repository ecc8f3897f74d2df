/**
 * Keys, type tags and item builders of the notification entities, declared once; no I/O. The
 * unread counter (Inbox) and template consent (Consent) are written by UpdateItem, which sets
 * their tag.
 */
import { partition } from '../table';
import type { MessageRecord } from './repository';

type Item = Record<string, unknown>;

export const notifyTypes = ['Message', 'Inbox', 'Consent', 'Delivery'] as const;
export type NotifyType = (typeof notifyTypes)[number];

export const notifyKey = {
  message: (userId: string, messageId: string) => ({ pk: partition.user(userId), sk: `MSG#${messageId}` }),
  messagePrefix: 'MSG#',
  /** A user's unread count (AP27). */
  inbox: (userId: string) => ({ pk: partition.user(userId), sk: 'INBOX' }),
  /** A user's remaining sends of one WeChat template (AP28). */
  consent: (userId: string, template: string) => ({ pk: partition.user(userId), sk: `CONSENT#${template}` }),
  consentPrefix: 'CONSENT#',
  /** A community's sends of one Shanghai day (AP29). */
  deliveryDay: (communityId: string, day: string) => `DELIVERY#${communityId}#${day}`,
  /** One send of an event to a user on a channel, kept once per Shanghai day (AP29). */
  delivery: (communityId: string, day: string, eventId: string, userId: string, channel: 'inapp' | 'wechat') => ({
    pk: notifyKey.deliveryDay(communityId, day),
    sk: `${eventId}#${userId}#${channel}`,
  }),
} as const;

/** A send's record; its existence keeps a redelivered stream record from sending twice (30 days). */
export const deliveryItem = (
  d: { communityId: string; day: string; eventId: string; userId: string; channel: 'inapp' | 'wechat' },
  status: string,
  at: string,
): Item => ({
  ...notifyKey.delivery(d.communityId, d.day, d.eventId, d.userId, d.channel),
  type: 'Delivery',
  channel: d.channel,
  status,
  at,
  expiresAt: Math.floor(Date.parse(at) / 1000) + 30 * 86_400,
});

export const messageItem = (m: MessageRecord): Item => ({
  ...notifyKey.message(m.userId, m.messageId),
  type: 'Message',
  ...m,
});
