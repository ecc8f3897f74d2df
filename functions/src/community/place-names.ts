/**
 * The current names of a community's buildings and units. Members, applications, bookings and
 * meal orders keep the names they were created with (for history and exports); views pass
 * their records through `current` so a rename in the structure editor shows everywhere at once.
 */
import { loadCommunityStructure } from './repository';

interface Placed {
  communityId: string;
  buildingId: string;
  unitId: string;
  buildingName: string;
  unitName: string;
  communityName?: string;
}

export interface PlaceNames {
  /** The record with today's community, building and unit names (unchanged where a place is unknown). */
  current<T extends Placed>(record: T): T;
}

/** AP1: one Query of the community's partition gives every name. */
export async function placeNames(communityId: string): Promise<PlaceNames> {
  const { community, buildings } = await loadCommunityStructure(communityId);
  const byId = new Map(buildings.map((b) => [b.id, b]));
  return {
    current<T extends Placed>(record: T): T {
      if (record.communityId !== communityId) return record;
      const building = byId.get(record.buildingId);
      const unit = building?.units.find((u) => u.id === record.unitId);
      return {
        ...record,
        ...(record.communityName !== undefined && community ? { communityName: community.name } : {}),
        ...(building ? { buildingName: building.name } : {}),
        ...(unit ? { unitName: unit.name } : {}),
      };
    },
  };
}

/** Records of any communities with their current names (one structure read per community). */
export async function withCurrentNames<T extends Placed>(records: T[]): Promise<T[]> {
  const communities = [...new Set(records.map((r) => r.communityId))];
  const names = new Map(await Promise.all(communities.map(async (c) => [c, await placeNames(c)] as const)));
  return records.map((r) => names.get(r.communityId)!.current(r));
}
