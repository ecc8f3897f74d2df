/**
 * The community structure editor's use cases: grids, buildings and units added, renamed,
 * reordered and retired. Every view reads names from these items (the 'address' of a member
 * shows the building's current name), so a rename shows everywhere at once; a building or unit
 * where anyone lives or has applied is only retired, never deleted.
 */
import { ulid } from 'ulidx';
import type { Body, Routes } from '@linli/shared/contract';
import type { Structure, StructureBuilding, StructureGrid } from '@linli/shared/contract/structure';
import { DomainError } from '@linli/shared/domain-error';
import { completionPut } from '../platform/idempotency';
import { key } from '../table';
import * as repo from './structure-repository';
import type { BuildingItemRecord, GridItemRecord, UnitEntry } from './structure-records';

const sameName = (a: string, b: string) => a.trim() === b.trim();
const nextOrder = (items: { order: number }[]) => items.reduce((max, i) => Math.max(max, i.order), 0) + 1;
const drop = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

function gridView(g: GridItemRecord): StructureGrid {
  return drop({
    id: g.id,
    name: g.name,
    leader: g.leader || undefined,
    leaderPhone: g.leaderPhone || undefined,
    order: g.order,
    retired: g.retired === true,
    version: g.version ?? 0,
  });
}

function buildingView(b: BuildingItemRecord, counts: Map<string, number>): StructureBuilding {
  return drop({
    id: b.id,
    gridId: b.gridId,
    name: b.name,
    address: b.address,
    households: b.households,
    leader: b.leader || undefined,
    order: b.order,
    retired: b.retired === true,
    version: b.version ?? 0,
    members: counts.get(b.id) ?? 0,
    units: b.units.map((u) => ({
      id: u.id,
      name: u.name,
      retired: u.retired === true,
      members: counts.get(`${b.id}#${u.id}`) ?? 0,
    })),
  });
}

const byOrder = <T extends { order: number; id: string }>(a: T, b: T) => a.order - b.order || a.id.localeCompare(b.id);

/** The editor's view: everything, retired included, in display order, with member counts. */
export async function getStructure(communityId: string): Promise<Structure> {
  const [community, grids, buildings, counts] = await Promise.all([
    repo.getCommunityMeta(communityId),
    repo.listGrids(communityId),
    repo.listBuildings(communityId),
    repo.memberCounts(communityId),
  ]);
  if (!community) throw new DomainError('COMMUNITY_NOT_FOUND');
  return {
    communityId,
    communityName: community.name,
    grids: grids.sort(byOrder).map(gridView),
    buildings: buildings.sort(byOrder).map((b) => buildingView(b, counts)),
  };
}

async function requireGrid(communityId: string, gridId: string) {
  const grid = await repo.getGrid(communityId, gridId);
  if (!grid) throw new DomainError('GRID_NOT_FOUND');
  return grid;
}

async function requireBuilding(communityId: string, buildingId: string) {
  const building = await repo.getBuilding(communityId, buildingId);
  if (!building) throw new DomainError('BUILDING_NOT_FOUND');
  return building;
}

export async function createGrid(communityId: string, input: Body<Routes['createGrid']>): Promise<StructureGrid> {
  const names = await repo.namesGuard(communityId);
  const grids = await repo.listGrids(communityId);
  if (!(await repo.getCommunityMeta(communityId))) throw new DomainError('COMMUNITY_NOT_FOUND');
  if (grids.some((g) => sameName(g.name, input.name))) throw new DomainError('STRUCTURE_NAME_TAKEN');
  const grid: GridItemRecord = drop({
    id: ulid(),
    communityId,
    name: input.name,
    leader: input.leader || undefined,
    leaderPhone: input.leaderPhone || undefined,
    order: nextOrder(grids),
    version: 0,
  });
  const reply = gridView(grid);
  await repo.create(repo.gridItem(grid), names, completionPut(reply));
  return reply;
}

