/**
 * Staff moderation of what residents wrote on a topic: release a text WeChat's check held, or
 * hide a published title, description or rating comment with a reason. Each change to the topic
 * is a timeline entry, so the author sees what happened and why.
 */
import type { Topic } from '@linli/shared/contract/agenda';
import type { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { retry, withOptimisticRetry } from '../platform/retry';
import type { TimelineRecord, TopicRecord } from './records';
import { completionPut } from '../platform/idempotency';
import * as responses from './cosigns-and-ratings-repository';
import * as repo from './repository';
import { changed, topicOf, type TopicRef } from './access';
import { topicView } from './views';

export interface ModerationTarget {
  /** A rating's comment (by the member who rated); the topic's own title and description when absent. */
  ratingMemberId?: string;
}

/** Staff release a held text: a topic becomes visible to neighbours for co-signing; a comment is shown. */
export async function releaseTopicText(principal: Principal, ref: TopicRef, target: ModerationTarget): Promise<Topic> {
  const { communityId, topicId } = ref;
  if (target.ratingMemberId) {
    const rating = await responses.getRating(topicId, target.ratingMemberId);
    if (!rating?.commentHeld) throw new DomainError('CONTENT_NOT_HELD');
    // The topic view carries no rating comments, so the answer is the topic as it stands.
    const reply = topicView(await topicOf(communityId, topicId, true), true);
    if (!(await responses.moderateRating(topicId, target.ratingMemberId, { release: true }, completionPut(reply)))) {
      throw new DomainError('CONTENT_NOT_HELD');
    }
    return reply;
  }
  return changeTopic(principal, ref, (seen) => {
    if (!seen.held) throw new DomainError('CONTENT_NOT_HELD');
    return { change: { held: undefined }, note: '内容复核通过，邻居现在可以看到并附议' };
  });
}

/** Staff hide a published text; neighbours see the reason in its place, staff and the author still read it. */
export async function hideTopicText(
  principal: Principal,
  ref: TopicRef,
  target: ModerationTarget & { reason: string },
): Promise<Topic> {
  const { communityId, topicId } = ref;
  const at = new Date().toISOString();
  if (target.ratingMemberId) {
    const reply = topicView(await topicOf(communityId, topicId, true), true);
    const hide = { hide: { reason: target.reason, at } };
    const hidden = await responses.moderateRating(topicId, target.ratingMemberId, hide, completionPut(reply));
    if (!hidden) throw new DomainError('CONTENT_NOT_FOUND');
    return reply;
  }
  return changeTopic(principal, ref, (seen) => {
    if (seen.hidden) throw new DomainError('CONTENT_ALREADY_HIDDEN');
    return {
      change: { hidden: { reason: target.reason, at }, held: undefined },
      note: `工作人员隐藏了议题内容，原因：${target.reason}`,
    };
  });
}

/** A moderation step on the topic: status unchanged, version bumped, a timeline entry, the author told. */
async function changeTopic(
  principal: Principal,
  { communityId, topicId }: TopicRef,
  decide: (seen: TopicRecord) => { change: Partial<TopicRecord>; note: string },
): Promise<Topic> {
  return withOptimisticRetry(async () => {
    const seen = await topicOf(communityId, topicId, true);
    const { change, note } = decide(seen);
    const at = new Date().toISOString();
    const next: TopicRecord = { ...seen, ...change, version: seen.version + 1 };
    const entry: TimelineRecord = {
      topicId,
      seq: seen.version,
      at,
      byId: principal.userId,
      byName: principal.name,
      byRole: 'staff',
      from: seen.status,
      to: seen.status,
      note,
    };
    const reply = topicView(next, true);
    const result = await repo.transition(seen, next, entry, changed(next, note), at, completionPut(reply));
    if (result !== 'done') return retry;
    return reply;
  });
}
