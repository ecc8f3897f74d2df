/**
 * Keys, stored shapes and item builders of grid workers' care visits (网格敲门), declared once
 * (the seed uses them too); no I/O.
 * Access patterns (also in table.ts and docs/data-model.md):
 *  AP120 a community's grid workers              Query pk=COMMUNITY#<id> begins_with(sk, GRIDWORKER#); GetItem …/GRIDWORKER#<user>
 *  AP121 a person's visits, newest first         Query pk=MEMBER#<id> begins_with(sk, VISIT#) descending
 *  AP122 a community's visit intervals per tag   GetItem pk=COMMUNITY#<id> sk=SETTINGS#visits
 *  AP123 the people of a grid                    AP1 (the grid's buildings), then AP10 per building; the
 *                                                visit state (lastVisitAt, …) is a field of the member item
 */
import { partition } from '../table';
import type { VisitMethod, VisitObservation, VisitIntervals } from '@linli/shared/domain/care/visits';
import type { MemberTag } from '@linli/shared/domain/care/tags';

type Item = Record<string, unknown>;

/** A grid worker (网格员) of a community: pk=COMMUNITY#<id>, sk=GRIDWORKER#<userId>. */
export interface GridWorkerRecord {
  communityId: string;
  userId: string;
  memberId: string;
  name: string;
  buildingName: string;
  gridIds: string[];
  appointedAt: string;
  appointedBy: string;
  appointedByName: string;
}

/** One visit, append-only: pk=MEMBER#<id>, sk=VISIT#<at>#<visitId>. */
export interface VisitRecord {
  visitId: string;
  communityId: string;
  memberId: string;
  gridId: string;
  at: string;
  byUserId: string;
  byName: string;
  method: VisitMethod;
  observation?: VisitObservation;
  note?: string;
  needId?: string;
}

/** pk=COMMUNITY#<id>, sk=SETTINGS#visits. */
export interface VisitIntervalsRecord {
  intervals: VisitIntervals;
}

/** The part of a member item a grid worker's list reads: who, where, tags and the visit state. */
export interface VisitMember {
  memberId: string;
  communityId: string;
  realName: string;
  birthDate?: string;
  phone?: string;
  userId?: string;
  buildingId: string;
  buildingName: string;
  unitName: string;
  room: string;
  status: string;
  createdAt: string;
  tags?: MemberTag[];
  lastVisitAt?: string;
  lastAttemptAt?: string;
  lastMethod?: VisitMethod;
  lastObservation?: VisitObservation;
}

export const visitKey = {
  gridWorker: (communityId: string, userId: string) => ({
    pk: partition.community(communityId),
    sk: `GRIDWORKER#${userId}`,
  }),
  gridWorkerPrefix: 'GRIDWORKER#',
  visit: (memberId: string, at: string, visitId: string) => ({
    pk: partition.member(memberId),
    sk: `VISIT#${at}#${visitId}`,
  }),
  /** Sort-key prefix of a member's visits (AP121). */
  visitPrefix: 'VISIT#',
  intervals: (communityId: string) => ({ pk: partition.community(communityId), sk: 'SETTINGS#visits' }),
} as const;

export const gridWorkerItem = (w: GridWorkerRecord): Item => ({
  ...visitKey.gridWorker(w.communityId, w.userId),
  type: 'GridWorker',
  ...w,
});

export const visitItem = (v: VisitRecord): Item => ({
  ...visitKey.visit(v.memberId, v.at, v.visitId),
  type: 'Visit',
  ...v,
});

export const intervalsItem = (communityId: string, r: VisitIntervalsRecord): Item => ({
  ...visitKey.intervals(communityId),
  type: 'VisitIntervals',
  ...r,
});

/** The deterministic id of a grid worker's daily overdue message, so a second run of the job writes nothing. */
export const overdueReminderId = (communityId: string, date: string, userId: string) =>
  `gridvisits-${date}-${communityId}-${userId}`;
