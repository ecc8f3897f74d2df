/**
 * The demo seed's menus: today's and tomorrow's lunch and dinner, dated from the day the stack
 * starts (Asia/Shanghai), written as publishing writes them, and kept as they are when the data
 * persists and the stack starts again.
 */
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, todayInShanghai } from '@linli/shared/domain/common/shanghai-time';
import { demoMenus, seed } from '../../scripts/lib/seed';
import { DEMO_COMMUNITY_ID } from '../../scripts/lib/seed-data';
import { ensureTable, localClient } from '../../scripts/lib/table-setup';
import { canteenIndex, canteenKey } from '../../functions/src/canteen/items';

describe('the demo menus of the seed', () => {
  it('dates them from the Shanghai day the stack starts, even late in the UTC evening', () => {
    // 20:30 UTC on 4 December is 04:30 on 5 December in Shanghai.
    const menus = demoMenus(new Date('2026-12-04T20:30:00.000Z'));

    expect(menus.map(({ menu }) => `${menu.date} ${menu.meal}`)).toEqual([
      '2026-12-05 lunch',
      '2026-12-05 dinner',
      '2026-12-06 lunch',
      '2026-12-06 dinner',
    ]);
    expect(menus[0]!.menu).toMatchObject({
      cutoffAt: '2026-12-05T02:00:00.000Z',
      pickupStartsAt: '2026-12-05T03:30:00.000Z',
      pickupEndsAt: '2026-12-05T05:00:00.000Z',
    });
  });

  it('publishes today’s and tomorrow’s lunch and dinner, and keeps them as changed when seeding again', async () => {
    const client = localClient(process.env.DYNAMODB_ENDPOINT!);
    const doc = DynamoDBDocumentClient.from(client);
    const table = `linli-seed-menus-${Date.now()}`;
    await ensureTable(client, table);
    const today = todayInShanghai();
    const listed = async () =>
      (
        await doc.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':pk': canteenIndex.communityMenus(DEMO_COMMUNITY_ID),
              ':from': `${today}#`,
              ':to': `${addDays(today, 1)}#~`,
            },
          }),
        )
      ).Items ?? [];

    await seed(client, table);
    const menus = await listed();
    const lunch = menus.find((m) => m.date === today && m.meal === 'lunch')!;
    const firstDish = canteenKey.dish(lunch.pk as string, (lunch.dishIds as string[])[0]!);
    // Someone orders during the demo: the dish's stock goes down.
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: firstDish,
        UpdateExpression: 'SET #left = :left',
        ExpressionAttributeNames: { '#left': 'left' },
        ExpressionAttributeValues: { ':left': 3 },
      }),
    );
    const again = await seed(client, table);
    const dishes = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :dish)',
        ExpressionAttributeValues: { ':pk': lunch.pk, ':dish': canteenKey.dishPrefix },
      }),
    );

    expect(menus.map((m) => `${m.date} ${m.meal}`)).toEqual([
      `${today} lunch`,
      `${today} dinner`,
      `${addDays(today, 1)} lunch`,
      `${addDays(today, 1)} dinner`,
    ]);
    expect(again.written).toBe(0);
    expect(await listed()).toHaveLength(4);
    expect(dishes.Items!.map((d) => [d.name, d.left])).toEqual(
      expect.arrayContaining([
        ['清炖羊肉', 3],
        ['米饭', 100],
      ]),
    );
    expect(dishes.Items).toHaveLength(4);
    client.destroy();
  });
});
