/**
 * The demo needs of the seed: one in each state, written in the shapes the repository writes,
 * so the API reads them (board, tasks, my needs) and moves them on.
 */
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEMO_COMMUNITY_ID } from '../../scripts/lib/seed-data';
import { needSeedItems } from '../../scripts/lib/seed-needs';
import { localClient } from '../../scripts/lib/table-setup';
import { apiForThisFile } from '../helpers/api';
import { idem } from '../helpers/fixtures';
import { tokenFor } from '../helpers/tokens';

const api = apiForThisFile();

const C = DEMO_COMMUNITY_ID;
const get = (path: string, token: string) => api.call<any>('GET', path, { token });

describe('the demo needs of the seed', () => {
  beforeAll(async () => {
    const doc = DynamoDBDocumentClient.from(localClient(process.env.DYNAMODB_ENDPOINT!), {
      marshallOptions: { removeUndefinedValues: true },
    });
    // The elder's member item as the seed writes it, for 我的求助.
    const { seedItems } = await import('../../scripts/lib/seed');
    const elderItem = seedItems().find((i) => i.type === 'Member' && i.memberId === 'm-liu-shuzhen');
    for (const item of [elderItem!, ...needSeedItems(new Date())]) {
      await doc.send(new PutCommand({ TableName: process.env.TABLE_NAME!, Item: item }));
    }
  });

  it('shows staff the urgent overdue phone call first, and the volunteer the need dispatched to him, which he accepts', async () => {
    const staff = await tokenFor({ userId: 'u-staff', name: '刘晶', grants: [{ role: 'staff', communityId: C }] });
    const board = await get(`/community/${C}/need-board`, staff);
    const ids = board.body.needs.map((n: any) => n.needId);
    expect(ids[0]).toBe('need-demo-1');
    expect(board.body.needs[0]).toMatchObject({ overdue: true, urgency: 'urgent', source: 'phone' });
    expect(ids).toEqual(expect.arrayContaining(['need-demo-2', 'need-demo-3']));

    const volunteer = await tokenFor({
      userId: 'u-volunteer',
      name: '张伟',
      grants: [{ role: 'volunteer', communityId: C }],
    });
    const tasks = await get(`/community/${C}/my-need-tasks`, volunteer);
    expect(tasks.body.needs.map((n: any) => n.needId)).toEqual(
      expect.arrayContaining(['need-demo-2', 'need-demo-4', 'need-demo-5']),
    );
    const accepted = await api.call<any>('POST', `/community/${C}/needs/need-demo-2/accept`, {
      token: volunteer,
      headers: idem(),
      body: {},
    });
    expect(accepted.body.status).toBe('accepted');
  });

  it('shows the elder her rated need with 4 stars and its whole timeline', async () => {
    const elder = await tokenFor({
      userId: 'u-elder',
      name: '刘淑珍',
      grants: [{ role: 'resident', communityId: C, buildingId: 'b6', memberId: 'm-liu-shuzhen' }],
    });
    const mine = await get('/me/needs', elder);
    expect(mine.body.needs.find((n: any) => n.needId === 'need-demo-5')).toMatchObject({ status: 'rated', stars: 4 });
    const detail = await get(`/community/${C}/needs/need-demo-5`, elder);
    expect(detail.body.timeline.map((e: any) => e.to)).toEqual(['new', 'dispatched', 'accepted', 'done', 'rated']);
  });
});
