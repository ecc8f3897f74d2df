/**
 * The demo grid of the seed: 赵红梅 (`dev:grid`) sees 第二网格 with the overdue elder first,
 * 吴玉珍's unpicked breakfast as today's signal once breakfast is over, and the visit history.
 */
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEMO_COMMUNITY_ID } from '../../scripts/lib/seed-data';
import { gridDemoUsers } from '../../scripts/lib/seed-grid';
import { localClient } from '../../scripts/lib/table-setup';
import { shanghaiTime, todayInShanghai } from '@linli/shared/domain/common/shanghai-time';
import { apiForThisFile } from '../helpers/api';
import { tokenFor } from '../helpers/tokens';

const api = apiForThisFile();

const C = DEMO_COMMUNITY_ID;

describe('the demo grid of the seed', () => {
  beforeAll(async () => {
    const doc = DynamoDBDocumentClient.from(localClient(process.env.DYNAMODB_ENDPOINT!), {
      marshallOptions: { removeUndefinedValues: true },
    });
    const { seedItems } = await import('../../scripts/lib/seed');
    // The community's structure and canteen, the people of 5号楼 and 6号楼, the grid's own items.
    const wanted = seedItems().filter(
      (i) =>
        ['Grid', 'Building', 'Canteen', 'GridWorker', 'Visit', 'MealOrder'].includes(String(i.type)) ||
        (i.type === 'Member' && ['b5', 'b6'].includes(String(i.buildingId))),
    );
    for (const item of wanted) await doc.send(new PutCommand({ TableName: process.env.TABLE_NAME!, Item: item }));
  });

  it('shows the grid worker the elders of 第二网格: today’s signal, then the overdue elder, with their visits', async () => {
    const worker = gridDemoUsers[0]!;
    const token = await tokenFor({ userId: worker.id, name: worker.name, grants: worker.grants });

    const list = await api.call<any>('GET', `/community/${C}/grids/grid-2/people`, { token });
    const card = await api.call<any>('GET', `/community/${C}/grid-people/m-sun-guilan`, { token });
    const other = await api.call<any>('GET', `/community/${C}/grids/grid-1/people`, { token });

    expect(list.status).toBe(200);
    const names = list.body.people.map((p: any) => p.name);
    const breakfastOver = Date.now() > Date.parse(shanghaiTime(todayInShanghai(), '09:00'));
    const wu = list.body.people.find((p: any) => p.name === '吴玉珍');
    if (breakfastOver) {
      expect(names[0]).toBe('吴玉珍');
      expect(wu.signals).toMatchObject([{ kind: 'meal_not_picked_up', meal: '早餐' }]);
    } else {
      expect(wu.signals).toEqual([]);
    }
    const sun = list.body.people.find((p: any) => p.name === '孙桂兰');
    expect(sun).toMatchObject({ overdue: true, overdueDays: 5, lastMethod: '无人应答', tags: ['独居', '高龄'] });
    expect(names.indexOf('孙桂兰')).toBeLessThan(names.indexOf('刘淑珍'));
    expect(card.body.visits.map((v: any) => v.method)).toEqual(['无人应答', '上门']);
    expect([other.status, other.body.error.code]).toEqual([403, 'GRID_NOT_YOURS']);
  });
});
