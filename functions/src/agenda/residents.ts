/** What residents do with topics: raise, read, co-sign, rate, list their own. */
import { ulid } from 'ulidx';
import type { Topic, TopicDetail } from '@linli/shared/contract/agenda';
import { OPEN_STATES, applyAction, inScope, type AgendaCategory } from '@linli/shared/domain/agenda/state';
import { DomainError } from '@linli/shared/domain-error';
import { actedBy, enteredForNote, subjectIn, subjectOf, type Caller } from '../identity';
import { screenText } from '../moderation';
import { withOptimisticRetry } from '../platform/retry';
import { completionPut } from '../platform/idempotency';
import * as responses from './cosigns-and-ratings-repository';
import * as repo from './repository';
import { raisedTopic } from './items';
import { PUBLIC_STATES, changed, memberActor, topicOf, viewerOf, type TopicRef } from './access';
import { fullFor, ratingView, timelineView, toDomain, topicView } from './views';

export interface SubmitRequest {
  title: string;
  description: string;
  category: AgendaCategory;
  scope: 'building' | 'community';
}

/**
 * Raises a topic for the member: the caller themselves, a dependent they care for, or (staff)
 * a resident who raised it in person. The timeline's first entry records who entered it.
 */
export async function submitTopic(caller: Caller, communityId: string, input: SubmitRequest): Promise<Topic> {
  const { principal } = caller;
  const subject = await subjectIn(caller, communityId);
  // Checked before anything is written: a risky text is refused here and leaves no trace.
  const screening = await screenText({
    authorUserId: principal.userId,
    scene: 'forum',
    title: input.title,
    content: input.description,
  });
  const at = new Date().toISOString();
  const scope =
    input.scope === 'community'
      ? { kind: 'community' as const }
      : { kind: 'building' as const, buildingId: subject.buildingId };
  const { byName, byRole } = actedBy(principal, subject);
  const held = screening.outcome === 'review' ? { reason: screening.verdict.reason ?? 'wechat-review', at } : undefined;
  const recorded = enteredForNote(principal, subject, '代为提出');
  const note = held
    ? [recorded, '内容待社区工作人员复核，通过后邻居才能看到并附议'].filter(Boolean).join('；')
    : recorded;
  const { topic, first } = raisedTopic(
    {
      topicId: ulid(),
      communityId,
      title: input.title,
      description: input.description,
      category: input.category,
      scope,
      scopeLabel: scope.kind === 'community' ? '全社区' : subject.buildingName,
      authorMemberId: subject.memberId,
      authorName: subject.realName,
      recordedByUserId: principal.userId,
      recordedByName: byName,
      via: subject.via,
      held,
    },
    { byId: principal.userId, byName, byRole },
    note,
    at,
  );
  const reply = topicView(topic, true);
  await repo.createTopic(topic, first, changed(topic, note), completionPut(reply));
  return reply;
}

export async function listOpenTopics(caller: Caller, communityId: string): Promise<{ topics: Topic[] }> {
  const viewer = await viewerOf(caller, communityId);
  const lists =
    viewer.kind === 'staff'
      ? await Promise.all(OPEN_STATES.map((s) => repo.listByStatus(communityId, s)))
      : await Promise.all([repo.listOpen(communityId, 'ALL'), repo.listOpen(communityId, viewer.subject.buildingId)]);
  const topics = lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { topics: topics.map((t) => topicView(t, fullFor(viewer, t))) };
}

