/** Stored shapes of the structure items (GRID#, BUILDING#): the keys the seed and the roster import share. */

export interface GridItemRecord {
  id: string;
  communityId: string;
  name: string;
  /** The grid worker (网格员). */
  leader?: string;
  leaderPhone?: string;
  order: number;
  retired?: boolean;
  /** Bumped by every change; absent on items written before the editor (read as 0). */
  version?: number;
}

export interface UnitEntry {
  id: string;
  name: string;
  retired?: boolean;
}

export interface BuildingItemRecord {
  id: string;
  communityId: string;
  gridId: string;
  name: string;
  address: string;
  households: number;
  /** 楼栋长. */
  leader?: string;
  units: UnitEntry[];
  order: number;
  retired?: boolean;
  version?: number;
}
