import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { key } from '../../functions/src/table';
import { apiForThisFile } from '../helpers/api';
import { freshId } from '../helpers/ids';

const api = apiForThisFile();

async function putCommunity(id: string) {
  const items = [
    { ...key.community(id), id, name: '测试社区', city: '银川市', district: '金凤区', address: '测试路1号' },
    { ...key.grid(id, 'g2'), id: 'g2', name: '第二网格', order: 2 },
    { ...key.grid(id, 'g1'), id: 'g1', name: '第一网格', leader: '马秀兰', order: 1 },
    {
      ...key.building(id, 'b2'),
      id: 'b2',
      gridId: 'g1',
      name: '2号楼',
      address: 'x',
      households: 10,
      units: [],
      order: 2,
    },
    {
      ...key.building(id, 'b1'),
      id: 'b1',
      gridId: 'g1',
      name: '1号楼',
      address: 'y',
      households: 20,
      units: [{ id: 'u1', name: '1单元' }],
      order: 1,
      secretNote: 'internal only',
    },
    {
      ...key.building(id, 'b3'),
      id: 'b3',
      gridId: 'g2',
      name: '3号楼',
      address: 'z',
      households: 5,
      units: [],
      order: 1,
    },
  ];
  await Promise.all(items.map((Item) => documentClient.send(new PutCommand({ TableName: tableName, Item }))));
}

describe('GET /community/:id', () => {
  it('returns the grids with their buildings and units, in order', async () => {
    const id = freshId('c');
    await putCommunity(id);
    const res = await api.call<any>('GET', `/community/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('测试社区');
    expect(res.body.grids.map((g: any) => g.id)).toEqual(['g1', 'g2']);
    expect(res.body.grids[0].buildings.map((b: any) => b.name)).toEqual(['1号楼', '2号楼']);
    expect(res.body.grids[0].buildings[0].units).toEqual([{ id: 'u1', name: '1单元' }]);
    expect(JSON.stringify(res.body)).not.toContain('internal only');
  });

  it('answers 404 COMMUNITY_NOT_FOUND for an unknown community', async () => {
    const res = await api.call<any>('GET', `/community/${freshId('none')}`);
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'COMMUNITY_NOT_FOUND', message: '找不到该社区' });
  });

  it('answers 400 with the field path for an id that cannot be one', async () => {
    const res = await api.call<any>('GET', `/community/${encodeURIComponent('bad id!')}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('params.id');
  });
});

describe('the local API as API Gateway', () => {
  it('answers GET /health with the table reachable', async () => {
    const res = await api.call<any>('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', service: 'linli', table: 'ok' });
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    const res = await api.call<any>('GET', '/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers a known path with the wrong method with 405', async () => {
    const res = await api.call<any>('DELETE', '/health');
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });
});
