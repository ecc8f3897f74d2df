import * as z from 'zod/mini';
import { Id, IsoTime, communityParams } from './common';
import { defineRoute, lazy, type Infer } from './route';

/** WeChat subscribe-message templates Linli asks consent for, by what they announce. */
export const TEMPLATE_KEYS = ['seat', 'council', 'topic', 'meal', 'points'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** What each template tells a person, as 我的 lists it. */
export const TEMPLATE_LABELS: Record<TemplateKey, string> = {
  seat: '议事会座位与候补',
  council: '议事会提醒与取消',
  topic: '议题办理进展',
  meal: '订餐与送餐',
  points: '积分到账与兑换',
};

/** WeChat lets one tap ask for at most three templates. */
export const MAX_TEMPLATES_PER_TAP = 3;

/** The templates asked for inside the tap that leads to them (≤ 3 each, as WeChat allows). */
export const CONSENT_FOR_TAP = {
  booking: ['seat', 'council'],
  topic: ['topic'],
  ordering: ['meal'],
  signup: ['points', 'council'],
  redeeming: ['points'],
} as const satisfies Record<string, readonly TemplateKey[]>;

export const Message = lazy(() =>
  z.object({
    messageId: Id(),
    title: z.string(),
    body: z.string(),
    /** Mini-program page the message is about, e.g. /packages/council/session/index?id=… */
    link: z.optional(z.string()),
    createdAt: IsoTime(),
    readAt: z.optional(IsoTime()),
  }),
);
export type Message = Infer<typeof Message>;

export const notifyRoutes = {
  listMessages: defineRoute({
    id: 'listMessages',
    method: 'GET',
    path: '/me/messages',
    summary: '消息中心：我的消息（最新的在前）',
    domain: 'notify',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      query: z.strictObject({ before: z.optional(Id()) }),
      response: z.object({ messages: z.array(Message()), unread: z.int(), nextBefore: z.optional(Id()) }),
    }),
  }),
  unreadCount: defineRoute({
    id: 'unreadCount',
    method: 'GET',
    path: '/me/messages/unread-count',
    summary: '未读消息数',
    domain: 'notify',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    schemas: () => ({ response: z.object({ unread: z.int().check(z.nonnegative()) }) }),
  }),
  markMessageRead: defineRoute({
    id: 'markMessageRead',
    method: 'POST',
    path: '/me/messages/:messageId/read',
    summary: '标记消息已读',
    domain: 'notify',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    schemas: () => ({ params: z.strictObject({ messageId: Id() }), response: Message() }),
  }),
  markAllMessagesRead: defineRoute({
    id: 'markAllMessagesRead',
    method: 'POST',
    path: '/me/messages/read-all',
    summary: '全部标为已读',
    domain: 'notify',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      response: z.object({ marked: z.int().check(z.nonnegative()), unread: z.int().check(z.nonnegative()) }),
    }),
  }),
  recordConsent: defineRoute({
    id: 'recordConsent',
    method: 'POST',
    path: '/me/subscriptions',
    summary: '记录订阅消息授权结果（wx.requestSubscribeMessage）',
    domain: 'notify',
    roles: 'authenticated',
    scope: 'none',
    idempotent: true,
    schemas: () => ({
      body: z.strictObject({
        results: z
          .array(z.strictObject({ template: z.enum(TEMPLATE_KEYS), accepted: z.boolean() }))
          .check(z.minLength(1), z.maxLength(TEMPLATE_KEYS.length)),
      }),
      response: z.object({ granted: z.array(z.object({ template: z.enum(TEMPLATE_KEYS), remaining: z.int() })) }),
    }),
  }),
  listConsent: defineRoute({
    id: 'listConsent',
    method: 'GET',
    path: '/me/subscriptions',
    summary: '我的微信消息提醒：每种消息还能收到几次',
    domain: 'notify',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      response: z.object({ granted: z.array(z.object({ template: z.enum(TEMPLATE_KEYS), remaining: z.int() })) }),
    }),
  }),
  notificationStats: defineRoute({
    id: 'notificationStats',
    method: 'GET',
    path: '/community/:communityId/notification-stats',
    summary: '近 7 天消息发送情况（站内、微信已发送、失败、拒收）',
    domain: 'notify',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      response: z.object({
        days: z.array(
          z.object({
            date: z.iso.date(),
            inApp: z.int(),
            wechatSent: z.int(),
            wechatFailed: z.int(),
            wechatRefused: z.int(),
          }),
        ),
      }),
    }),
  }),
} as const;
