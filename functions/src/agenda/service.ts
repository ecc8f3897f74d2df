/** Agenda (议题) use cases: raise, co-sign, review, schedule, decide, act, finish, rate, publish. */
import { ulid } from 'ulidx';
import type { QueueRow, TimelineEntry, Topic, TopicDetail } from '@linli/shared/contract/agenda';
import type { Principal } from '@linli/shared/contract/principal';
import { mayActInCommunity } from '@linli/shared/domain/access/rules';
import {
  OPEN_STATES,
  REPLY_TEMPLATES,
  applyAction,
  inScope,
  submitted,
  type ActionItem,
  type AgendaAction,
  type AgendaActor,
  type AgendaCategory,
  type AgendaItem,
} from '@linli/shared/domain/agenda/state';
import { DomainError } from '@linli/shared/errors';
import { resolveActingSubject, type ActingSubject } from '../identity/acting';
import type { OutboxEvent } from '../platform/outbox';
import { retry, withOptimisticRetry } from '../platform/retry';
import { screenStaffText, screenText } from '../moderation/screen';
import * as repo from './repository';
import type { RatingRecord, TimelineRecord, TopicRecord } from './records';

const DAY_MS = 24 * 3600_000;
/** States in which any member of the community may read a topic (it is on the council's agenda or done). */
const PUBLIC_STATES: readonly string[] = ['scheduled', 'decided', 'in_progress', 'done'];

/** A topic waiting for review longer than this is marked in the queue. */
const OVERDUE_DAYS = 3;

// ── who is asking ────────────────────────────────────────────────────────────

/** The member a resident request is about: the acted-for member, or the caller's own record. */
async function subjectOf(principal: Principal, onBehalfOf: ActingSubject | undefined): Promise<ActingSubject> {
  if (onBehalfOf) return onBehalfOf;
  const memberId = principal.grants.find((g) => g.role === 'resident' && g.memberId)?.memberId;
  if (!memberId) throw new DomainError('NOT_A_MEMBER');
  return resolveActingSubject(principal, memberId);
}

export const isStaffOf = (principal: Principal, communityId: string) =>
  mayActInCommunity(principal, ['staff'], communityId);

/** Staff reading as themselves see everything of their community; anyone else reads as a member. */
type Viewer = { kind: 'staff' } | { kind: 'member'; subject: ActingSubject };

