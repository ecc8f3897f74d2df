/**
 * The notifier: turns an outbox event into in-app messages and, where the user consented,
 * WeChat subscribe messages. Safe to run twice for the same event: messages and sends are
 * keyed by (event, user), so a replayed stream record changes nothing.
 */
import type { TemplateKey } from '@linli/shared/contract/notify';
import { renderTemplate } from '@linli/shared/domain/notify/templates';
import { getSession, listSessionBookings } from '../council';
import { getMember, getUser } from '../identity';
import { logger } from '../platform/logger';
import type { OutboxEvent } from '../events';
import { planFor, type Facts, type Plan } from './plans';
import * as repo from './repository';
import type { SubscribeSender } from './wechat-sender';

export interface NotifierDeps {
  sender: SubscribeSender;
  /** WeChat template id per template key, from the mini-program's console. */
  templateIds: Partial<Record<TemplateKey, string>>;
}

async function usersOfMember(memberId: string, bookedByUserId?: string): Promise<{ ids: string[]; name?: string }> {
  const member = await getMember(memberId);
  return { ids: [member?.userId, bookedByUserId].filter((x): x is string => Boolean(x)), name: member?.realName };
}

/** Loads what a plan needs to know about the event. */
async function factsFor(event: OutboxEvent): Promise<Facts> {
  if (event.type === 'agenda.topic_changed') {
    const who = await usersOfMember(event.authorMemberId, event.caregiverUserId);
    return { usersOf: who.ids, memberName: who.name };
  }
  if (event.type === 'canteen.out_for_delivery' || event.type === 'canteen.delivered') {
    const who = await usersOfMember(event.memberId, event.placedByUserId);
    return { usersOf: who.ids, memberName: who.name };
  }
  if (!event.type.startsWith('council.') || !('sessionId' in event)) return {};
  const s = await getSession(event.sessionId);
  const session = s && { title: s.title, startsAt: s.startsAt, venueName: s.venueName, venuePlace: s.venuePlace };
  if (event.type === 'council.session_cancelled' || event.type === 'council.session_reminder') {
    const bookings = await listSessionBookings(event.sessionId);
    // A cancellation concerns the waitlist too; a reminder only those holding a seat.
    const live = bookings.filter(
      (b) => b.status === 'booked' || (event.type === 'council.session_cancelled' && b.status === 'waitlisted'),
    );
    const members = await Promise.all(live.map((b) => usersOfMember(b.memberId, b.bookedByUserId)));
    return { session, audienceUserIds: members.flatMap((m) => m.ids) };
  }
  if ('memberId' in event) {
    const who = await usersOfMember(event.memberId, 'bookedByUserId' in event ? event.bookedByUserId : undefined);
    return { session, usersOf: who.ids, memberName: who.name };
  }
  return { session };
}

/** Handles one outbox event; throws only when something should be retried. */
export async function notify(
  eventId: string,
  event: OutboxEvent,
  createdAt: string,
  deps: NotifierDeps,
): Promise<void> {
  const plan = planFor(event, await factsFor(event));
  if (!plan) return;
  for (const userId of plan.userIds) {
    const isNew = await repo.deliverMessage({
      messageId: `${eventId}-${userId}`,
      userId,
      eventId,
      communityId: event.communityId,
      title: plan.title,
      body: plan.body,
      link: plan.link,
      createdAt,
    });
    if (isNew) await repo.claimDelivery(event.communityId, eventId, userId, 'inapp', 'delivered', createdAt);
    if (plan.wechat)
      await sendWechat(eventId, event.communityId, userId, { ...plan, wechat: plan.wechat }, createdAt, deps);
  }
}

async function sendWechat(
  eventId: string,
  communityId: string,
  userId: string,
  plan: Plan & Required<Pick<Plan, 'wechat'>>,
  at: string,
  deps: NotifierDeps,
): Promise<void> {
  const { template, values } = plan.wechat;
  const templateId = deps.templateIds[template];
  // A template this deployment has not configured is an in-app-only message, not a failure.
  if (!templateId) return;
  // At most once: a replayed record finds the claim and leaves WeChat alone.
  if (!(await repo.claimDelivery(communityId, eventId, userId, 'wechat', 'sending', at))) return;
  if (!(await repo.takeConsent(userId, template))) {
    await repo.settleDelivery(communityId, eventId, userId, at, 'no_consent');
    return;
  }
  const user = await getUser(userId);
  if (!user?.openid) {
    await repo.addConsent(userId, template); // nothing went out: the person's consent still stands
    await repo.settleDelivery(communityId, eventId, userId, at, 'failed', 'no openid');
    return;
  }
  const outcome = await deps.sender.send({
    openid: user.openid,
    templateId,
    page: plan.link?.replace(/^\//, ''),
    data: renderTemplate(template, values),
  });
  if (outcome.status !== 'sent') logger.warn('subscribe message not sent', { userId, template, ...outcome });
  // WeChat only uses up a one-time subscription when it delivers: after our failure (bad template,
  // throttling, outage) the consent stands for the next message. A refusal means it is gone.
  if (outcome.status === 'failed') await repo.addConsent(userId, template);
  await repo.settleDelivery(
    communityId,
    eventId,
    userId,
    at,
    outcome.status,
    outcome.status === 'sent' ? undefined : outcome.detail,
  );
}
