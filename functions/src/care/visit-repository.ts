/** Every DynamoDB read and write of grid workers' care visits (网格敲门). */
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RoleGrant } from '@linli/shared/contract/principal';
import { tableName } from '../platform/dynamo';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { batchGetItems, getItem, queryIndex, queryPartition } from '../platform/items';
import { ConditionsFailed, named, transact, writeWithReply } from '../platform/transactions';
import { getUserGrants, userGrantsUpdate, type UserGrants } from '../platform/user-grants';
import { identityIndex, identityKey } from '../identity/items';
import { partition, index, key } from '../table';
import {
  gridWorkerItem,
  intervalsItem,
  visitItem,
  visitKey,
  type GridWorkerRecord,
  type VisitIntervalsRecord,
  type VisitMember,
  type VisitRecord,
} from './visit-items';

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

export interface GridRecord {
  id: string;
  name: string;
  order?: number;
}
export interface BuildingRef {
  id: string;
  gridId: string;
  name: string;
  order?: number;
}

// ── structure and people ─────────────────────────────────────────────────────

/** AP1: the community's grids and buildings (two Queries of its partition). */
export async function loadGrids(communityId: string): Promise<{ grids: GridRecord[]; buildings: BuildingRef[] }> {
  const [grids, buildings] = await Promise.all([
    queryPartition<GridRecord>(partition.community(communityId), { sort: { beginsWith: key.gridPrefix } }),
    queryPartition<BuildingRef>(partition.community(communityId), { sort: { beginsWith: key.buildingPrefix } }),
  ]);
  const byOrder = (a: { order?: number }, b: { order?: number }) => (a.order ?? 0) - (b.order ?? 0);
  return { grids: grids.sort(byOrder), buildings: buildings.sort(byOrder) };
}

/** AP10: the members of one building, or of the whole community. */
export const listMembers = (communityId: string, buildingId?: string) =>
  queryIndex<VisitMember>('gsi1', index.communityMembers(communityId), {
    sort: buildingId ? { beginsWith: identityIndex.membersAtPrefix(buildingId) } : undefined,
  });

export const getMember = (memberId: string) => getItem<VisitMember>(key.member(memberId), true);

/** The active caregivers of a member (代办家属): their grants, links and own member records. */
export async function listCaregivers(memberId: string): Promise<{ name: string; relation: string; phone?: string }[]> {
  const grants = await queryPartition<{ status: string; linkId: string }>(key.member(memberId).pk, {
    sort: { beginsWith: identityKey.careGrantPrefix },
  });
  const active = grants.filter((g) => g.status === 'active');
  if (active.length === 0) return [];
  const links = await batchGetItems<{ caregiverName: string; relation: string; caregiverMemberId: string }>(
    active.map((g) => key.link(g.linkId)),
  );
  const members = await batchGetItems<{ memberId: string; phone?: string }>(
    links.map((l) => key.member(l.caregiverMemberId)),
  );
  return links.map((l) => ({
    name: l.caregiverName,
    relation: l.relation,
    phone: members.find((m) => m.memberId === l.caregiverMemberId)?.phone,
  }));
}

// ── visit intervals ──────────────────────────────────────────────────────────

/** AP122 */
export async function getIntervals(communityId: string): Promise<VisitIntervalsRecord> {
  return (await getItem<VisitIntervalsRecord>(visitKey.intervals(communityId))) ?? { intervals: {} };
}

export async function putIntervals(
  communityId: string,
  r: VisitIntervalsRecord,
  completion?: IdempotencyCompletion,
): Promise<void> {
  await writeWithReply({ Put: { TableName: tableName, Item: intervalsItem(communityId, r) } }, completion);
}

// ── grid workers ─────────────────────────────────────────────────────────────

/** AP120 */
export const listGridWorkers = (communityId: string) =>
  queryPartition<GridWorkerRecord>(partition.community(communityId), {
    sort: { beginsWith: visitKey.gridWorkerPrefix },
    consistent: true,
  });
export const getGridWorker = (communityId: string, userId: string) =>
  getItem<GridWorkerRecord>(visitKey.gridWorker(communityId, userId), true);

/** Writes the grid worker's record and their grid grants together; 'changed' when the user moved meanwhile. */
export async function appoint(
  worker: GridWorkerRecord,
  user: UserGrants,
  grants: RoleGrant[],
  revokeSessions: boolean,
  completion?: IdempotencyCompletion,
): Promise<'done' | 'changed'> {
  try {
    await transact(
      [
        named('worker', { Put: { TableName: tableName, Item: gridWorkerItem(worker) } }),
        named('grants', userGrantsUpdate(user, grants, revokeSessions)),
      ],
      completion,
    );
    return 'done';
  } catch (error) {
    if (error instanceof ConditionsFailed) return 'changed';
    throw error;
  }
}

/** Removes the grid worker: the record goes, the grants leave the user, their refresh tokens stop. */
export async function removeWorker(
  worker: GridWorkerRecord,
  user: UserGrants,
  grants: RoleGrant[],
  completion?: IdempotencyCompletion,
): Promise<'done' | 'changed'> {
  try {
    await transact(
      [
        named('worker', {
          Delete: {
            TableName: tableName,
            Key: visitKey.gridWorker(worker.communityId, worker.userId),
            ConditionExpression: 'attribute_exists(pk)',
          },
        }),
        named('grants', userGrantsUpdate(user, grants, true)),
      ],
      completion,
    );
    return 'done';
  } catch (error) {
    if (error instanceof ConditionsFailed) return 'changed';
    throw error;
  }
}

// ── visits ───────────────────────────────────────────────────────────────────

/** AP121: a person's visits, newest first. */
export const listVisits = (memberId: string, limit = 30) =>
  queryPartition<VisitRecord>(key.member(memberId).pk, {
    sort: { beginsWith: visitKey.visitPrefix },
    newestFirst: true,
    limit,
  });

/**
 * Records a visit: the visit (new), the member's visit state (only while they are a verified
 * member of the community) and whatever else the visit sets off (a need, its outbox events), in
 * one transaction. False when the member is no longer there.
 */
export async function recordVisit(
  visit: VisitRecord,
  state: Pick<VisitMember, 'lastVisitAt' | 'lastAttemptAt' | 'lastMethod' | 'lastObservation'>,
  extra: TransactItems,
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  const sets = ['lastAttemptAt = :attempt', 'lastMethod = :method'];
  const values: Record<string, unknown> = {
    ':attempt': state.lastAttemptAt,
    ':method': state.lastMethod,
    ':c': visit.communityId,
    ':verified': 'verified',
  };
  const removes: string[] = [];
  if (state.lastVisitAt) {
    sets.push('lastVisitAt = :visit');
    values[':visit'] = state.lastVisitAt;
  }
  if (state.lastObservation) {
    sets.push('lastObservation = :obs');
    values[':obs'] = state.lastObservation;
  } else removes.push('lastObservation');
  try {
    await transact(
      [
        named('visit', {
          Put: { TableName: tableName, Item: visitItem(visit), ConditionExpression: 'attribute_not_exists(pk)' },
        }),
        named('member', {
          Update: {
            TableName: tableName,
            Key: key.member(visit.memberId),
            UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression: 'communityId = :c AND #status = :verified',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: values,
          },
        }),
        ...extra.map((w, i) => named(`extra:${i}`, w)),
      ],
      completion,
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionsFailed && error.has('member')) return false;
    throw error;
  }
}

export { getUserGrants, type UserGrants };
