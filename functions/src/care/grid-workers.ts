/**
 * Staff appoint grid workers (网格员) and set visit intervals.
 *
 * A grid worker is chosen from the community's verified members who use WeChat, not invited
 * with a code as street operators and staff are (onboarding/invites.ts): those invites belong to
 * a street's role list and reach people the street does not know yet, while a grid worker is a
 * person the community already verified, so staff pick them and the grant is written at once.
 * Removal works as onboarding's: the grants leave the user and their refresh tokens stop.
 */
import type { GridWorker, VisitIntervals } from '@linli/shared/contract/care-visits';
import type { Principal, RoleGrant } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { completionPut } from '../platform/idempotency';
import { retry, withOptimisticRetry } from '../platform/retry';
import type { GridWorkerRecord } from './visit-items';
import * as repo from './visit-repository';

const isGridGrantOf = (communityId: string) => (g: RoleGrant) => g.role === 'grid' && g.communityId === communityId;

function workerView(w: GridWorkerRecord, grids: repo.GridRecord[]): GridWorker {
  return {
    userId: w.userId,
    memberId: w.memberId,
    name: w.name,
    buildingName: w.buildingName,
    grids: w.gridIds.map((id) => ({ gridId: id, name: grids.find((g) => g.id === id)?.name ?? id })),
    appointedAt: w.appointedAt,
    appointedByName: w.appointedByName,
  };
}

export async function listGridWorkers(communityId: string) {
  const [workers, { grids }, members] = await Promise.all([
    repo.listGridWorkers(communityId),
    repo.loadGrids(communityId),
    repo.listMembers(communityId),
  ]);
  return {
    workers: workers.map((w) => workerView(w, grids)),
    grids: grids.map((g) => ({ gridId: g.id, name: g.name })),
    candidates: members
      .filter((m) => m.status === 'verified' && m.userId)
      .map((m) => ({ memberId: m.memberId, name: m.realName, buildingName: m.buildingName, unitName: m.unitName })),
  };
}

/**
 * Makes a verified member with WeChat the grid worker of these grids (replacing the grids they
 * had). The worker's record and the user's grants change in one transaction guarded by the
 * grants revision; a grid taken away also stops their refresh tokens, as removal does.
 */
export async function appointGridWorker(
  principal: Principal,
  communityId: string,
  input: { memberId: string; gridIds: string[] },
): Promise<GridWorker> {
  const gridIds = [...new Set(input.gridIds)];
  const [member, { grids }] = await Promise.all([repo.getMember(input.memberId), repo.loadGrids(communityId)]);
  if (!member || member.communityId !== communityId || member.status !== 'verified')
    throw new DomainError('MEMBER_NOT_FOUND');
  if (!member.userId) throw new DomainError('GRID_WORKER_NEEDS_WECHAT');
  if (gridIds.some((id) => !grids.some((g) => g.id === id))) throw new DomainError('GRID_NOT_FOUND');
  const userId = member.userId;
  return withOptimisticRetry(async () => {
    const user = await repo.getUserGrants(userId);
    if (!user) throw new DomainError('GRID_WORKER_NEEDS_WECHAT');
    const before = user.grants.filter(isGridGrantOf(communityId)).map((g) => g.gridId);
    const grants: RoleGrant[] = [
      ...user.grants.filter((g) => !isGridGrantOf(communityId)(g)),
      ...gridIds.map((gridId) => ({ role: 'grid' as const, communityId, gridId })),
    ];
    const worker: GridWorkerRecord = {
      communityId,
      userId,
      memberId: member.memberId,
      name: member.realName,
      buildingName: member.buildingName,
      gridIds,
      appointedAt: new Date().toISOString(),
      appointedBy: principal.userId,
      appointedByName: principal.name,
    };
    const reply = workerView(worker, grids);
    const lostGrid = before.some((id) => id && !gridIds.includes(id));
    const outcome = await repo.appoint(worker, user, grants, lostGrid, completionPut(reply));
    return outcome === 'done' ? reply : retry;
  });
}

export async function removeGridWorker(principal: Principal, communityId: string, userId: string) {
  const { grids } = await repo.loadGrids(communityId);
  return withOptimisticRetry(async () => {
    const [worker, user] = await Promise.all([repo.getGridWorker(communityId, userId), repo.getUserGrants(userId)]);
    if (!worker || !user) throw new DomainError('GRID_WORKER_NOT_FOUND');
    const reply = { removed: workerView(worker, grids) };
    const grants = user.grants.filter((g) => !isGridGrantOf(communityId)(g));
    const outcome = await repo.removeWorker(worker, user, grants, completionPut(reply));
    return outcome === 'done' ? reply : retry;
  });
}

export async function getIntervals(communityId: string): Promise<{ intervals: VisitIntervals }> {
  return { intervals: (await repo.getIntervals(communityId)).intervals };
}

/** Sets the intervals (the same values again give the same answer, so a retry needs no completion). */
export async function updateIntervals(communityId: string, intervals: VisitIntervals) {
  const reply = { intervals };
  await repo.putIntervals(communityId, { intervals }, completionPut(reply));
  return reply;
}
