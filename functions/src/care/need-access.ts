/** Who a need request is about and who acts on it: the lookups every need use case shares. */
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import { isAssignee, type Assignee, type Need as DomainNeed, type NeedActor } from '@linli/shared/domain/care/need';
import { DomainError } from '@linli/shared/domain-error';
import type { Caller } from '../identity';
import * as repo from './need-repository';
import type { NeedRecord } from './need-records';
import { getMember } from './repository';

/** A need of a community, as the path names it. */
export interface NeedRef {
  communityId: string;
  needId: string;
}

export const gridsOf = (principal: Principal, communityId: string) =>
  principal.grants.flatMap((g) => (g.role === 'grid' && g.communityId === communityId && g.gridId ? [g.gridId] : []));

/** Every assignee the caller answers for in this community: their partner unit, themselves as volunteer and as staff. */
export function assigneesOf(principal: Principal, communityId: string): Pick<Assignee, 'kind' | 'id'>[] {
  return principal.grants.flatMap((g): Pick<Assignee, 'kind' | 'id'>[] => {
    if (g.communityId !== communityId) return [];
    if (g.role === 'partner' && g.partnerId) return [{ kind: 'partner', id: g.partnerId }];
    if (g.role === 'volunteer') return [{ kind: 'volunteer', id: principal.userId }];
    if (g.role === 'staff') return [{ kind: 'staff', id: principal.userId }];
    return [];
  });
}

export async function needOf({ communityId, needId }: NeedRef, consistent = false): Promise<NeedRecord> {
  const n = await repo.getNeed(needId, consistent);
  if (!n || n.communityId !== communityId) throw new DomainError('NEED_NOT_FOUND');
  return n;
}

export const domainNeed = (n: NeedRecord): DomainNeed => ({
  communityId: n.communityId,
  memberId: n.memberId,
  gridId: n.gridId,
  status: n.status,
  dueAt: n.dueAt,
  assignee: n.assignee,
  topicId: n.topicId,
});

// ── posting ──────────────────────────────────────────────────────────────────

/** Whether the caller stands for the need's person (themselves, or a dependent they care for). */
export async function requesterOf({ principal, onBehalfOf }: Caller, n: NeedRecord) {
  if (onBehalfOf) return onBehalfOf.memberId === n.memberId;
  if (principal.grants.some((g) => g.role === 'resident' && g.memberId === n.memberId)) return true;
  return false;
}

export async function actorFor(caller: Caller, n: NeedRecord): Promise<NeedActor> {
  const { principal, onBehalfOf } = caller;
  const staff = isStaffOf(principal, n.communityId) && (!onBehalfOf || onBehalfOf.via === 'staff');
  const mine = assigneesOf(principal, n.communityId);
  return {
    userId: principal.userId,
    staffOf: staff ? n.communityId : undefined,
    gridsOf: gridsOf(principal, n.communityId),
    requesterOf: (await requesterOf(caller, n)) ? n.memberId : undefined,
    assignee: mine.find((a) => isAssignee(n, a)) ?? mine[0],
  };
}

export async function addressOf(memberId: string): Promise<string | undefined> {
  const m = await getMember(memberId);
  return m ? `${m.buildingName}${m.unitName}${m.room}` : undefined;
}

// ── steps ────────────────────────────────────────────────────────────────────