export async function updateGrid(
  communityId: string,
  gridId: string,
  change: Body<Routes['updateGrid']>,
): Promise<StructureGrid> {
  const grid = await requireGrid(communityId, gridId);
  if ((grid.version ?? 0) !== change.expectedVersion) throw new DomainError('STRUCTURE_CHANGED');
  const renamed = change.name !== undefined && !sameName(change.name, grid.name);
  const names = renamed ? await repo.namesGuard(communityId) : undefined;
  if (renamed) {
    const grids = await repo.listGrids(communityId);
    if (grids.some((g) => g.id !== gridId && sameName(g.name, change.name!)))
      throw new DomainError('STRUCTURE_NAME_TAKEN');
  }
  const next: GridItemRecord = drop({
    ...grid,
    name: change.name ?? grid.name,
    leader: change.leader !== undefined ? change.leader || undefined : grid.leader,
    leaderPhone: change.leaderPhone !== undefined ? change.leaderPhone || undefined : grid.leaderPhone,
    retired: change.retired !== undefined ? change.retired || undefined : grid.retired,
    version: change.expectedVersion + 1,
  });
  const reply = gridView(next);
  await repo.replace(
    { ...repo.gridItem(next), version: next.version! },
    change.expectedVersion,
    completionPut(reply),
    names,
  );
  return reply;
}

export async function createBuilding(
  communityId: string,
  input: Body<Routes['createBuilding']>,
): Promise<StructureBuilding> {
  const grid = await requireGrid(communityId, input.gridId);
  if (grid.retired) throw new DomainError('GRID_RETIRED');
  const names = await repo.namesGuard(communityId);
  const buildings = await repo.listBuildings(communityId);
  if (buildings.some((b) => sameName(b.name, input.name))) throw new DomainError('STRUCTURE_NAME_TAKEN');
  const unitNames = input.units ?? [];
  if (new Set(unitNames.map((n) => n.trim())).size !== unitNames.length) throw new DomainError('STRUCTURE_NAME_TAKEN');
  const building: BuildingItemRecord = drop({
    id: ulid(),
    communityId,
    gridId: grid.id,
    name: input.name,
    address: input.address ?? '',
    households: input.households ?? 0,
    leader: input.leader || undefined,
    units: unitNames.map((name) => ({ id: ulid(), name })),
    order: nextOrder(buildings.filter((b) => b.gridId === grid.id)),
    version: 0,
  });
  const reply = buildingView(building, new Map());
  await repo.create(repo.buildingItem(building), names, completionPut(reply));
  return reply;
}

export async function updateBuilding(
  communityId: string,
  buildingId: string,
  change: Body<Routes['updateBuilding']>,
): Promise<StructureBuilding> {
  const building = await requireBuilding(communityId, buildingId);
  if ((building.version ?? 0) !== change.expectedVersion) throw new DomainError('STRUCTURE_CHANGED');
  if (change.gridId !== undefined && change.gridId !== building.gridId) {
    const grid = await requireGrid(communityId, change.gridId);
    if (grid.retired) throw new DomainError('GRID_RETIRED');
  }
  const renamed = change.name !== undefined && !sameName(change.name, building.name);
  const names = renamed ? await repo.namesGuard(communityId) : undefined;
  if (renamed) {
    const all = await repo.listBuildings(communityId);
    if (all.some((b) => b.id !== buildingId && sameName(b.name, change.name!)))
      throw new DomainError('STRUCTURE_NAME_TAKEN');
  }
  const next: BuildingItemRecord = drop({
    ...building,
    name: change.name ?? building.name,
    gridId: change.gridId ?? building.gridId,
    address: change.address ?? building.address,
    households: change.households ?? building.households,
    leader: change.leader !== undefined ? change.leader || undefined : building.leader,
    retired: change.retired !== undefined ? change.retired || undefined : building.retired,
    version: change.expectedVersion + 1,
  });
  return writeBuilding(next, change.expectedVersion, names);
}

async function writeBuilding(
  next: BuildingItemRecord,
  expectedVersion: number,
  names?: repo.NamesGuard,
): Promise<StructureBuilding> {
  const reply = buildingView(next, await repo.memberCounts(next.communityId));
  await repo.replace(
    { ...repo.buildingItem(next), version: next.version! },
    expectedVersion,
    completionPut(reply),
    names,
  );
  return reply;
}

/** Refuses to delete where anyone lives or has applied: such places are retired instead. */
async function refuseIfInUse(communityId: string, buildingId: string, unitId?: string) {
  const [members, applications] = await Promise.all([
    repo.hasMembers(communityId, buildingId, unitId),
    repo.hasPendingApplications(communityId, buildingId, unitId),
  ]);
  if (members || applications) throw new DomainError('STRUCTURE_IN_USE');
}

