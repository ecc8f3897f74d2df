/** Need (求助) use cases: post, read (mine, board, tasks, detail), and every step of the state machine. */
import { ulid } from 'ulidx';
import type { Need, NeedDetail } from '@linli/shared/contract/care-needs';
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import type { AgendaCategory } from '@linli/shared/domain/agenda/state';
import {
  OPEN_NEED_STATES,
  applyNeedAction,
  byAttention,
  isAssignee,
  mayDispatch,
  type Assignee,
  type AssigneeKind,
  type Need as DomainNeed,
  type NeedAction,
  type NeedActor,
  type NeedCategory,
  type NeedStatus,
  type NeedUrgency,
} from '@linli/shared/domain/care/need';
import { surnameOnly } from '@linli/shared/domain/care/wish';
import { DomainError } from '@linli/shared/errors';
import { topicFromNeedWrites } from '../agenda';
import { resolveActingSubject, type ActingSubject } from '../identity';
import { listCommunityStaff } from '../onboarding';
import { completionPut } from '../platform/idempotency';
import { retry, withOptimisticRetry } from '../platform/retry';
import * as repo from './need-repository';
import { needIntakeWrites, type TransactWriteItem } from './need-intake';
import { needMessages } from './need-messages';
import type { NeedByRole, NeedRecord, NeedTimelineRecord } from './need-records';
import { needTimelineView, needView } from './need-views';
import { getMember, getPartner, listPartners } from './repository';

/** The member a resident request is about: the acted-for member, or the caller's own record. */
async function subjectOf(principal: Principal, onBehalfOf: ActingSubject | undefined): Promise<ActingSubject> {
  if (onBehalfOf) return onBehalfOf;
  const memberId = principal.grants.find((g) => g.role === 'resident' && g.memberId)?.memberId;
  if (!memberId) throw new DomainError('NOT_A_MEMBER');
  return resolveActingSubject(principal, memberId);
}

const gridsOf = (principal: Principal, communityId: string) =>
  principal.grants.flatMap((g) => (g.role === 'grid' && g.communityId === communityId && g.gridId ? [g.gridId] : []));

/** Every assignee the caller answers for in this community: their partner unit, themselves as volunteer and as staff. */
function assigneesOf(principal: Principal, communityId: string): Pick<Assignee, 'kind' | 'id'>[] {
  return principal.grants.flatMap((g): Pick<Assignee, 'kind' | 'id'>[] => {
    if (g.communityId !== communityId) return [];
    if (g.role === 'partner' && g.partnerId) return [{ kind: 'partner', id: g.partnerId }];
    if (g.role === 'volunteer') return [{ kind: 'volunteer', id: principal.userId }];
    if (g.role === 'staff') return [{ kind: 'staff', id: principal.userId }];
    return [];
  });
}

async function needOf(communityId: string, needId: string, consistent = false): Promise<NeedRecord> {
  const n = await repo.getNeed(needId, consistent);
  if (!n || n.communityId !== communityId) throw new DomainError('NEED_NOT_FOUND');
  return n;
}

const domainNeed = (n: NeedRecord): DomainNeed => ({
  communityId: n.communityId,
  memberId: n.memberId,
  gridId: n.gridId,
  status: n.status,
  dueAt: n.dueAt,
  assignee: n.assignee,
  topicId: n.topicId,
});

// ── posting ──────────────────────────────────────────────────────────────────

export interface PostNeedInput {
  text: string;
  category: NeedCategory;
  urgency: NeedUrgency;
}

