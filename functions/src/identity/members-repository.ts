/** DynamoDB reads and writes of members (people known to a community) and the address they live at. */
import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@linli/shared/domain-error';
import { documentClient, tableName } from '../platform/dynamo';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { batchGetItems, getItem, queryIndex } from '../platform/items';
import { writeWithReply } from '../platform/transactions';
import { GSI, key } from '../table';
import { identityIndex, identityKey, memberItem } from './items';
import type { Address, MemberRecord } from './records';

// ── community structure ──────────────────────────────────────────────────────

/**
 * Resolves a building and unit of a community, or BUILDING_NOT_FOUND / COMMUNITY_NOT_FOUND; a
 * new member (`forNewMember`) cannot be placed in a retired grid, building or unit (BUILDING_RETIRED).
 */
export async function resolveAddress(
  p: { communityId: string; buildingId: string; unitId: string; room: string },
  options: { forNewMember?: boolean } = {},
): Promise<Address> {
  const [community, building] = await Promise.all([
    getItem<{ name: string }>(key.community(p.communityId)),
    getItem<{
      name: string;
      gridId: string;
      retired?: boolean;
      units: { id: string; name: string; retired?: boolean }[];
    }>(key.building(p.communityId, p.buildingId)),
  ]);
  if (!community) throw new DomainError('COMMUNITY_NOT_FOUND');
  const unit = building?.units.find((u) => u.id === p.unitId);
  if (!building || !unit) throw new DomainError('BUILDING_NOT_FOUND');
  if (options.forNewMember) {
    const grid = await getItem<{ retired?: boolean }>(key.grid(p.communityId, building.gridId));
    if (building.retired || unit.retired || grid?.retired) throw new DomainError('BUILDING_RETIRED');
  }
  return {
    communityId: p.communityId,
    communityName: community.name,
    buildingId: p.buildingId,
    buildingName: building.name,
    unitId: unit.id,
    unitName: unit.name,
    room: p.room.toUpperCase(),
  };
}

// ── members ──────────────────────────────────────────────────────────────────

export const getMember = (memberId: string) => getItem<MemberRecord>(identityKey.member(memberId));

export function getMembers(memberIds: string[]): Promise<MemberRecord[]> {
  return batchGetItems<MemberRecord>([...new Set(memberIds)].map((id) => identityKey.member(id)));
}

export async function putNewMember(m: MemberRecord, completion?: IdempotencyCompletion): Promise<void> {
  await writeWithReply(
    { Put: { TableName: tableName, Item: memberItem(m), ConditionExpression: 'attribute_not_exists(pk)' } },
    completion,
  );
}

export const listCommunityMembers = (communityId: string, buildingId?: string) =>
  queryIndex<MemberRecord>('gsi1', identityIndex.communityMembers(communityId), {
    sort: buildingId ? { beginsWith: identityIndex.membersAtPrefix(buildingId) } : undefined,
  });

export const listHouseholdMembers = (key: string) => queryIndex<MemberRecord>('gsi2', identityIndex.household(key));

/**
 * AP10 as a count: members verified before `before` (the street's figures). Select COUNT with a
 * filter reads the index partition but returns no member's data.
 */
export async function countVerifiedMembers(communityId: string, before: string): Promise<number> {
  let count = 0;
  const pages = paginateQuery(
    { client: documentClient },
    {
      TableName: tableName,
      IndexName: GSI.gsi1.name,
      KeyConditionExpression: '#pk = :pk',
      FilterExpression: '#status = :verified AND #createdAt < :before',
      ExpressionAttributeNames: { '#pk': GSI.gsi1.partitionKey, '#status': 'status', '#createdAt': 'createdAt' },
      ExpressionAttributeValues: {
        ':pk': identityIndex.communityMembers(communityId),
        ':verified': 'verified',
        ':before': before,
      },
      Select: 'COUNT',
    },
  );
  for await (const page of pages) count += page.Count ?? 0;
  return count;
}
