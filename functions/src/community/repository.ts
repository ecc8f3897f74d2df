import { GetCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { BuildingRecord, CommunityRecord, GridRecord } from '@linli/shared/domain/community/structure';
import { partition } from '../table';
import { communityKey } from './items';
import { documentClient, tableName } from '../platform/dynamo';

export interface CommunityStructure {
  community: CommunityRecord | undefined;
  grids: GridRecord[];
  buildings: BuildingRecord[];
}

type Item = Record<string, unknown>;

const toCommunity = (i: Item): CommunityRecord => ({
  id: String(i.id),
  name: String(i.name),
  city: String(i.city),
  district: String(i.district),
  address: String(i.address),
});

const toGrid = (i: Item): GridRecord => ({
  id: String(i.id),
  name: String(i.name),
  leader: typeof i.leader === 'string' ? i.leader : undefined,
  ...(typeof i.leaderPhone === 'string' ? { leaderPhone: i.leaderPhone } : {}),
  ...(i.retired === true ? { retired: true } : {}),
  order: Number(i.order ?? 0),
});

const toBuilding = (i: Item): BuildingRecord => ({
  id: String(i.id),
  gridId: String(i.gridId),
  name: String(i.name),
  address: String(i.address),
  households: Number(i.households ?? 0),
  ...(typeof i.leader === 'string' ? { leader: i.leader } : {}),
  ...(i.retired === true ? { retired: true } : {}),
  units: ((i.units as { id: string; name: string; retired?: boolean }[] | undefined) ?? []).map((u) => ({
    id: u.id,
    name: u.name,
    ...(u.retired === true ? { retired: true } : {}),
  })),
  order: Number(i.order ?? 0),
});

/** AP1: one Query (followed to its last page) returns the community, its grids and buildings. */
export async function loadCommunityStructure(communityId: string): Promise<CommunityStructure> {
  const out: CommunityStructure = { community: undefined, grids: [], buildings: [] };
  const pages = paginateQuery(
    { client: documentClient },
    {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition.community(communityId) },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      const sk = String(item.sk);
      if (sk === 'META') out.community = toCommunity(item);
      else if (sk.startsWith(communityKey.gridPrefix)) out.grids.push(toGrid(item));
      else if (sk.startsWith(communityKey.buildingPrefix)) out.buildings.push(toBuilding(item));
    }
  }
  return out;
}

/** AP2: a cheap read proving the table answers. */
export async function pingTable(): Promise<boolean> {
  try {
    await documentClient.send(new GetCommand({ TableName: tableName, Key: communityKey.health() }));
    return true;
  } catch {
    return false;
  }
}
