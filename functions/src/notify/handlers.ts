import { notifyRoutes } from '@linli/shared/contract/notify';
import { defineDomain } from '../platform/lambda-router';
import * as notify from './service';

export const notifyDomain = defineDomain('notify', notifyRoutes, { errorTables: [] })({
  listMessages: async ({ principal, query }) => notify.listMessages(principal.userId, query.before),
  unreadCount: async ({ principal }) => notify.unread(principal.userId),
  markMessageRead: async ({ principal, params }) => notify.markRead(principal.userId, params.messageId),
  markAllMessagesRead: async ({ principal }) => notify.markAllRead(principal.userId),
  recordConsent: async ({ principal, body }) => notify.recordConsent(principal.userId, body.results),
  listConsent: async ({ principal }) => notify.listConsent(principal.userId),
  notificationStats: async ({ params }) => notify.stats(params.communityId),
});
