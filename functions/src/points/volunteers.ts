/** Volunteers: joining, the community's list, balances and histories. */
import type { MyPoints } from '@linli/shared/contract/points';
import type { Principal } from '@linli/shared/contract/principal';
import { volunteerAccount } from '@linli/shared/domain/points/ledger';
import { DomainError } from '@linli/shared/domain-error';
import { getUser } from '../identity';
import { completionPut } from '../platform/idempotency';
import * as repo from './repository';
import { entryView, nowIso } from './views';

/**
 * 成为志愿者: immediate for a verified resident of the community. Staff already verified who they
 * are; joining lets them sign up, and every point still needs staff to confirm the hours.
 */
export async function joinVolunteers(principal: Principal, communityId: string, showOnStarList: boolean) {
  const resident = principal.grants.find((g) => g.role === 'resident' && g.communityId === communityId);
  if (!resident) throw new DomainError('NOT_A_MEMBER');
  const user = await getUser(principal.userId);
  const v = {
    userId: principal.userId,
    communityId,
    name: user?.name ?? principal.name,
    showOnStarList,
    joinedAt: nowIso(),
  };
  const reply = { ...v, balance: 0 };
  const outcome = await repo.joinVolunteers(v, completionPut(reply));
  if (outcome === 'already') throw new DomainError('ALREADY_VOLUNTEER');
  if (outcome === 'no-user') throw new DomainError('TOKEN_INVALID');
  return reply;
}

export async function listVolunteers(communityId: string) {
  const volunteers = await repo.listVolunteers(communityId);
  const balances = await Promise.all(volunteers.map((v) => repo.balanceOf(communityId, volunteerAccount(v.userId))));
  return {
    volunteers: volunteers.map((v, i) => ({
      userId: v.userId,
      name: v.name,
      balance: balances[i]!,
      showOnStarList: v.showOnStarList,
      joinedAt: v.joinedAt,
    })),
  };
}

/** Balance, pending points (hours checked out, not yet confirmed) and the history of a volunteer. */
export async function pointsOf(communityId: string, userId: string): Promise<MyPoints> {
  const account = volunteerAccount(userId);
  const [balance, entries, signups] = await Promise.all([
    repo.balanceOf(communityId, account),
    repo.accountEntries(communityId, account, { limit: 100 }),
    repo.listUserSignups(userId),
  ]);
  const pendingPoints = signups
    .filter((s) => s.communityId === communityId && s.status === 'checked_out')
    .reduce((sum, s) => sum + (s.points ?? 0), 0);
  return { balance, pendingPoints, entries: entries.map(entryView) };
}

export async function volunteerPoints(communityId: string, userId: string) {
  if (!(await repo.getVolunteer(userId, communityId))) throw new DomainError('VOLUNTEER_NOT_FOUND');
  return pointsOf(communityId, userId);
}

/** The caller as a volunteer of the community, or NOT_A_VOLUNTEER. */
export async function volunteerOf(principal: Principal, communityId: string) {
  const v = await repo.getVolunteer(principal.userId, communityId);
  if (!v) throw new DomainError('NOT_A_VOLUNTEER');
  return v;
}