export async function getTopicDetail(caller: Caller, { communityId, topicId }: TopicRef): Promise<TopicDetail> {
  const t = await topicOf(communityId, topicId);
  const viewer = await viewerOf(caller, communityId);
  const [timeline, ratings] = await Promise.all([repo.listTimeline(topicId), responses.listRatings(topicId)]);
  let mine: TopicDetail['mine'] = {
    isAuthor: false,
    cosigned: false,
    canWithdraw: false,
    canCosign: false,
    canRate: false,
  };
  if (viewer.kind === 'member') {
    const { subject } = viewer;
    const isAuthor = subject.memberId === t.authorMemberId;
    // Council business (on a session's agenda, decided, done) is public to the community; before
    // that a topic is for its scope and its author.
    if (!isAuthor && !PUBLIC_STATES.includes(t.status) && !inScope(t, memberActor(subject))) {
      throw new DomainError('OUT_OF_SCOPE');
    }
    if (!isAuthor && t.held) throw new DomainError('CONTENT_HELD');
    const [cosign, rating] = await Promise.all([
      responses.getCosign(topicId, subject.memberId),
      responses.getRating(topicId, subject.memberId),
    ]);
    const actor = memberActor(subject);
    const at = new Date().toISOString();
    mine = {
      isAuthor,
      cosigned: Boolean(cosign),
      rating: rating?.stars,
      canWithdraw: applyAction(toDomain(t), actor, { kind: 'withdraw' }, at).ok,
      canCosign: !cosign && !t.held && applyAction(toDomain(t), actor, { kind: 'cosign' }, at).ok,
      canRate: !rating && applyAction(toDomain(t), actor, { kind: 'rate', stars: 5 }, at).ok,
    };
  }
  const full = fullFor(viewer, t);
  return {
    topic: topicView(t, full),
    timeline: timeline.map((e) => timelineView(e, full)),
    mine,
    ratings: ratings.map((r) => ratingView(r, viewer)),
  };
}

export async function listMyTopics(caller: Caller): Promise<{ topics: Topic[] }> {
  const subject = await subjectOf(caller);
  const topics = await repo.getTopics(await repo.listMemberTopicIds(subject.memberId));
  topics.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { topics: topics.map((t) => topicView(t, true)) };
}

/** Co-signs (附议) for the member, once: the count changes only inside the conditional transaction. */
export async function cosignTopic(caller: Caller, { communityId, topicId }: TopicRef): Promise<Topic> {
  const { principal } = caller;
  const subject = await subjectIn(caller, communityId);
  const t = await topicOf(communityId, topicId);
  if (t.held) throw new DomainError('CONTENT_HELD');
  const check = applyAction(toDomain(t), memberActor(subject), { kind: 'cosign' }, new Date().toISOString());
  if (!check.ok) throw new DomainError(check.code);
  let reply: Topic | undefined;
  const outcome = await withOptimisticRetry(async () => {
    // The answer counts this co-sign on the topic as read just before it (others may add theirs).
    const seen = await topicOf(communityId, topicId, true);
    reply = topicView({ ...seen, cosignCount: seen.cosignCount + 1 }, false);
    const cosign = { topicId, memberId: subject.memberId, byUserId: principal.userId, at: new Date().toISOString() };
    return responses.cosign(cosign, completionPut(reply));
  }, 30);
  if (outcome === 'already') throw new DomainError('ALREADY_COSIGNED');
  if (outcome === 'topic-changed') throw new DomainError('AGENDA_TRANSITION_INVALID');
  return reply!;
}

/** Rates a finished topic 1–5 for the member, once; sum and count change in the same transaction. */
export async function rateTopic(
  caller: Caller,
  { communityId, topicId }: TopicRef,
  input: { stars: number; comment?: string },
): Promise<Topic> {
  const { principal } = caller;
  const subject = await subjectIn(caller, communityId);
  const t = await topicOf(communityId, topicId);
  const check = applyAction(
    toDomain(t),
    memberActor(subject),
    { kind: 'rate', stars: input.stars },
    new Date().toISOString(),
  );
  if (!check.ok) throw new DomainError(check.code);
  const comment = input.comment || undefined;
  const screening = comment
    ? await screenText({ authorUserId: principal.userId, scene: 'comment', content: comment })
    : undefined;
  const commentHeld =
    screening?.outcome === 'review'
      ? { reason: screening.verdict.reason ?? 'wechat-review', at: new Date().toISOString() }
      : undefined;
  let reply: Topic | undefined;
  const outcome = await withOptimisticRetry(async () => {
    const seen = await topicOf(communityId, topicId, true);
    const rated = { ...seen, ratingSum: seen.ratingSum + input.stars, ratingCount: seen.ratingCount + 1 };
    reply = topicView(rated, subject.memberId === t.authorMemberId);
    const rating = {
      topicId,
      memberId: subject.memberId,
      memberName: subject.realName,
      byUserId: principal.userId,
      stars: input.stars,
      comment,
      commentHeld,
      at: new Date().toISOString(),
    };
    return responses.rate(rating, completionPut(reply));
  }, 30);
  if (outcome === 'already') throw new DomainError('ALREADY_RATED');
  if (outcome === 'topic-changed') throw new DomainError('AGENDA_TRANSITION_INVALID');
  return reply!;
}
