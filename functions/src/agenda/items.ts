/** Item builders of the agenda entities: keys and index attributes, no I/O (the seed uses them too). */
import { index, key } from '../table';
import type { CosignRecord, RatingRecord, TimelineRecord, TopicRecord } from './records';

type Item = Record<string, unknown>;

/** `ALL` for a community-wide topic, else its building. */
export const scopeKey = (t: Pick<TopicRecord, 'scope'>) => (t.scope.kind === 'community' ? 'ALL' : t.scope.buildingId);

/**
 * Index attributes of a topic: its status list always, the open list of its scope while `open`
 * (the caller asks the domain's OPEN_STATES: this file stays free of imports the seed cannot resolve).
 */
export function topicIndexes(t: TopicRecord, open: boolean): Item {
  return {
    gsi1pk: index.communityTopics(t.communityId, t.status),
    gsi1sk: `${t.statusAt}#${t.topicId}`,
    ...(open ? { gsi2pk: index.openTopics(t.communityId, scopeKey(t)), gsi2sk: `${t.createdAt}#${t.topicId}` } : {}),
  };
}

export const topicItem = (t: TopicRecord, open: boolean): Item => ({
  ...key.topic(t.topicId),
  type: 'Topic',
  ...t,
  ...topicIndexes(t, open),
});

export const timelineItem = (e: TimelineRecord): Item => ({
  ...key.topicTimeline(e.topicId, e.seq),
  type: 'TopicTimeline',
  ...e,
});

export const memberTopicItem = (t: Pick<TopicRecord, 'authorMemberId' | 'topicId' | 'communityId'>): Item => ({
  ...key.memberTopic(t.authorMemberId, t.topicId),
  type: 'MemberTopic',
  topicId: t.topicId,
  communityId: t.communityId,
});

export const sessionTopicItem = (sessionId: string, t: Pick<TopicRecord, 'topicId' | 'communityId'>, at: string) => ({
  ...key.sessionTopic(sessionId, t.topicId),
  type: 'SessionTopic',
  topicId: t.topicId,
  communityId: t.communityId,
  scheduledAt: at,
});

export const cosignItem = (c: CosignRecord): Item => ({
  ...key.topicCosign(c.topicId, c.memberId),
  type: 'TopicCosign',
  ...c,
});

export const ratingItem = (r: RatingRecord): Item => ({
  ...key.topicRating(r.topicId, r.memberId),
  type: 'TopicRating',
  ...r,
  // A member's ratings, so erasing an account finds the name each one carries (AP38).
  gsi1pk: index.memberRatings(r.memberId),
  gsi1sk: `${r.at}#${r.topicId}`,
});
