/**
 * What a grid worker (and staff) read: the people of a grid in visiting order, the overdue lists,
 * and a person's card. A grid worker sees only the grids of their grants (GRID_NOT_YOURS).
 */
import type { GridPerson, GridPersonCard, VisitSignal } from '@linli/shared/contract/care-visits';
import type { Principal } from '@linli/shared/contract/principal';
import { MEAL_LABEL } from '@linli/shared/domain/canteen/rules';
import { todayInShanghai } from '@linli/shared/domain/common/shanghai-time';
import { ageOn } from '@linli/shared/domain/identity/person';
import {
  compareForVisits,
  gridsOf,
  intervalFor,
  mayLookInto,
  overdueFirst,
  standing,
  type VisitIntervals,
} from '@linli/shared/domain/care/visits';
import { DomainError } from '@linli/shared/domain-error';
import { missedMealsOn } from '../canteen';
import type { VisitMember, VisitRecord } from './visit-items';
import * as repo from './visit-repository';

type Row = GridPerson & { sortKey: string };

/** Everything the rows of one community need besides the members: structure, intervals, today's signals. */
interface Context {
  now: Date;
  today: string;
  intervals: VisitIntervals;
  grids: repo.GridRecord[];
  buildings: repo.BuildingRef[];
  signals: Map<string, VisitSignal[]>;
}

/**
 * Today's canteen signals are read from today's orders when a list is asked for, not kept as
 * items written by an outbox subscriber: a meal nobody picked up is a non-event (nothing is
 * written when a pickup window passes), so a subscriber would need its own timer to notice it,
 * and its items would need cleaning up. Reading the day's orders (one Query per canteen) is
 * always current, is right the same day by construction, and holds nothing that can go stale.
 */
async function loadContext(communityId: string, now = new Date()): Promise<Context> {
  const today = todayInShanghai(now);
  const [{ grids, buildings }, { intervals }, missed] = await Promise.all([
    repo.loadGrids(communityId),
    repo.getIntervals(communityId),
    missedMealsOn(communityId, today, now),
  ]);
  const signals = new Map<string, VisitSignal[]>();
  for (const m of missed) {
    const list = signals.get(m.memberId) ?? [];
    list.push({ kind: m.kind, date: m.date, meal: MEAL_LABEL[m.meal], canteenName: m.canteenName });
    signals.set(m.memberId, list);
  }
  return { now, today, intervals, grids, buildings, signals };
}

function row(m: VisitMember, ctx: Context): Row | undefined {
  const building = ctx.buildings.find((b) => b.id === m.buildingId);
  const grid = building && ctx.grids.find((g) => g.id === building.gridId);
  if (!building || !grid) return undefined;
  const tags = m.tags ?? [];
  const intervalDays = intervalFor(tags, ctx.intervals);
  const stand = intervalDays === undefined ? undefined : standing(m.lastVisitAt, m.createdAt, intervalDays, ctx.now);
  return {
    memberId: m.memberId,
    name: m.realName,
    age: m.birthDate ? ageOn(m.birthDate, ctx.today) : undefined,
    gridId: grid.id,
    gridName: grid.name,
    buildingName: m.buildingName,
    unitName: m.unitName,
    room: m.room,
    tags,
    hasWeChat: Boolean(m.userId),
    intervalDays,
    lastVisitAt: m.lastVisitAt,
    lastAttemptAt: m.lastAttemptAt,
    lastMethod: m.lastMethod,
    lastObservation: m.lastObservation,
    dueAt: stand?.dueAt,
    overdue: stand?.overdue ?? false,
    overdueDays: stand?.overdueDays ?? 0,
    // Signals lift people who live alone: a missed meal is what tells that nobody has seen them.
    signals: tags.includes('独居') ? (ctx.signals.get(m.memberId) ?? []) : [],
    sortKey: `${String(building.order ?? 0).padStart(4, '0')}#${m.unitName}#${m.room.padStart(6, '0')}#${m.memberId}`,
  };
}

const strip = ({ sortKey: _sortKey, ...person }: Row): GridPerson => person;