/** A resident's request (for themselves or, 代办, a dependent), or staff entering a phone call for a member. */
export async function postNeed(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  input: PostNeedInput,
): Promise<Need> {
  const subject = await subjectOf(principal, onBehalfOf);
  if (subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
  const member = subject;
  const [gridId, memberUserId] = await Promise.all([
    repo.gridOfBuilding(communityId, subject.buildingId),
    subject.via === 'self' ? principal.userId : getMember(subject.memberId).then((m) => m?.userId),
  ]);
  const role: NeedByRole = subject.via === 'self' ? 'resident' : subject.via;
  const { need, items } = needIntakeWrites(
    {
      communityId,
      source: subject.via === 'staff' ? { kind: 'phone' } : { kind: 'resident' },
      person: {
        memberId: member.memberId,
        label: `${member.buildingName} ${surnameOnly(member.realName)}`,
        userId: memberUserId,
        buildingId: member.buildingId,
        gridId,
      },
      text: input.text,
      category: input.category,
      urgency: input.urgency,
      createdBy: {
        userId: principal.userId,
        name: subject.via === 'self' ? subject.realName : principal.name,
        role,
      },
    },
    new Date(),
  );
  const reply = needView(need);
  await repo.createNeed(items, completionPut(reply));
  return reply;
}

// ── reading ──────────────────────────────────────────────────────────────────

export async function listMine(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
): Promise<{ needs: Need[] }> {
  const subject = await subjectOf(principal, onBehalfOf);
  const needs = await repo.listMemberNeeds(subject.memberId);
  needs.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { needs: needs.map((n) => needView(n)) };
}

/** 派单台: staff see the community's needs, a grid worker those of their grids; overdue first. */
export async function board(
  principal: Principal,
  communityId: string,
  status: NeedStatus | 'open' | undefined,
): Promise<{ needs: Need[] }> {
  const staff = isStaffOf(principal, communityId);
  const grids = gridsOf(principal, communityId);
  const states = !status || status === 'open' ? OPEN_NEED_STATES : [status];
  const lists = await Promise.all(states.map((s) => repo.listNeedsByStatus(communityId, s)));
  const now = new Date();
  const visible = lists.flat().filter((n) => staff || (n.gridId !== undefined && grids.includes(n.gridId)));
  return { needs: visible.sort(byAttention(now)).map((n) => needView(n, now)) };
}

/** 可派单对象: volunteers, partner units, and the community's staff (the dispatcher first when they are staff). */
export async function assigneeOptions(principal: Principal, communityId: string) {
  const [volunteers, partners, colleagues] = await Promise.all([
    repo.listVolunteers(communityId),
    listPartners(communityId),
    listCommunityStaff(communityId),
  ]);
  // Staff appointed before appointments were recorded per street are not in the list: the caller is added.
  const self = isStaffOf(principal, communityId) ? [{ userId: principal.userId, name: principal.name }] : [];
  const staff = [...self, ...colleagues.filter((c) => c.userId !== principal.userId)];
  return {
    options: [
      ...volunteers.map((v) => ({ kind: 'volunteer' as const, id: v.userId, name: v.name })),
      ...partners.map((p) => ({ kind: 'partner' as const, id: p.partnerId, name: p.name })),
      ...staff.map((u) => ({
        kind: 'staff' as const,
        id: u.userId,
        // The chip says 工作人员 beside each name; the dispatcher's own one says so.
        name: u.userId === principal.userId ? `${u.name}（我）` : u.name,
      })),
    ],
  };
}

/** 我的任务: needs dispatched to the caller as volunteer or staff, or to their partner unit. */
export async function myTasks(principal: Principal, communityId: string): Promise<{ needs: Need[] }> {
  const mine = assigneesOf(principal, communityId);
  const lists = await Promise.all(mine.map((a) => repo.listAssigneeNeeds(communityId, a.kind, a.id)));
  const now = new Date();
  return {
    needs: lists
      .flat()
      .sort(byAttention(now))
      .map((n) => needView(n, now)),
  };
}

/** Whether the caller stands for the need's person (themselves, or a dependent they care for). */
async function requesterOf(principal: Principal, onBehalfOf: ActingSubject | undefined, n: NeedRecord) {
  if (onBehalfOf) return onBehalfOf.memberId === n.memberId;
  if (principal.grants.some((g) => g.role === 'resident' && g.memberId === n.memberId)) return true;
  return false;
}

async function actorFor(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  n: NeedRecord,
): Promise<NeedActor> {
  const staff = isStaffOf(principal, n.communityId) && (!onBehalfOf || onBehalfOf.via === 'staff');
  const mine = assigneesOf(principal, n.communityId);
  return {
    userId: principal.userId,
    staffOf: staff ? n.communityId : undefined,
    gridsOf: gridsOf(principal, n.communityId),
    requesterOf: (await requesterOf(principal, onBehalfOf, n)) ? n.memberId : undefined,
    assignee: mine.find((a) => isAssignee(n, a)) ?? mine[0],
  };
}

export async function detail(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  needId: string,
): Promise<NeedDetail> {
  const n = await needOf(communityId, needId, true);
  const actor = await actorFor(principal, onBehalfOf, n);
  const dispatcher = mayDispatch(n, actor);
  const requester = actor.requesterOf === n.memberId;
  const assignee = isAssignee(n, actor.assignee);
  // A volunteer sees only needs dispatched to them, a partner unit only its own, a grid worker only their grids'.
  if (!dispatcher && !requester && !assignee) throw new DomainError('NEED_NOT_YOURS');
  const can = (action: NeedAction) => applyNeedAction(domainNeed(n), actor, action).ok;
  const timeline = await repo.listNeedTimeline(needId);
  const full = dispatcher || requester;
  const address =
    dispatcher || (assignee && (n.status === 'accepted' || n.status === 'dispatched'))
      ? await addressOf(n.memberId)
      : undefined;
  return {
    need: needView(n),
    timeline: timeline.map((e) => needTimelineView(e, full)),
    mine: {
      isRequester: requester,
      isAssignee: assignee,
      canDispatch: n.status === 'new' && dispatcher,
      canAccept: can({ kind: 'accept' }),
      canDecline: can({ kind: 'decline' }),
      canFinish: can({ kind: 'finish' }),
      canRate: can({ kind: 'rate', stars: 5 }),
      canCancel: can({ kind: 'cancel' }),
      canRefer: can({ kind: 'refer', topicId: 'x' }),
    },
    address,
  };
}

async function addressOf(memberId: string): Promise<string | undefined> {
  const m = await getMember(memberId);
  return m ? `${m.buildingName}${m.unitName}${m.room}` : undefined;
}

// ── steps ────────────────────────────────────────────────────────────────────

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
async function step(communityId: string, needId: string, s: Step): Promise<NeedRecord> {
  return withOptimisticRetry(async () => {
    const seen = await needOf(communityId, needId, true);
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
      seq: seen.version,
      at,
      byId: s.actor.userId,
      byName: s.byName,
      byRole: s.byRole,
      from: seen.status,
      to: next.status,
      note: s.note,
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
  communityId: string,
  needId: string,
  input: { assignee: { kind: AssigneeKind; id: string }; dueAt: string; note?: string },
): Promise<Need> {
  if (Date.parse(input.dueAt) <= Date.now()) throw new DomainError('NEED_DUE_IN_PAST');
  const { assignee, userId } = await resolveAssignee(communityId, input.assignee);
  const dueAt = new Date(input.dueAt).toISOString();
  const n = await step(communityId, needId, {
    ...staffOrGridStep(principal, communityId),
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
  communityId: string,
  needId: string,
  action: NeedAction,
  note?: string,
  fields?: Step['fields'],
): Promise<Need> {
  const who = await assigneeStep(principal, communityId);
  const seen = await needOf(communityId, needId, true);
  return needView(await step(communityId, needId, { ...who(seen), action, note, fields }));
}

export const accept = (principal: Principal, communityId: string, needId: string) =>
  byAssignee(principal, communityId, needId, { kind: 'accept' });

export const decline = (principal: Principal, communityId: string, needId: string, reason: string) =>
  byAssignee(principal, communityId, needId, { kind: 'decline' }, `退单：${reason}`);

export const finish = (principal: Principal, communityId: string, needId: string, note: string) =>
  byAssignee(principal, communityId, needId, { kind: 'finish' }, note, (_seen, at) => ({
    doneNote: note,
    doneAt: at,
  }));

/** The requester's side (self, caregiver, staff acting for them) or staff as themselves. */
async function requesterStep(principal: Principal, onBehalfOf: ActingSubject | undefined, n: NeedRecord) {
  const actor = await actorFor(principal, onBehalfOf, n);
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

export async function rate(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  needId: string,
  input: { stars: number; comment?: string },
): Promise<Need> {
  const n = await needOf(communityId, needId, true);
  const who = await requesterStep(principal, onBehalfOf, n);
  const comment = input.comment?.trim() || undefined;
  return needView(
    await step(communityId, needId, {
      ...who,
      action: { kind: 'rate', stars: input.stars },
      note: `${input.stars} 星${comment ? `：${comment}` : ''}`,
      fields: () => ({ stars: input.stars, ratingComment: comment }),
    }),
  );
}

export async function cancel(
  principal: Principal,
  onBehalfOf: ActingSubject | undefined,
  communityId: string,
  needId: string,
  reason?: string,
): Promise<Need> {
  const n = await needOf(communityId, needId, true);
  const who = await requesterStep(principal, onBehalfOf, n);
  return needView(
    await step(communityId, needId, {
      ...who,
      action: { kind: 'cancel' },
      note: reason ? `取消：${reason}` : '取消求助',
    }),
  );
}

/** Turns a need into an agenda topic (议题): the topic's writes go into the need's own step transaction. */
export async function refer(
  principal: Principal,
  communityId: string,
  needId: string,
  input: { title: string; category: AgendaCategory },
): Promise<{ need: Need; topicId: string }> {
  const n = await needOf(communityId, needId, true);
  const member = await getMember(n.memberId);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND');
  // The topic id is fixed before the step, so every attempt links and writes the same topic.
  const topicId = ulid();
  const next = await step(communityId, needId, {
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