export async function viewerOf(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
): Promise<Viewer> {
  if (!onBehalfOf && isStaffOf(principal, communityId)) return { kind: 'staff' };
  const subject = await subjectOf(principal, onBehalfOf);
  if (subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
  return { kind: 'member', subject };
}

const memberActor = (s: ActingSubject): AgendaActor => ({
  userId: s.memberId,
  resident: { communityId: s.communityId, buildingId: s.buildingId },
});

// ── views ────────────────────────────────────────────────────────────────────

/** 王桂芳 → 王*芳, 李明 → 李*: neighbours see who raised a topic without the full name. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

function average(t: TopicRecord): number | undefined {
  return t.ratingCount > 0 ? Math.round((t.ratingSum / t.ratingCount) * 10) / 10 : undefined;
}

/** What neighbours read in place of a text staff hid. */
export const HIDDEN_TITLE = '（该议题内容已被社区工作人员隐藏）';

export function topicView(t: TopicRecord, full: boolean): Topic {
  const hiddenFromViewer = Boolean(t.hidden) && !full;
  return {
    topicId: t.topicId,
    communityId: t.communityId,
    title: hiddenFromViewer ? HIDDEN_TITLE : t.title,
    description: hiddenFromViewer ? `隐藏原因：${t.hidden!.reason}` : t.description,
    category: t.category,
    scope: t.scope,
    scopeLabel: t.scopeLabel,
    status: t.status,
    authorName: full ? t.authorName : maskName(t.authorName),
    recordedBy:
      t.via === 'self'
        ? undefined
        : { name: full || t.via === 'staff' ? t.recordedByName : maskName(t.recordedByName), via: t.via },
    cosignCount: t.cosignCount,
    ratingCount: t.ratingCount,
    averageRating: average(t),
    session:
      t.sessionId && t.sessionTitle && t.sessionStartsAt
        ? { sessionId: t.sessionId, title: t.sessionTitle, startsAt: t.sessionStartsAt }
        : undefined,
    mergedInto: t.mergedIntoId ? { topicId: t.mergedIntoId, title: t.mergedIntoTitle ?? '' } : undefined,
    decision: t.decision,
    actions: t.actions,
    createdAt: t.createdAt,
    statusAt: t.statusAt,
    doneAt: t.doneAt,
    moderation: t.hidden
      ? { state: 'hidden', reason: t.hidden.reason }
      : t.held && full
        ? { state: 'held', reason: '内容正在等待社区工作人员复核，通过后邻居才能看到并附议' }
        : undefined,
  };
}

export const fullFor = (viewer: Viewer, t: TopicRecord) =>
  viewer.kind === 'staff' || viewer.subject.memberId === t.authorMemberId;

/** A timeline entry; residents' names are masked for neighbours, staff names never are. */
function timelineView(e: TimelineRecord, full: boolean): TimelineEntry {
  const byName = full || e.byRole === 'staff' ? e.byName : maskName(e.byName);
  const note = full || !e.note || e.byRole === 'staff' ? e.note : e.note.replace(e.byName, byName);
  return { seq: e.seq, at: e.at, byName, byRole: e.byRole, from: e.from, to: e.to, note };
}

const toDomain = (t: TopicRecord): AgendaItem => ({
  communityId: t.communityId,
  scope: t.scope,
  authorUserId: t.authorMemberId,
  status: t.status,
  cosigners: [],
  ratings: {},
  timeline: [],
  sessionId: t.sessionId,
  mergedInto: t.mergedIntoId,
  decision: t.decision,
  actions: t.actions,
});

export async function topicOf(communityId: string, topicId: string, consistent = false): Promise<TopicRecord> {
  const t = await repo.getTopic(topicId, consistent);
  if (!t || t.communityId !== communityId) throw new DomainError('TOPIC_NOT_FOUND');
  return t;
}

export const changed = (t: TopicRecord, note?: string): OutboxEvent => ({
  type: 'agenda.topic_changed',
  communityId: t.communityId,
  topicId: t.topicId,
  title: t.title,
  authorMemberId: t.authorMemberId,
  caregiverUserId: t.via === 'caregiver' ? t.recordedByUserId : undefined,
  to: t.status,
  note,
});

// ── residents ────────────────────────────────────────────────────────────────

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
export async function submitTopic(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  input: SubmitRequest,
): Promise<Topic> {
  const subject = await subjectOf(principal, onBehalfOf);
  if (subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
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
  const item = submitted(
    { communityId, scope, authorUserId: subject.memberId },
    subject.via === 'self' ? subject.memberId : principal.userId,
    at,
  );
  const byName = subject.via === 'self' ? subject.realName : principal.name;
  const held = screening.outcome === 'review' ? { reason: screening.verdict.reason ?? 'wechat-review', at } : undefined;
  const recorded =
    subject.via === 'staff'
      ? `由工作人员${principal.name}代为登记`
      : subject.via === 'caregiver'
        ? `家属${principal.name}代为提出`
        : undefined;
  const note = held
    ? [recorded, '内容待社区工作人员复核，通过后邻居才能看到并附议'].filter(Boolean).join('；')
    : recorded;
  const topic: TopicRecord = {
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
    status: item.status,
    version: 1,
    cosignCount: 0,
    ratingSum: 0,
    ratingCount: 0,
    actions: [],
    createdAt: at,
    statusAt: at,
    held,
  };
  const first: TimelineRecord = {
    topicId: topic.topicId,
    seq: 0,
    at,
    byId: principal.userId,
    byName,
    byRole: subject.via === 'self' ? 'resident' : subject.via,
    from: null,
    to: 'submitted',
    note,
  };
  await repo.createTopic(topic, first, changed(topic, note));
  return topicView(topic, true);
}

export async function listOpenTopics(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
): Promise<{ topics: Topic[] }> {
  const viewer = await viewerOf(principal, onBehalfOf, communityId);
  const lists =
    viewer.kind === 'staff'
      ? await Promise.all(OPEN_STATES.map((s) => repo.listByStatus(communityId, s)))
      : await Promise.all([repo.listOpen(communityId, 'ALL'), repo.listOpen(communityId, viewer.subject.buildingId)]);
  const topics = lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { topics: topics.map((t) => topicView(t, fullFor(viewer, t))) };
}

export async function getTopicDetail(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  topicId: string,
): Promise<TopicDetail> {
  const t = await topicOf(communityId, topicId);
  const viewer = await viewerOf(principal, onBehalfOf, communityId);
  const [timeline, ratings] = await Promise.all([repo.listTimeline(topicId), repo.listRatings(topicId)]);
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
      repo.getCosign(topicId, subject.memberId),
      repo.getRating(topicId, subject.memberId),
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

/** A rating as the viewer reads it: a held comment only for staff and its writer, a hidden one for staff. */
function ratingView(r: RatingRecord, viewer: Viewer): TopicDetail['ratings'][number] {
  const staff = viewer.kind === 'staff';
  const own = viewer.kind === 'member' && viewer.subject.memberId === r.memberId;
  const commentShown = r.commentHidden ? staff : r.commentHeld ? staff || own : true;
  return {
    stars: r.stars,
    comment: commentShown ? r.comment : undefined,
    // Who rated what stays with staff; the author and neighbours see masked names.
    byName: staff ? r.memberName : maskName(r.memberName),
    at: r.at,
    ...(staff ? { memberId: r.memberId } : {}),
    moderation: r.commentHidden
      ? { state: 'hidden', reason: r.commentHidden.reason }
      : r.commentHeld && (staff || own)
        ? { state: 'held', reason: '评价内容正在等待社区工作人员复核' }
        : undefined,
  };
}

export async function listMyTopics(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
): Promise<{ topics: Topic[] }> {
  const subject = await subjectOf(principal, onBehalfOf);
  const topics = await repo.getTopics(await repo.listMemberTopicIds(subject.memberId));
  topics.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { topics: topics.map((t) => topicView(t, true)) };
}

/** Co-signs (附议) for the member, once: the count changes only inside the conditional transaction. */
export async function cosignTopic(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  topicId: string,
): Promise<Topic> {
  const subject = await subjectOf(principal, onBehalfOf);
  if (subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
  const t = await topicOf(communityId, topicId);
  if (t.held) throw new DomainError('CONTENT_HELD');
  const check = applyAction(toDomain(t), memberActor(subject), { kind: 'cosign' }, new Date().toISOString());
  if (!check.ok) throw new DomainError(check.code);
  const outcome = await withOptimisticRetry(
    () =>
      repo.cosign({ topicId, memberId: subject.memberId, byUserId: principal.userId, at: new Date().toISOString() }),
    30,
  );
  if (outcome === 'already') throw new DomainError('ALREADY_COSIGNED');
  if (outcome === 'topic-changed') throw new DomainError('AGENDA_TRANSITION_INVALID');
  return topicView(await topicOf(communityId, topicId, true), false);
}

/** Rates a finished topic 1–5 for the member, once; sum and count change in the same transaction. */
export async function rateTopic(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  topicId: string,
  input: { stars: number; comment?: string },
): Promise<Topic> {
  const subject = await subjectOf(principal, onBehalfOf);
  if (subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
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
  const outcome = await withOptimisticRetry(
    () =>
      repo.rate({
        topicId,
        memberId: subject.memberId,
        memberName: subject.realName,
        byUserId: principal.userId,
        stars: input.stars,
        comment,
        commentHeld,
        at: new Date().toISOString(),
      }),
    30,
  );
  if (outcome === 'already') throw new DomainError('ALREADY_RATED');
  if (outcome === 'topic-changed') throw new DomainError('AGENDA_TRANSITION_INVALID');
  return topicView(await topicOf(communityId, topicId, true), subject.memberId === t.authorMemberId);
}

// ── state changes ────────────────────────────────────────────────────────────

interface Mover {
  actor: (t: TopicRecord) => AgendaActor;
  byId: string;
  byName: string;
  byRole: TimelineRecord['byRole'];
}

const staffMover = (principal: Principal, communityId: string): Mover => ({
  actor: () => ({ userId: principal.userId, staffOf: isStaffOf(principal, communityId) ? communityId : undefined }),
  byId: principal.userId,
  byName: principal.name,
  byRole: 'staff',
});

/** 11月23日 09:30 in Shanghai, for notes people read. */
function shanghaiMoment(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** The timeline note in words people read: the session by its title, new action items by name. */
function readableNote(ruleNote: string | undefined, seen: TopicRecord, next: TopicRecord): string | undefined {
  if (next.sessionId && next.sessionId !== seen.sessionId && next.sessionTitle && next.sessionStartsAt) {
    return `安排在议事会「${next.sessionTitle}」（${shanghaiMoment(next.sessionStartsAt)}）`;
  }
  if (seen.status === 'decided' && next.status === 'in_progress') {
    return `行动项：${next.actions.map((a) => `${a.title}（${a.owner}，${a.due} 前）`).join('；')}`;
  }
  return ruleNote;
}

/**
 * One step of the state machine: the pure rules decide (403/409/422), the repository writes the
 * topic under a condition on the status and version read, with its timeline entry and the
 * author's notification; a lost race reads again and decides again.
 */
async function move(
  mover: Mover,
  communityId: string,
  topicId: string,
  actionFor: (t: TopicRecord) => AgendaAction,
  extra: (t: TopicRecord) => Promise<Partial<TopicRecord>> | Partial<TopicRecord> = () => ({}),
): Promise<Topic> {
  return withOptimisticRetry(async () => {
    const seen = await topicOf(communityId, topicId, true);
    const at = new Date().toISOString();
    const outcome = applyAction(toDomain(seen), mover.actor(seen), actionFor(seen), at);
    if (!outcome.ok) throw new DomainError(outcome.code);
    const step = outcome.item.timeline.at(-1)!;
    const next: TopicRecord = {
      ...seen,
      status: outcome.item.status,
      version: seen.version + 1,
      statusAt: outcome.item.status === seen.status ? seen.statusAt : at,
      decision: outcome.item.decision,
      actions: outcome.item.actions,
      ...(outcome.item.status === 'done' ? { doneAt: at } : {}),
      // A staff decision on a held topic is the human review WeChat asked for.
      held: mover.byRole === 'staff' ? undefined : seen.held,
      ...(await extra(seen)),
    };
    const note = readableNote(step.note, seen, next);
    const entry: TimelineRecord = {
      topicId,
      seq: seen.version,
      at,
      byId: mover.byId,
      byName: mover.byName,
      byRole: mover.byRole,
      from: step.from,
      to: step.to,
      note,
    };
    const result = await repo.transition(seen, next, entry, changed(next, note), at);
    if (result === 'session-unavailable') {
      await sessionFor(communityId, next.sessionId!, new Date());
      return retry;
    }
    if (result === 'topic-changed') return retry;
    return topicView(next, true);
  });
}

export async function withdrawTopic(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  topicId: string,
): Promise<Topic> {
  const subject = await subjectOf(principal, onBehalfOf);
  if (subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
  const mover: Mover = {
    actor: () => memberActor(subject),
    byId: principal.userId,
    byName: subject.via === 'self' ? subject.realName : principal.name,
    byRole: subject.via === 'self' ? 'resident' : subject.via,
  };
  return move(mover, communityId, topicId, () => ({ kind: 'withdraw' }));
}

/** Staff notes land on a timeline neighbours read: a risky one is refused before anything moves. */
const screenNotes = (principal: Principal, ...texts: (string | undefined)[]) =>
  screenStaffText(principal.userId, 'forum', texts);

export const approveTopic = async (principal: Principal, communityId: string, topicId: string, note?: string) => {
  await screenNotes(principal, note);
  return move(staffMover(principal, communityId), communityId, topicId, () => ({
    kind: 'approve',
    note: note || undefined,
  }));
};

export const rejectTopic = async (principal: Principal, communityId: string, topicId: string, reason: string) => {
  await screenNotes(principal, reason);
  return move(staffMover(principal, communityId), communityId, topicId, () => ({ kind: 'reject', reason }));
};

/** The session a topic is scheduled into: one of the community's, upcoming and not cancelled. */
async function sessionFor(communityId: string, sessionId: string, now: Date) {
  const s = await repo.getSession(sessionId);
  if (!s || s.communityId !== communityId) throw new DomainError('SESSION_NOT_FOUND');
  if (s.status === 'cancelled') throw new DomainError('SESSION_CANCELLED');
  if (Date.parse(s.startsAt) <= now.getTime()) throw new DomainError('SESSION_ALREADY_STARTED');
  return s;
}

export async function scheduleTopic(principal: Principal, communityId: string, topicId: string, sessionId: string) {
  const mover = staffMover(principal, communityId);
  return move(
    mover,
    communityId,
    topicId,
    () => ({ kind: 'schedule', sessionId }),
    // Runs after the rules: a forbidden caller or a wrong state is refused before the session is looked at.
    async () => {
      const s = await sessionFor(communityId, sessionId, new Date());
      return { sessionId, sessionTitle: s.title, sessionStartsAt: s.startsAt };
    },
  );
}

export const decideTopic = async (
  principal: Principal,
  communityId: string,
  topicId: string,
  input: { text: string; tally?: { for: number; against: number; abstain: number } },
) => {
  await screenNotes(principal, input.text);
  return move(staffMover(principal, communityId), communityId, topicId, () => ({
    kind: 'decide',
    text: input.text,
    tally: input.tally,
  }));
};

/** Action items: the first ones start the work (decided → in_progress); later ones are added to it. */
export const addTopicActions = async (
  principal: Principal,
  communityId: string,
  topicId: string,
  actions: ActionItem[],
) => {
  await screenNotes(principal, actions.map((a) => `${a.title} ${a.owner}`).join('\n'));
  return move(staffMover(principal, communityId), communityId, topicId, (seen) =>
    seen.status === 'in_progress'
      ? { kind: 'progress', note: `新增行动项：${actions.map((a) => a.title).join('、')}`, actions }
      : { kind: 'start', actions },
  );
};

export const progressTopic = async (principal: Principal, communityId: string, topicId: string, note: string) => {
  await screenNotes(principal, note);
  return move(staffMover(principal, communityId), communityId, topicId, () => ({ kind: 'progress', note }));
};

export const finishTopic = async (principal: Principal, communityId: string, topicId: string, note?: string) => {
  await screenNotes(principal, note);
  return move(staffMover(principal, communityId), communityId, topicId, () => ({
    kind: 'finish',
    note: note || undefined,
  }));
};

/**
 * Merges a submitted topic into another open topic of the community. Its co-signers, and its
 * author, become co-signers of the target, each counted once however many topics they backed.
 */
export async function mergeTopic(
  principal: Principal,
  communityId: string,
  topicId: string,
  input: { intoTopicId: string; note?: string },
): Promise<Topic> {
  const mover = staffMover(principal, communityId);
  await screenNotes(principal, input.note);
  return withOptimisticRetry(async () => {
    const seen = await topicOf(communityId, topicId, true);
    const at = new Date().toISOString();
    const action: AgendaAction = { kind: 'merge', into: input.intoTopicId, note: input.note || undefined };
    const outcome = applyAction(toDomain(seen), mover.actor(seen), action, at);
    if (!outcome.ok) throw new DomainError(outcome.code);
    const target = await repo.getTopic(input.intoTopicId, true);
    if (
      !target ||
      target.communityId !== communityId ||
      target.topicId === topicId ||
      !OPEN_STATES.includes(target.status)
    ) {
      throw new DomainError('AGENDA_MERGE_TARGET_INVALID');
    }
    const [theirs, ours] = await Promise.all([repo.listCosigners(target.topicId), repo.listCosigners(topicId)]);
    const have = new Set([...theirs, target.authorMemberId]);
    const carry = [...new Set([...ours, seen.authorMemberId])].filter((m) => !have.has(m));
    const note = input.note || `并入议题「${target.title}」`;
    const next: TopicRecord = {
      ...seen,
      status: outcome.item.status,
      version: seen.version + 1,
      statusAt: at,
      mergedIntoId: target.topicId,
      mergedIntoTitle: target.title,
      held: undefined,
    };
    const by = { byId: mover.byId, byName: mover.byName, byRole: mover.byRole };
    const targetNote = `相同议题「${seen.title}」并入，新增附议 ${carry.length} 人`;
    const result = await repo.merge({
      seen,
      next,
      entry: { topicId, seq: seen.version, at, ...by, from: seen.status, to: next.status, note },
      target,
      targetEntry: {
        topicId: target.topicId,
        seq: target.version,
        at,
        ...by,
        from: target.status,
        to: target.status,
        note: targetNote,
      },
      carry,
      events: [changed(next, note), changed(target, targetNote)],
      at,
    });
    if (result !== 'done') return retry;
    return topicView(next, true);
  });
}

// ── staff lists and the public board ─────────────────────────────────────────

export async function listQueue(
  communityId: string,
  status: 'submitted' | 'approved' | 'scheduled' | 'decided' | 'in_progress' | 'done',
): Promise<{ rows: QueueRow[]; templates: { reject: string[]; merge: string[] } }> {
  const topics = await repo.listByStatus(communityId, status, status === 'done', status === 'done' ? 50 : undefined);
  const now = Date.now();
  return {
    rows: topics.map((t) => {
      const waited = now - Date.parse(t.statusAt);
      return {
        topic: topicView(t, true),
        waitingDays: Math.floor(waited / DAY_MS),
        overdue: t.status === 'submitted' && waited > OVERDUE_DAYS * DAY_MS,
      };
    }),
    templates: { reject: [...REPLY_TEMPLATES.reject], merge: [...REPLY_TEMPLATES.merge] },
  };
}

/** 晒事栏: the community's finished topics, newest first, with decision, actions and ratings. */
export async function topicBoard(communityId: string): Promise<{ topics: Topic[] }> {
  const done = await repo.listByStatus(communityId, 'done', true, 50);
  return { topics: done.map((t) => topicView(t, false)) };
}

/** A council session's agenda: the topics scheduled into it (they stay listed once decided). */
export async function listSessionTopics(
  principal: Principal,
  communityId: string,
  sessionId: string,
): Promise<{ topics: Topic[] }> {
  const s = await repo.getSession(sessionId);
  if (!s || s.communityId !== communityId) throw new DomainError('SESSION_NOT_FOUND');
  const topics = (await repo.getTopics(await repo.listSessionTopicIds(sessionId))).filter(
    (t) => t.sessionId === sessionId,
  );
  topics.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const staff = isStaffOf(principal, communityId);
  return { topics: topics.map((t) => topicView(t, staff)) };
}
