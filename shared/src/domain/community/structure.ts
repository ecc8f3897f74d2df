import type { Building, Community, Grid } from '../../contract/community';

export type CommunityRecord = Omit<Community, 'grids'>;
export type GridRecord = Omit<Grid, 'buildings'> & { order: number };
export type BuildingRecord = Building & { order: number };

const byOrder = <T extends { order: number; id: string }>(a: T, b: T) => a.order - b.order || a.id.localeCompare(b.id);

/** Nests buildings under their grids, in display order; a building of an unknown grid is left out. */
export function assembleCommunity(
  community: CommunityRecord,
  grids: GridRecord[],
  buildings: BuildingRecord[],
): Community {
  return {
    ...community,
    grids: [...grids].sort(byOrder).map(({ order: _order, ...grid }) => ({
      ...grid,
      buildings: buildings
        .filter((b) => b.gridId === grid.id)
        .sort(byOrder)
        .map(({ order: _o, ...building }) => building),
    })),
  };
}
