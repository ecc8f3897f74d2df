/**
 * Keys, index values, type tags and item builders of the agenda entities, declared once; no I/O
 * (the seed uses them too).
 */
import { partition } from '../table';
import type { CosignRecord, RatingRecord, TimelineRecord, TopicRecord } from './records';

type Item = Record<string, unknown>;

export const agendaTypes = [
  'Topic',
  'TopicTimeline',
  'TopicCosign',
  'TopicRating',
  'MemberTopic',
  'SessionTopic',
] as const;
export type AgendaType = (typeof agendaTypes)[number];

export const agendaKey = {
  topic: (topicId: string) => ({ pk: `TOPIC#${topicId}`, sk: 'META' }),
  /** Timeline entries sort by their zero-padded sequence number. */
  topicTimeline: (topicId: string, seq: number) => ({
    pk: `TOPIC#${topicId}`,
    sk: `TL#${String(seq).padStart(5, '0')}`,
  }),
  topicTimelinePrefix: 'TL#',
  topicCosign: (topicId: string, memberId: string) => ({ pk: `TOPIC#${topicId}`, sk: `COSIGN#${memberId}` }),
  topicCosignPrefix: 'COSIGN#',
  topicRating: (topicId: string, memberId: string) => ({ pk: `TOPIC#${topicId}`, sk: `RATING#${memberId}` }),
  topicRatingPrefix: 'RATING#',
  memberTopic: (memberId: string, topicId: string) => ({ pk: partition.member(memberId), sk: `TOPIC#${topicId}` }),
  memberTopicPrefix: 'TOPIC#',
  /** A topic on a council session's agenda: it sits in the session's partition (AP37). */
  sessionTopic: (sessionId: string, topicId: string) => ({ pk: partition.session(sessionId), sk: `TOPIC#${topicId}` }),
  sessionTopicPrefix: 'TOPIC#',
} as const;

export const agendaIndex = {
  communityTopics: (communityId: string, status: string) => `COMMUNITY#${communityId}#TOPICS#${status.toUpperCase()}`,
  /** `ALL` for community-wide topics, else the building's id. */
  openTopics: (communityId: string, scopeKey: string) => `COMMUNITY#${communityId}#OPENTOPICS#${scopeKey}`,
  memberRatings: (memberId: string) => `MEMBER#${memberId}#RATINGS`,
  /** A topic's sort value in its status list: when it reached that status. */
  byStatusAt: (t: Pick<TopicRecord, 'statusAt' | 'topicId'>) => `${t.statusAt}#${t.topicId}`,
} as const;

/** `ALL` for a community-wide topic, else its building. */
export const scopeKey = (t: Pick<TopicRecord, 'scope'>) => (t.scope.kind === 'community' ? 'ALL' : t.scope.buildingId);

/**
 * Index attributes of a topic: its status list always, the open list of its scope while `open`
 * (the caller asks the domain's OPEN_STATES: this file stays free of imports the seed cannot resolve).
 */
export function topicIndexes(t: TopicRecord, open: boolean): Item {
  return {
    gsi1pk: agendaIndex.communityTopics(t.communityId, t.status),
    gsi1sk: agendaIndex.byStatusAt(t),
    ...(open
      ? { gsi2pk: agendaIndex.openTopics(t.communityId, scopeKey(t)), gsi2sk: `${t.createdAt}#${t.topicId}` }
      : {}),
  };
}

export const topicItem = (t: TopicRecord, open: boolean): Item => ({
  ...agendaKey.topic(t.topicId),
  type: 'Topic',
  ...t,
  ...topicIndexes(t, open),
});

/** The fields that differ between raised topics; raisedTopic fills in the rest. */
type TopicRaise = Omit<
  TopicRecord,
  'status' | 'version' | 'cosignCount' | 'ratingSum' | 'ratingCount' | 'actions' | 'createdAt' | 'statusAt'
>;

/**
 * A topic as it is raised, by a resident, for them, or from a need, and the first entry of its
 * timeline: submitted for review at `at`, nothing co-signed, rated or decided yet.
 */
export function raisedTopic(
  fields: TopicRaise,
  by: Pick<TimelineRecord, 'byId' | 'byName' | 'byRole'>,
  note: string | undefined,
  at: string,
): { topic: TopicRecord; first: TimelineRecord } {
  const topic: TopicRecord = {
    ...fields,
    status: 'submitted',
    version: 1,
    cosignCount: 0,
    ratingSum: 0,
    ratingCount: 0,
    actions: [],
    createdAt: at,
    statusAt: at,
  };
  const first: TimelineRecord = { topicId: topic.topicId, seq: 0, at, ...by, from: null, to: 'submitted', note };
  return { topic, first };
}

export const timelineItem = (e: TimelineRecord): Item => ({
  ...agendaKey.topicTimeline(e.topicId, e.seq),
  type: 'TopicTimeline',
  ...e,
});

export const memberTopicItem = (t: Pick<TopicRecord, 'authorMemberId' | 'topicId' | 'communityId'>): Item => ({
  ...agendaKey.memberTopic(t.authorMemberId, t.topicId),
  type: 'MemberTopic',
  topicId: t.topicId,
  communityId: t.communityId,
});

export const sessionTopicItem = (sessionId: string, t: Pick<TopicRecord, 'topicId' | 'communityId'>, at: string) => ({
  ...agendaKey.sessionTopic(sessionId, t.topicId),
  type: 'SessionTopic',
  topicId: t.topicId,
  communityId: t.communityId,
  scheduledAt: at,
});

export const cosignItem = (c: CosignRecord): Item => ({
  ...agendaKey.topicCosign(c.topicId, c.memberId),
  type: 'TopicCosign',
  ...c,
});

export const ratingItem = (r: RatingRecord): Item => ({
  ...agendaKey.topicRating(r.topicId, r.memberId),
  type: 'TopicRating',
  ...r,
  // A member's ratings, so erasing an account finds the name each one carries (AP38).
  gsi1pk: agendaIndex.memberRatings(r.memberId),
  gsi1sk: `${r.at}#${r.topicId}`,
});