export async function deleteBuilding(communityId: string, buildingId: string, expectedVersion: number) {
  const building = await requireBuilding(communityId, buildingId);
  if ((building.version ?? 0) !== expectedVersion) throw new DomainError('STRUCTURE_CHANGED');
  await refuseIfInUse(communityId, buildingId);
  const reply = { deleted: buildingId };
  await repo.deleteBuilding(communityId, buildingId, expectedVersion, completionPut(reply));
  return reply;
}

function requireUnit(building: BuildingItemRecord, unitId: string): UnitEntry {
  const unit = building.units.find((u) => u.id === unitId);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND');
  return unit;
}

async function changeUnits(
  communityId: string,
  buildingId: string,
  expectedVersion: number,
  change: (building: BuildingItemRecord) => UnitEntry[] | Promise<UnitEntry[]>,
): Promise<StructureBuilding> {
  const building = await requireBuilding(communityId, buildingId);
  if ((building.version ?? 0) !== expectedVersion) throw new DomainError('STRUCTURE_CHANGED');
  const units = await change(building);
  return writeBuilding({ ...building, units, version: expectedVersion + 1 }, expectedVersion);
}

export const addUnit = (communityId: string, buildingId: string, input: Body<Routes['addUnit']>) =>
  changeUnits(communityId, buildingId, input.expectedVersion, (building) => {
    if (building.retired) throw new DomainError('BUILDING_RETIRED');
    if (building.units.some((u) => sameName(u.name, input.name))) throw new DomainError('STRUCTURE_NAME_TAKEN');
    return [...building.units, { id: ulid(), name: input.name }];
  });

/** A unit of a building, as the path names it. */
interface UnitRef {
  communityId: string;
  buildingId: string;
  unitId: string;
}

export const updateUnit = ({ communityId, buildingId, unitId }: UnitRef, change: Body<Routes['updateUnit']>) =>
  changeUnits(communityId, buildingId, change.expectedVersion, (building) => {
    const unit = requireUnit(building, unitId);
    if (change.name !== undefined && building.units.some((u) => u.id !== unitId && sameName(u.name, change.name!))) {
      throw new DomainError('STRUCTURE_NAME_TAKEN');
    }
    const updated: UnitEntry = drop({
      ...unit,
      name: change.name ?? unit.name,
      retired: change.retired !== undefined ? change.retired || undefined : unit.retired,
    });
    const others = building.units.filter((u) => u.id !== unitId);
    const at = Math.min(change.position ?? building.units.indexOf(unit), others.length);
    return [...others.slice(0, at), updated, ...others.slice(at)];
  });

export const deleteUnit = ({ communityId, buildingId, unitId }: UnitRef, expectedVersion: number) =>
  changeUnits(communityId, buildingId, expectedVersion, async (building) => {
    requireUnit(building, unitId);
    await refuseIfInUse(communityId, buildingId, unitId);
    return building.units.filter((u) => u.id !== unitId);
  });

/** New order of all grids, or of all buildings of one grid; anything else is REORDER_MISMATCH. */
export async function reorder(communityId: string, input: Body<Routes['reorderStructure']>): Promise<Structure> {
  const ids = input.ids;
  if (new Set(ids).size !== ids.length) throw new DomainError('REORDER_MISMATCH');
  if (input.kind === 'grids') {
    const grids = await repo.listGrids(communityId);
    if (grids.length !== ids.length || !ids.every((id) => grids.some((g) => g.id === id))) {
      throw new DomainError('REORDER_MISMATCH');
    }
    await repo.writeOrder(ids.map((id) => key.grid(communityId, id)));
  } else {
    const buildings = await repo.listBuildings(communityId);
    const first = buildings.find((b) => b.id === ids[0]);
    const sameGrid = first ? buildings.filter((b) => b.gridId === first.gridId) : [];
    if (sameGrid.length !== ids.length || !ids.every((id) => sameGrid.some((b) => b.id === id))) {
      throw new DomainError('REORDER_MISMATCH');
    }
    await repo.writeOrder(ids.map((id) => key.building(communityId, id)));
  }
  return getStructure(communityId);
}
