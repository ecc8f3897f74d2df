/** Data a test owns: a fresh community with buildings, and users with the roles it needs. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RoleGrant } from '@linli/shared';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { key } from '../../functions/src/table';
import { identityKey } from '../../functions/src/identity/items';
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
  const openid = `dev-${slug}`;
  await put({
    ...key.user(userId),
    userId,
    name,
    grants,
    openid,
    tokenVersion: 1,
    createdAt: new Date().toISOString(),
  });
  await put({ ...identityKey.openid(`dev-${slug}`), userId });
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

/** A verified member with a WeChat user and a resident token, written straight to the table. */
export async function residentMember(
  c: CommunityFixture,
  options: { buildingId?: string; name?: string; room?: string } = {},
): Promise<{ memberId: string; userId: string; token: string; name: string }> {
  const { householdKey } = await import('../../shared/src/domain/identity/person');
  const { memberItem } = await import('../../functions/src/identity/items');
  const { tokenFor } = await import('./tokens');
  const memberId = freshId('m');
  const userId = freshId('u');
  const buildingId = options.buildingId ?? 'b1';
  const name = options.name ?? `居民${memberId.slice(-4)}`;
  const address = {
    communityId: c.communityId,
    communityName: '测试社区',
    buildingId,
    buildingName: buildingId === 'b1' ? '1号楼' : '2号楼',
    unitId: 'u1',
    unitName: '1单元',
    room: options.room ?? memberId.slice(-3).toUpperCase(),
  };
  await put(
    memberItem({
      memberId,
      ...address,
      householdKey: householdKey(address),
      realName: name,
      birthDate: '1950-01-01',
      userId,
      status: 'verified',
      registeredBy: 'test',
      createdAt: new Date().toISOString(),
    }),
  );
  const grants = [{ role: 'resident' as const, communityId: c.communityId, buildingId, memberId }];
  // The WeChat user behind the member, as a login leaves it: WeChat's content check needs the openid.
  const openid = `dev-${userId.toLowerCase()}`;
  await put({
    ...key.user(userId),
    type: 'User',
    userId,
    name,
    grants,
    memberId,
    openid,
    tokenVersion: 1,
    createdAt: new Date().toISOString(),
  });
  await put({ ...identityKey.openid(openid), type: 'OpenId', userId });
  const token = await tokenFor({ userId, name, grants });
  return { memberId, userId, token, name };
}

/** A resident member as residentMember returns it. */
export type Resident = Awaited<ReturnType<typeof residentMember>>;

/** Staff of community `c` (刘晶 unless named), signed in through the real route. */
export function staffMember(api: TestApi, c: CommunityFixture, name = '刘晶'): Promise<SignedIn> {
  return userWithGrants(api, [{ role: 'staff', communityId: c.communityId }], name);
}

/** The agenda scene: a fresh community, its staff 刘晶, and 王桂芳 of 1号楼 who raises topics. */
export async function communityWithTopicAuthor(api: TestApi) {
  const c = await createCommunity();
  const staff = await staffMember(api, c);
  const author = await residentMember(c, { buildingId: 'b1', name: '王桂芳' });
  return { c, staff, author };
}

/**
 * Lets `caregiverUserId` act for the member (代办): an active care grant, keyed as the identity
 * feature keys it. `linkId` names the binding request it came from, where a test needs one.
 */
export function grantCare(memberId: string, caregiverUserId: string, linkId?: string) {
  return put({
    ...identityKey.careGrant(memberId, caregiverUserId),
    type: 'CareGrant',
    status: 'active',
    ...(linkId ? { linkId } : {}),
  });
}
