/** Topic state changes: one step of the state machine per call, written under a version condition. */
import type { Topic } from '@linli/shared/contract/agenda';
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import {
  OPEN_STATES,
  applyAction,
  type ActionItem,
  type AgendaAction,
  type AgendaActor,
} from '@linli/shared/domain/agenda/state';
import { DomainError } from '@linli/shared/domain-error';
import { actedBy, subjectIn, type Caller } from '../identity';
import { screenStaffText } from '../moderation';
import { completionPut } from '../platform/idempotency';
import { retry, withOptimisticRetry } from '../platform/retry';
import * as responses from './cosigns-and-ratings-repository';
import * as repo from './repository';
import type { TimelineRecord, TopicRecord } from './records';
import { shanghaiWallClock } from '@linli/shared/domain/common/shanghai-time';
import { changed, memberActor, topicOf, type TopicRef } from './access';
import { toDomain, topicView } from './views';

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
  const t = shanghaiWallClock(iso);
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
  { communityId, topicId }: TopicRef,
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
    const reply = topicView(next, true);
    const result = await repo.transition(seen, next, entry, changed(next, note), at, completionPut(reply));
    if (result === 'session-unavailable') {
      await sessionFor(communityId, next.sessionId!, new Date());
      return retry;
    }
    if (result === 'topic-changed') return retry;
    return reply;
  });
}

export async function withdrawTopic(caller: Caller, ref: TopicRef): Promise<Topic> {
  const subject = await subjectIn(caller, ref.communityId);
  const mover: Mover = {
    actor: () => memberActor(subject),
    byId: caller.principal.userId,
    ...actedBy(caller.principal, subject),
  };
  return move(mover, ref, () => ({ kind: 'withdraw' }));
}

/** Staff notes land on a timeline neighbours read: a risky one is refused before anything moves. */
async function staffMove(
  principal: Principal,
  ref: TopicRef,
  notes: (string | undefined)[],
  actionFor: (t: TopicRecord) => AgendaAction,
): Promise<Topic> {
  await screenStaffText(principal.userId, 'forum', notes);
  return move(staffMover(principal, ref.communityId), ref, actionFor);
}

export const approveTopic = (principal: Principal, ref: TopicRef, { note }: { note?: string }) =>
  staffMove(principal, ref, [note], () => ({ kind: 'approve', note: note || undefined }));

export const rejectTopic = (principal: Principal, ref: TopicRef, { reason }: { reason: string }) =>
  staffMove(principal, ref, [reason], () => ({ kind: 'reject', reason }));

/** The session a topic is scheduled into: one of the community's, upcoming and not cancelled. */
async function sessionFor(communityId: string, sessionId: string, now: Date) {
  const s = await repo.getSession(sessionId);
  if (!s || s.communityId !== communityId) throw new DomainError('SESSION_NOT_FOUND');
  if (s.status === 'cancelled') throw new DomainError('SESSION_CANCELLED');
  if (Date.parse(s.startsAt) <= now.getTime()) throw new DomainError('SESSION_ALREADY_STARTED');
  return s;
}

export async function scheduleTopic(principal: Principal, ref: TopicRef, { sessionId }: { sessionId: string }) {
  const mover = staffMover(principal, ref.communityId);
  return move(
    mover,
    ref,
    () => ({ kind: 'schedule', sessionId }),
    // Runs after the rules: a forbidden caller or a wrong state is refused before the session is looked at.
    async () => {
      const s = await sessionFor(ref.communityId, sessionId, new Date());
      return { sessionId, sessionTitle: s.title, sessionStartsAt: s.startsAt };
    },
  );
}

export const decideTopic = (
  principal: Principal,
  ref: TopicRef,
  input: { text: string; tally?: { for: number; against: number; abstain: number } },
) =>
  staffMove(principal, ref, [input.text], () => ({
    kind: 'decide',
    text: input.text,
    tally: input.tally,
  }));

/** Action items: the first ones start the work (decided → in_progress); later ones are added to it. */
export const addTopicActions = (principal: Principal, ref: TopicRef, { actions }: { actions: ActionItem[] }) =>
  staffMove(principal, ref, [actions.map((a) => `${a.title} ${a.owner}`).join('\n')], (seen) =>
    seen.status === 'in_progress'
      ? { kind: 'progress', note: `新增行动项：${actions.map((a) => a.title).join('、')}`, actions }
      : { kind: 'start', actions },
  );

export const progressTopic = (principal: Principal, ref: TopicRef, { note }: { note: string }) =>
  staffMove(principal, ref, [note], () => ({ kind: 'progress', note }));

export const finishTopic = (principal: Principal, ref: TopicRef, { note }: { note?: string }) =>
  staffMove(principal, ref, [note], () => ({ kind: 'finish', note: note || undefined }));

/**
 * Merges a submitted topic into another open topic of the community. Its co-signers, and its
 * author, become co-signers of the target, each counted once however many topics they backed.
 */
export async function mergeTopic(
  principal: Principal,
  { communityId, topicId }: TopicRef,
  input: { intoTopicId: string; note?: string },
): Promise<Topic> {
  const mover = staffMover(principal, communityId);
  await screenStaffText(principal.userId, 'forum', [input.note]);
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
    const [theirs, ours] = await Promise.all([
      responses.listCosigners(target.topicId),
      responses.listCosigners(topicId),
    ]);
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
    const reply = topicView(next, true);
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
      completion: completionPut(reply),
    });
    if (result !== 'done') return retry;
    return reply;
  });
}
