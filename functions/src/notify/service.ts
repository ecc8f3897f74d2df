/** Message centre and consent use cases. */
import { TEMPLATE_KEYS, type Message, type TemplateKey } from '@linli/shared/contract/notify';
import { DomainError } from '@linli/shared/domain-error';
import { completionPut } from '../platform/idempotency';
import { retry, withOptimisticRetry } from '../platform/retry';
import * as repo from './repository';

const view = (m: repo.MessageRecord): Message => ({
  messageId: m.messageId,
  title: m.title,
  body: m.body,
  link: m.link,
  createdAt: m.createdAt,
  readAt: m.readAt,
});

export async function listMessages(userId: string, before?: string) {
  const [messages, unread] = await Promise.all([repo.listMessages(userId, before), repo.unreadCount(userId)]);
  return {
    messages: messages.map(view),
    unread,
    nextBefore: messages.length === 20 ? messages[messages.length - 1]!.messageId : undefined,
  };
}

export async function unread(userId: string): Promise<{ unread: number }> {
  return { unread: await repo.unreadCount(userId) };
}

export async function markRead(userId: string, messageId: string): Promise<Message> {
  const message = await repo.getMessage(userId, messageId);
  if (!message) throw new DomainError('MESSAGE_NOT_FOUND');
  if (message.readAt) return view(message);
  const at = new Date().toISOString();
  // Conflicts with another read on the same inbox are retried; a tap that lost the race answers
  // with the time the winner stored, so every device shows the same 已读 time.
  const marked = await withOptimisticRetry(() => repo.markRead(userId, messageId, at));
  if (marked) return view({ ...message, readAt: at });
  const stored = await repo.getMessage(userId, messageId);
  return view(stored ?? message);
}

/** The most one 全部已读 marks; a longer backlog takes another tap (each message is marked once). */
const MARK_ALL_LIMIT = 200;

/** 全部已读: marks every unread message read, each exactly once, and answers what is left unread. */
export async function markAllRead(userId: string): Promise<{ marked: number; unread: number }> {
  const ids = await repo.unreadMessageIds(userId, MARK_ALL_LIMIT);
  const at = new Date().toISOString();
  // In sequence: every chunk also updates the one inbox item, and transactions on it would collide.
  // A conflict with a message arriving or read elsewhere at that instant is simply tried again.
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50);
    await withOptimisticRetry(() => repo.markManyRead(userId, chunk, at));
  }
  return { marked: ids.length, unread: await repo.unreadCount(userId) };
}

/** Records what the person answered to wx.requestSubscribeMessage. */
export async function recordConsent(userId: string, results: { template: TemplateKey; accepted: boolean }[]) {
  const templates = [...new Set(results.map((r) => r.template))];
  const added = (template: TemplateKey) => results.filter((r) => r.template === template && r.accepted).length;
  // Read, then write each new count under a condition on the one read, with the answer: a retry
  // of the same request replays it instead of counting its consents a second time.
  return withOptimisticRetry(async () => {
    const before = new Map(
      await Promise.all(templates.map(async (t) => [t, await repo.remainingConsent(userId, t, true)] as const)),
    );
    const changes = templates
      .filter((t) => added(t) > 0)
      .map((t) => ({ template: t, from: before.get(t)!, to: before.get(t)! + added(t) }));
    const after = (t: TemplateKey) => before.get(t)! + added(t);
    const reply = { granted: results.map((r) => ({ template: r.template, remaining: after(r.template) })) };
    if (changes.length === 0) return reply;
    return (await repo.setConsents(userId, changes, completionPut(reply))) ? reply : retry;
  });
}

/** How many WeChat messages of each template the person can still receive (one per consent). */
export async function listConsent(userId: string) {
  const granted = await Promise.all(
    TEMPLATE_KEYS.map(async (template) => ({ template, remaining: await repo.remainingConsent(userId, template) })),
  );
  return { granted };
}

/** The last 7 days (Asia/Shanghai) of a community's deliveries, oldest first. */
export async function stats(communityId: string, now = new Date()) {
  const days = Array.from({ length: 7 }, (_, i) =>
    repo.dayOf(new Date(now.getTime() - (6 - i) * 86_400_000).toISOString()),
  );
  return {
    days: await Promise.all(
      days.map(async (date) => {
        const rows = await repo.deliveriesOfDay(communityId, date);
        const count = (channel: string, status: string) =>
          rows.filter((r) => r.channel === channel && r.status === status).length;
        return {
          date,
          inApp: count('inapp', 'delivered'),
          wechatSent: count('wechat', 'sent'),
          wechatFailed: count('wechat', 'failed') + count('wechat', 'sending'),
          wechatRefused: count('wechat', 'refused') + count('wechat', 'no_consent'),
        };
      }),
    ),
  };
}
