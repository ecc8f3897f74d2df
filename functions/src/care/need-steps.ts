/** Every step of a need's state machine (派单, 接单, 退单, 办结, 评价, 撤回, 转为议题), each one transaction. */
import { ulid } from 'ulidx';
import type { Need } from '@linli/shared/contract/care-needs';
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import type { AgendaCategory } from '@linli/shared/domain/agenda/state';
import {
  applyNeedAction,
  isAssignee,
  type Assignee,
  type AssigneeKind,
  type NeedAction,
  type NeedActor,
} from '@linli/shared/domain/care/need';
import { DomainError } from '@linli/shared/domain-error';
import { topicFromNeedWrites } from '../agenda';
import type { Caller } from '../identity';
import { completionPut } from '../platform/idempotency';
import { retry, withOptimisticRetry } from '../platform/retry';
import * as repo from './need-repository';
import { needMessages } from './need-messages';
import type { NeedByRole, NeedRecord, NeedTimelineRecord } from './need-records';
import { needView } from './need-views';
import { getMember, getPartner } from './repository';
import { actorFor, assigneesOf, domainNeed, gridsOf, needOf, type NeedRef } from './need-access';
import type { TransactWriteItem } from './need-intake';
import { stepEntry } from './step-entry';

interface Step {
  actor: NeedActor;
  byName: string;
  byRole: NeedByRole;
  action: NeedAction;
  note?: string;
  fields?: (seen: NeedRecord, at: string) => Partial<NeedRecord>;
  /** Writes that go with the step (the agenda topic a need becomes), built from what was read. */
  extra?: (seen: NeedRecord, at: string) => TransactWriteItem[];
}

/**
 * One step: the pure rules decide (403/409/422); the repository writes the need under a
 * condition on the status and version read, with its timeline entry, messages and event; a
 * lost race reads again and decides again, so the loser hears 409 (already dispatched, rated…).
 */
async function step(ref: NeedRef, s: Step): Promise<NeedRecord> {
  const { communityId, needId } = ref;
  return withOptimisticRetry(async () => {
    const seen = await needOf(ref, true);
    const outcome = applyNeedAction(domainNeed(seen), s.actor, s.action);
    if (!outcome.ok) throw new DomainError(outcome.code);
    const at = new Date().toISOString();
    const next: NeedRecord = {
      ...seen,
      ...(s.fields ? s.fields(seen, at) : {}),
      status: outcome.need.status,
      assignee: outcome.need.assignee,
      dueAt: outcome.need.dueAt,
      topicId: outcome.need.topicId,
      version: seen.version + 1,
      statusAt: outcome.need.status === seen.status ? seen.statusAt : at,
    };
    if (!next.assignee) {
      delete next.assignee;
      delete next.assigneeUserId;
      delete next.dispatchedAt;
    }
    const entry: NeedTimelineRecord = {
      needId,
      ...stepEntry(s, seen, next.status, at),
    };
    const events = [
      ...(s.action.kind === 'refer' ? [] : needMessages(next, seen, s.note)),
      {
        type: 'care.need_changed' as const,
        communityId,
        needId,
        from: seen.status,
        to: next.status,
        byUserId: s.actor.userId,
        at,
      },
    ];
    const extra = s.extra ? s.extra(seen, at) : [];
    const result = await repo.transitionNeed(seen, next, entry, events, extra, completionPut(replyOf(next, s)));
    if (result === 'changed') return retry;
    return next;
  }, 40);
}

/** What a retry of the request replays: the need as the reply shows it (refer adds its topic id). */
const replyOf = (n: NeedRecord, s: Step) =>
  s.action.kind === 'refer' ? { need: needView(n), topicId: n.topicId } : needView(n);

const staffOrGridStep = (principal: Principal, communityId: string) => ({
  actor: {
    userId: principal.userId,
    staffOf: isStaffOf(principal, communityId) ? communityId : undefined,
    gridsOf: gridsOf(principal, communityId),
  } satisfies NeedActor,
  byName: principal.name,
  byRole: (isStaffOf(principal, communityId) ? 'staff' : 'grid') as NeedByRole,
});

/** The assignee as stored: its name, and the user who answers for it (messages go there). */
async function resolveAssignee(
  communityId: string,
  a: { kind: AssigneeKind; id: string },
): Promise<{ assignee: Assignee; userId?: string }> {
  if (a.kind === 'partner') {
    const p = await getPartner(communityId, a.id);
    if (!p) throw new DomainError('ASSIGNEE_NOT_FOUND');
    return { assignee: { kind: 'partner', id: p.partnerId, name: p.name }, userId: p.operatorUserId };
  }
  if (a.kind === 'volunteer') {
    const v = await repo.getVolunteer(a.id, communityId);
    if (!v) throw new DomainError('ASSIGNEE_NOT_FOUND');
    return { assignee: { kind: 'volunteer', id: v.userId, name: v.name }, userId: v.userId };
  }
  const u = await repo.getUser(a.id);
  if (!u?.grants.some((g) => g.role === 'staff' && g.communityId === communityId)) {
    throw new DomainError('ASSIGNEE_NOT_FOUND');
  }
  return { assignee: { kind: 'staff', id: u.userId, name: u.name }, userId: u.userId };
}

