import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { key } from '../../functions/src/table';
import {
  demoBuildings,
  demoCanteens,
  demoCommunity,
  demoGrids,
  demoMerchants,
  demoUsers,
  demoVenues,
} from './seed-data';

/** Every item of the demo community, with its keys. */
export function seedItems(): Record<string, unknown>[] {
  const c = demoCommunity.id;
  return [
    { ...key.health(), type: 'Health' },
    { ...key.community(c), type: 'Community', ...demoCommunity },
    ...demoGrids.map((g) => ({ ...key.grid(c, g.id), type: 'Grid', communityId: c, ...g })),
    ...demoBuildings.map((b) => ({ ...key.building(c, b.id), type: 'Building', communityId: c, ...b })),
    ...demoCanteens.map((x) => ({ ...key.canteen(c, x.id), type: 'Canteen', communityId: c, ...x })),
    ...demoVenues.map((x) => ({ ...key.venue(c, x.id), type: 'Venue', communityId: c, ...x })),
    ...demoMerchants.map((x) => ({ ...key.merchant(c, x.id), type: 'Merchant', communityId: c, ...x })),
    ...demoUsers.map(({ roleLabel: _label, ...u }) => ({ ...key.user(u.id), type: 'User', ...u })),
  ];
}

/**
 * Writes the demo data, leaving items that already exist untouched, so seeding twice is
 * harmless and never overwrites what people changed while using the dev stack.
 */
export async function seed(client: DynamoDBClient, tableName: string): Promise<{ written: number; kept: number }> {
  const doc = DynamoDBDocumentClient.from(client);
  let written = 0;
  let kept = 0;
  for (const item of seedItems()) {
    try {
      await doc.send(
        new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      written += 1;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      kept += 1;
    }
  }
  return { written, kept };
}
