/** Data a test owns: a fresh community with buildings, and users with the roles it needs. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RoleGrant } from '@linli/shared';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { key } from '../../functions/src/table';
import type { TestApi } from './api';
import { freshId } from './ids';

export interface CommunityFixture {
  communityId: string;
  /** Two buildings, each with units u1 and u2. */
  buildings: { b1: string; b2: string };
}

const put = (Item: Record<string, unknown>) => documentClient.send(new PutCommand({ TableName: tableName, Item }));

export async function createCommunity(): Promise<CommunityFixture> {
  const communityId = freshId('c');
  const units = [
    { id: 'u1', name: '1单元' },
    { id: 'u2', name: '2单元' },
  ];
  await Promise.all([
    put({
      ...key.community(communityId),
      id: communityId,
      name: '测试社区',
      city: '银川市',
      district: '金凤区',
      address: '测试路',
    }),
    put({ ...key.grid(communityId, 'g1'), id: 'g1', name: '第一网格', order: 1 }),
    put({
      ...key.building(communityId, 'b1'),
      id: 'b1',
      gridId: 'g1',
      name: '1号楼',
      address: '',
      households: 10,
      units,
      order: 1,
    }),
    put({
      ...key.building(communityId, 'b2'),
      id: 'b2',
      gridId: 'g1',
      name: '2号楼',
      address: '',
      households: 10,
      units,
      order: 2,
    }),
  ]);
  return { communityId, buildings: { b1: 'b1', b2: 'b2' } };
}

export interface SignedIn {
  userId: string;
  accessToken: string;
  refreshToken: string;
  code: string;
}

/** Logs in through POST /auth/wechat with a fresh dev code (a brand-new WeChat user). */
export async function newWechatUser(api: TestApi, name = 'user'): Promise<SignedIn> {
  const code = `dev:${freshId(name).toLowerCase()}`;
  const res = await api.call<{ userId: string; accessToken: string; refreshToken: string }>('POST', '/auth/wechat', {
    body: { code },
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, code };
}

/** A user who already holds grants (staff, merchant, admin), logged in through the real route. */
export async function userWithGrants(api: TestApi, grants: RoleGrant[], name = '测试员'): Promise<SignedIn> {
  const userId = freshId('u');
  const slug = freshId('g').toLowerCase();
  await put({ ...key.user(userId), userId, name, grants, tokenVersion: 1, createdAt: new Date().toISOString() });
  await put({ ...key.openid(`dev-${slug}`), userId });
  const res = await api.call<{ userId: string; accessToken: string; refreshToken: string }>('POST', '/auth/wechat', {
    body: { code: `dev:${slug}` },
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return { ...res.body, code: `dev:${slug}` };
}

let keyCounter = 0;
/** A fresh Idempotency-Key header. */
export function idem(): Record<string, string> {
  keyCounter += 1;
  return { 'idempotency-key': `${freshId('key')}-${keyCounter}` };
}