export async function dispatch(
  principal: Principal,
  ref: NeedRef,
  input: { assignee: { kind: AssigneeKind; id: string }; dueAt: string; note?: string },
): Promise<Need> {
  if (Date.parse(input.dueAt) <= Date.now()) throw new DomainError('NEED_DUE_IN_PAST');
  const { assignee, userId } = await resolveAssignee(ref.communityId, input.assignee);
  const dueAt = new Date(input.dueAt).toISOString();
  const n = await step(ref, {
    ...staffOrGridStep(principal, ref.communityId),
    action: { kind: 'dispatch', assignee, dueAt },
    note: `派给${assignee.name}${input.note ? `；${input.note}` : ''}`,
    fields: (_seen, at) => ({ assigneeUserId: userId, dispatchedAt: at }),
  });
  return needView(n);
}

async function assigneeStep(principal: Principal, communityId: string) {
  const mine = assigneesOf(principal, communityId);
  const partner = principal.grants.find((g) => g.role === 'partner' && g.communityId === communityId);
  const unit = partner?.partnerId ? await getPartner(communityId, partner.partnerId) : undefined;
  return (n: NeedRecord) => {
    const as = mine.find((a) => isAssignee(n, a)) ?? mine[0];
    return {
      actor: { userId: principal.userId, assignee: as } satisfies NeedActor,
      byName: as?.kind === 'partner' && unit ? `${unit.name}（${principal.name}）` : principal.name,
      byRole: (as?.kind === 'partner' ? 'partner' : as?.kind === 'staff' ? 'staff' : 'volunteer') as NeedByRole,
    };
  };
}

/** Accept, decline or finish as the need's assignee. */
async function byAssignee(
  principal: Principal,
  ref: NeedRef,
  action: NeedAction,
  note?: string,
  fields?: Step['fields'],
): Promise<Need> {
  const who = await assigneeStep(principal, ref.communityId);
  const seen = await needOf(ref, true);
  return needView(await step(ref, { ...who(seen), action, note, fields }));
}

export const accept = (principal: Principal, ref: NeedRef) => byAssignee(principal, ref, { kind: 'accept' });

export const decline = (principal: Principal, ref: NeedRef, { reason }: { reason: string }) =>
  byAssignee(principal, ref, { kind: 'decline' }, `退单：${reason}`);

export const finish = (principal: Principal, ref: NeedRef, { note }: { note: string }) =>
  byAssignee(principal, ref, { kind: 'finish' }, note, (_seen, at) => ({
    doneNote: note,
    doneAt: at,
  }));

/** The requester's side (self, caregiver, staff acting for them) or staff as themselves. */
async function requesterStep(caller: Caller, n: NeedRecord) {
  const { principal, onBehalfOf } = caller;
  const actor = await actorFor(caller, n);
  const self = !onBehalfOf && actor.requesterOf === n.memberId;
  const byRole: NeedByRole = onBehalfOf
    ? onBehalfOf.via === 'self'
      ? 'resident'
      : onBehalfOf.via
    : self
      ? 'resident'
      : 'staff';
  return { actor: { ...actor, assignee: undefined }, byName: principal.name, byRole };
}

export async function rate(caller: Caller, ref: NeedRef, input: { stars: number; comment?: string }): Promise<Need> {
  const n = await needOf(ref, true);
  const who = await requesterStep(caller, n);
  const comment = input.comment?.trim() || undefined;
  return needView(
    await step(ref, {
      ...who,
      action: { kind: 'rate', stars: input.stars },
      note: `${input.stars} 星${comment ? `：${comment}` : ''}`,
      fields: () => ({ stars: input.stars, ratingComment: comment }),
    }),
  );
}

export async function cancel(caller: Caller, ref: NeedRef, { reason }: { reason?: string }): Promise<Need> {
  const n = await needOf(ref, true);
  const who = await requesterStep(caller, n);
  return needView(
    await step(ref, {
      ...who,
      action: { kind: 'cancel' },
      note: reason ? `取消：${reason}` : '取消求助',
    }),
  );
}

/** Turns a need into an agenda topic (议题): the topic's writes go into the need's own step transaction. */
export async function refer(
  principal: Principal,
  ref: NeedRef,
  input: { title: string; category: AgendaCategory },
): Promise<{ need: Need; topicId: string }> {
  const { communityId, needId } = ref;
  const n = await needOf(ref, true);
  const member = await getMember(n.memberId);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND');
  // The topic id is fixed before the step, so every attempt links and writes the same topic.
  const topicId = ulid();
  const next = await step(ref, {
    ...staffOrGridStep(principal, communityId),
    byRole: 'staff',
    action: { kind: 'refer', topicId },
    note: `转为议题「${input.title}」`,
    extra: (seen, at) => {
      const writes = topicFromNeedWrites(
        {
          topicId,
          communityId,
          needId,
          title: input.title,
          description: seen.text,
          category: input.category,
          author: {
            memberId: member.memberId,
            realName: member.realName,
            buildingId: member.buildingId,
            buildingName: member.buildingName,
          },
          staff: { userId: principal.userId, name: principal.name },
        },
        at,
      );
      return writes.items;
    },
  });
  return { need: needView(next), topicId };
}
