/** Points data a test owns: a community with staff, volunteers with tokens, merchants with operators. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { volunteerAccount } from '@linli/shared/domain/points/ledger';
import { volunteerItem } from '../../functions/src/points/items';
import { balanceOf } from '../../functions/src/points/repository';
import { key } from '../../functions/src/table';
import type { TestApi } from './api';
import { createCommunity, idem, type CommunityFixture } from './fixtures';
import { freshId } from './ids';
import { tokenFor } from './tokens';

export interface Person {
  userId: string;
  name: string;
  token: string;
}

const put = (Item: Record<string, unknown>) => documentClient.send(new PutCommand({ TableName: tableName, Item }));

export async function staffOf(c: CommunityFixture, name = '刘晶'): Promise<Person> {
  const userId = freshId('staff');
  const grants = [{ role: 'staff' as const, communityId: c.communityId }];
  await put({ ...key.user(userId), userId, name, grants, tokenVersion: 1, createdAt: new Date().toISOString() });
  return { userId, name, token: await tokenFor({ userId, name, grants }) };
}

/** A verified resident who joined as a volunteer (profile and grant written as joinVolunteers does). */
export async function volunteerOf(c: CommunityFixture, name = '张伟', showOnStarList = true): Promise<Person> {
  const userId = freshId('vol');
  const grants = [
    { role: 'resident' as const, communityId: c.communityId, buildingId: 'b1', memberId: `m-${userId}` },
    { role: 'volunteer' as const, communityId: c.communityId },
  ];
  await put({ ...key.user(userId), userId, name, grants, tokenVersion: 1, createdAt: new Date().toISOString() });
  await put(
    volunteerItem({ userId, communityId: c.communityId, name, showOnStarList, joinedAt: new Date().toISOString() }),
  );
  return { userId, name, token: await tokenFor({ userId, name, grants }) };
}

/** An operator of a merchant (the grant a bound invite code gives). */
export async function operatorOf(c: CommunityFixture, merchantId: string, name = '马师傅'): Promise<Person> {
  const userId = freshId('op');
  const grants = [{ role: 'merchant' as const, communityId: c.communityId, merchantId }];
  await put({ ...key.user(userId), userId, name, grants, tokenVersion: 1, createdAt: new Date().toISOString() });
  return { userId, name, token: await tokenFor({ userId, name, grants }) };
}

export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export async function createMerchant(
  api: TestApi,
  c: CommunityFixture,
  staff: Person,
  agreement: Record<string, unknown> = {},
  name = '老马理发店',
) {
  const res = await api.call<any>('POST', `/community/${c.communityId}/points-merchants`, {
    token: staff.token,
    headers: idem(),
    body: {
      name,
      address: '安居苑南门商铺3号',
      category: '理发',
      agreement: {
        offers: [
          { offerId: 'haircut', kind: 'fixed', title: '理发一次', points: 30 },
          { offerId: 'discount', kind: 'discount', title: '10 积分抵 1 元', pointsPerYuan: 10, maxSharePercent: 50 },
        ],
        activeFrom: today(),
        ...agreement,
      },
    },
  });
  if (res.status !== 201) throw new Error(`merchant not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { merchantId: string; inviteCode: string; name: string };
}

/** Staff adjust a volunteer's points (a real posting). */
export async function adjust(api: TestApi, c: CommunityFixture, staff: Person, userId: string, points: number) {
  return api.call<any>('POST', `/community/${c.communityId}/points/adjustments`, {
    token: staff.token,
    headers: idem(),
    body: { userId, points, reason: '测试调整' },
  });
}

export { createCommunity, idem };

/** A volunteer's balance as the ledger holds it. */
export const volunteerBalance = (c: CommunityFixture, userId: string) =>
  balanceOf(c.communityId, volunteerAccount(userId));

/**
 * The usual redemption scene: a community, its staff, the volunteer 张伟 holding `points` (a real
 * adjustment, asserted to succeed), and a merchant with its operator.
 */
export async function merchantAndFundedVolunteer(api: TestApi, points = 100) {
  const c = await createCommunity();
  const staff = await staffOf(c);
  const v = await volunteerOf(c, '张伟');
  const m = await createMerchant(api, c, staff);
  const operator = await operatorOf(c, m.merchantId);
  expect((await adjust(api, c, staff, v.userId, points)).status).toBe(201);
  return { c, staff, v, m, operator };
}
