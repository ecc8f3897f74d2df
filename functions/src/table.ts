/**
 * The single table: key shapes, index names and the access patterns they serve.
 * CDK imports the attribute and index names from here, so the table and the code agree.
 *
 * Access patterns (also in docs/data-model.md):
 *  AP1  community with grids, buildings, units     Query pk=COMMUNITY#<id>
 *  AP2  health probe of the table                  DescribeTable-free GetItem pk=HEALTH sk=HEALTH
 *  AP3  idempotency record of a request            GetItem pk=IDEMPOTENCY#<user>#<route>#<key> sk=IDEMPOTENCY
 *  AP4  a user's profile and role grants            GetItem pk=USER#<id> sk=PROFILE
 *  AP5  a community's canteens, venues, merchants   Query pk=COMMUNITY#<id> begins_with(sk, CANTEEN#|VENUE#|MERCHANT#)
 */

export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Generic secondary indexes; each entity documents what it puts in them. */
export const GSI = {
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  gsi2: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
} as const;

/** Epoch seconds after which DynamoDB may delete an item (DynamoDB Local never does: filter on it). */
export const TTL_ATTRIBUTE = 'expiresAt';


export const key = {
  community: (communityId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: 'META' }),
  grid: (communityId: string, gridId: string) => ({
    pk: `COMMUNITY#${communityId}`,
    sk: `GRID#${gridId}`,
  }),
  building: (communityId: string, buildingId: string) => ({
    pk: `COMMUNITY#${communityId}`,
    sk: `BUILDING#${buildingId}`,
  }),
  canteen: (communityId: string, canteenId: string) => ({
    pk: `COMMUNITY#${communityId}`,
    sk: `CANTEEN#${canteenId}`,
  }),
  venue: (communityId: string, venueId: string) => ({
    pk: `COMMUNITY#${communityId}`,
    sk: `VENUE#${venueId}`,
  }),
  merchant: (communityId: string, merchantId: string) => ({
    pk: `COMMUNITY#${communityId}`,
    sk: `MERCHANT#${merchantId}`,
  }),
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  idempotency: (userId: string, routeId: string, idempotencyKey: string) => ({
    pk: `IDEMPOTENCY#${userId}#${routeId}#${idempotencyKey}`,
    sk: 'IDEMPOTENCY',
  }),
  health: () => ({ pk: 'HEALTH', sk: 'HEALTH' }),
} as const;

/** Prefix of every item in a community's partition, for Query. */
export const communityPartition = (communityId: string) => `COMMUNITY#${communityId}`;

/** Entity type tag stored on every item, so a stream consumer can tell items apart. */
export type EntityType = 'Community' | 'Grid' | 'Building' | 'Canteen' | 'Venue' | 'Merchant' | 'User' | 'Idempotency' | 'Health';