/** The grids the caller may look into, or GRID_NOT_YOURS; GRID_NOT_FOUND when there is no such grid. */
function requireGrid(principal: Principal, communityId: string, gridId: string, ctx: Context) {
  if (!mayLookInto(gridsOf(principal.grants, communityId), gridId)) throw new DomainError('GRID_NOT_YOURS');
  const grid = ctx.grids.find((g) => g.id === gridId);
  if (!grid) throw new DomainError('GRID_NOT_FOUND');
  return grid;
}

async function gridRows(communityId: string, gridId: string, ctx: Context): Promise<Row[]> {
  const buildings = ctx.buildings.filter((b) => b.gridId === gridId);
  const members = (await Promise.all(buildings.map((b) => repo.listMembers(communityId, b.id)))).flat();
  return members
    .filter((m) => m.status === 'verified')
    .flatMap((m) => row(m, ctx) ?? [])
    .sort(compareForVisits);
}

export async function listGridPeople(principal: Principal, communityId: string, gridId: string) {
  const ctx = await loadContext(communityId);
  const grid = requireGrid(principal, communityId, gridId, ctx);
  return { grid: { gridId: grid.id, name: grid.name }, people: (await gridRows(communityId, gridId, ctx)).map(strip) };
}

export async function listGridOverdue(principal: Principal, communityId: string, gridId: string) {
  const ctx = await loadContext(communityId);
  const grid = requireGrid(principal, communityId, gridId, ctx);
  const rows = overdueFirst(await gridRows(communityId, gridId, ctx));
  return { grid: { gridId: grid.id, name: grid.name }, people: rows.map(strip) };
}

/** The caller's grids with their counts (staff: every grid of the community). */
export async function listMyGrids(principal: Principal, communityId: string) {
  const ctx = await loadContext(communityId);
  const mine = gridsOf(principal.grants, communityId);
  const grids = ctx.grids.filter((g) => mayLookInto(mine, g.id));
  return {
    grids: await Promise.all(
      grids.map(async (g) => {
        const rows = await gridRows(communityId, g.id, ctx);
        return {
          gridId: g.id,
          name: g.name,
          people: rows.length,
          overdue: rows.filter((r) => r.overdue).length,
          signals: rows.filter((r) => r.signals.length > 0).length,
        };
      }),
    ),
  };
}

/** Staff's overdue list of the whole community, each person with their grid. */
export async function listCommunityOverdue(communityId: string) {
  const ctx = await loadContext(communityId);
  const members = await repo.listMembers(communityId);
  const rows = members.filter((m) => m.status === 'verified').flatMap((m) => row(m, ctx) ?? []);
  return { people: overdueFirst(rows).map(strip) };
}

export const visitView = (v: VisitRecord) => ({
  visitId: v.visitId,
  memberId: v.memberId,
  gridId: v.gridId,
  at: v.at,
  byName: v.byName,
  method: v.method,
  observation: v.observation,
  note: v.note,
  needId: v.needId,
});

/**
 * A person of the caller's grids, with the row the list shows; MEMBER_NOT_FOUND for someone who
 * is not a verified member of the community, GRID_NOT_YOURS for someone of another grid.
 */
export async function requirePerson(principal: Principal, communityId: string, memberId: string) {
  const [member, ctx] = await Promise.all([repo.getMember(memberId), loadContext(communityId)]);
  if (!member || member.communityId !== communityId || member.status !== 'verified')
    throw new DomainError('MEMBER_NOT_FOUND');
  const person = row(member, ctx);
  if (!person) throw new DomainError('MEMBER_NOT_FOUND');
  if (!mayLookInto(gridsOf(principal.grants, communityId), person.gridId)) throw new DomainError('GRID_NOT_YOURS');
  return { member, person };
}

export async function getGridPerson(
  principal: Principal,
  communityId: string,
  memberId: string,
): Promise<GridPersonCard> {
  const { member, person } = await requirePerson(principal, communityId, memberId);
  const [caregivers, visits] = await Promise.all([repo.listCaregivers(memberId), repo.listVisits(memberId)]);
  return { person: strip(person), phone: member.phone, caregivers, visits: visits.map(visitView) };
}

/** For the daily job: a community's context and the rows of one grid. */
export { loadContext, gridRows };
