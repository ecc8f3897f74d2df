/**
 * Type tags and item builders of the community's structure (grids, buildings) and the table's
 * health item; no I/O (the seed uses them too). Grid and building keys live in table.ts, since
 * identity and care read them.
 */
import { key } from '../table';
import type { BuildingItemRecord, GridItemRecord } from './structure-records';

type Item = Record<string, unknown>;

export const communityTypes = ['Grid', 'Building', 'Health'] as const;
export type CommunityType = (typeof communityTypes)[number];

export const communityKey = {
  grid: key.grid,
  building: key.building,
  gridPrefix: key.gridPrefix,
  buildingPrefix: key.buildingPrefix,
  /** A fixed item `GET /health` reads (AP2). */
  health: () => ({ pk: 'HEALTH', sk: 'HEALTH' }),
} as const;

export const gridItem = (g: GridItemRecord): Item => ({
  ...communityKey.grid(g.communityId, g.id),
  type: 'Grid',
  ...g,
});

export const buildingItem = (b: BuildingItemRecord): Item => ({
  ...communityKey.building(b.communityId, b.id),
  type: 'Building',
  ...b,
});

export const healthItem = (): Item => ({ ...communityKey.health(), type: 'Health' });
