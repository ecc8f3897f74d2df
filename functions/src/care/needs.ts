/** Need (求助) use cases: post and read (mine, board, assignees, tasks, detail); the steps are in need-steps.ts. */
import type { Need, NeedDetail } from '@linli/shared/contract/care-needs';
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import {
  OPEN_NEED_STATES,
  applyNeedAction,
  byAttention,
  isAssignee,
  mayDispatch,
  type NeedAction,
  type NeedCategory,
  type NeedStatus,
  type NeedUrgency,
} from '@linli/shared/domain/care/need';
import { surnameOnly } from '@linli/shared/domain/care/wish';
import { DomainError } from '@linli/shared/domain-error';
import { actedBy, subjectOf, type Caller } from '../identity';
import { listCommunityStaff } from '../onboarding';
import { completionPut } from '../platform/idempotency';
import * as repo from './need-repository';
import { needIntakeWrites } from './need-intake';
import { needTimelineView, needView } from './need-views';
import { getMember, listPartners } from './repository';
import { actorFor, addressOf, assigneesOf, domainNeed, gridsOf, needOf, type NeedRef } from './need-access';

export interface PostNeedInput {
  text: string;
  category: NeedCategory;
  urgency: NeedUrgency;
}

/** A resident's request (for themselves or, 代办, a dependent), or staff entering a phone call for a member. */
export async function postNeed(caller: Caller, communityId: string, input: PostNeedInput): Promise<Need> {
  const { principal } = caller;
  const subject = await subjectOf(caller);
  if (subject.communityId !== communityId) throw new DomainError('OUT_OF_SCOPE');
  const member = subject;
  const [gridId, memberUserId] = await Promise.all([
    repo.gridOfBuilding(communityId, subject.buildingId),
    subject.via === 'self' ? principal.userId : getMember(subject.memberId).then((m) => m?.userId),
  ]);
  const { byName, byRole } = actedBy(principal, subject);
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
      createdBy: { userId: principal.userId, name: byName, role: byRole },
    },
    new Date(),
  );
  const reply = needView(need);
  await repo.createNeed(items, completionPut(reply));
  return reply;
}

// ── reading ──────────────────────────────────────────────────────────────────

export async function listMine(caller: Caller): Promise<{ needs: Need[] }> {
  const subject = await subjectOf(caller);
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

export async function detail(caller: Caller, ref: NeedRef): Promise<NeedDetail> {
  const n = await needOf(ref, true);
  const actor = await actorFor(caller, n);
  const dispatcher = mayDispatch(n, actor);
  const requester = actor.requesterOf === n.memberId;
  const assignee = isAssignee(n, actor.assignee);
  // A volunteer sees only needs dispatched to them, a partner unit only its own, a grid worker only their grids'.
  if (!dispatcher && !requester && !assignee) throw new DomainError('NEED_NOT_YOURS');
  const can = (action: NeedAction) => applyNeedAction(domainNeed(n), actor, action).ok;
  const timeline = await repo.listNeedTimeline(ref.needId);
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

export * from './need-steps';
