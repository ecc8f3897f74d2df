/**
 * Grid workers' care visits (网格敲门) on DynamoDB Local: appointment and removal, what a grid
 * worker may see, visits and intervals, overdue lists, canteen signals, the daily message.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { MemberTag } from '@linli/shared/domain/care/tags';
import { todayInShanghai } from '@linli/shared/domain/common/shanghai-time';
import { canteenKey, orderItem } from '../../functions/src/canteen/items';
import { writeCommunityVisitReminders } from '../../functions/src/care/visit-reminders';
import { memberItem } from '../../functions/src/identity/items';
import { signRefreshToken } from '../../functions/src/platform/auth';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { key } from '../../functions/src/table';
import { apiForThisFile } from '../helpers/api';
import { createCommunity, idem, residentMember, userWithGrants, type CommunityFixture } from '../helpers/fixtures';
import { freshId } from '../helpers/ids';
import { scanWhere } from '../helpers/table-scan';
import { tokenFor } from '../helpers/tokens';
import { platformKey } from '../../functions/src/platform/table-items';
import { visitKey } from '../../functions/src/care/visit-items';
import { needKey } from '../../functions/src/care/need-items';

const api = apiForThisFile();

const DAY = 24 * 3600_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const put = (Item: Record<string, unknown>) => documentClient.send(new PutCommand({ TableName: tableName, Item }));

/** A community with grid g1 (buildings b1, b2) and a second grid g2 (building b3). */
async function setup() {
  const c = await createCommunity();
  await Promise.all([
    put({ ...key.grid(c.communityId, 'g2'), id: 'g2', name: '第二网格', order: 2 }),
    put({
      ...key.building(c.communityId, 'b3'),
      id: 'b3',
      gridId: 'g2',
      name: '3号楼',
      address: '',
      households: 10,
      units: [{ id: 'u1', name: '1单元' }],
      order: 3,
    }),
  ]);
  const staff = await userWithGrants(api, [{ role: 'staff', communityId: c.communityId }], '刘晶');
  return { c, staff };
}

/** A verified member written straight to the table: tags, an optional last visit, no WeChat unless asked. */
async function person(
  c: CommunityFixture,
  o: { building?: string; name: string; tags?: MemberTag[]; lastVisitAt?: string; createdAt?: string; phone?: string },
) {
  const memberId = freshId('m');
  const building = o.building ?? 'b1';
  await put(
    memberItem({
      memberId,
      communityId: c.communityId,
      communityName: '测试社区',
      buildingId: building,
      buildingName: { b1: '1号楼', b2: '2号楼', b3: '3号楼' }[building] ?? building,
      unitId: 'u1',
      unitName: '1单元',
      room: memberId.slice(-3),
      householdKey: `${c.communityId}/${building}/u1/${memberId.slice(-3)}`,
      realName: o.name,
      birthDate: '1940-03-01',
      phone: o.phone,
      status: 'verified',
      registeredBy: 'test',
      createdAt: o.createdAt ?? daysAgo(60),
      ...(o.tags ? { tags: o.tags } : {}),
      ...(o.lastVisitAt ? { lastVisitAt: o.lastVisitAt, lastAttemptAt: o.lastVisitAt } : {}),
    } as Parameters<typeof memberItem>[0]),
  );
  return memberId;
}

const gridToken = (c: CommunityFixture, gridIds: string[], name = '网格员小赵') =>
  tokenFor({
    userId: freshId('gw'),
    name,
    grants: gridIds.map((gridId) => ({ role: 'grid' as const, communityId: c.communityId, gridId })),
  });

const get = (path: string, token: string) => api.call<any>('GET', path, { token });
const post = (path: string, token: string, body: unknown, headers: Record<string, string> = idem()) =>
  api.call<any>('POST', path, { token, headers, body });

describe('appointing grid workers', () => {
  it('appoints a verified member with WeChat for two grids, lists them, and refuses one without WeChat or an unknown grid', async () => {
    const { c, staff } = await setup();
    const worker = await residentMember(c, { name: '赵网格' });
    const dependent = await person(c, { name: '李秀英', tags: ['高龄'] });
    const path = `/community/${c.communityId}/grid-workers`;

    const appointed = await post(path, staff.accessToken, { memberId: worker.memberId, gridIds: ['g1', 'g2'] });
    const noWechat = await post(path, staff.accessToken, { memberId: dependent, gridIds: ['g1'] });
    const noGrid = await post(path, staff.accessToken, { memberId: worker.memberId, gridIds: ['g9'] });
    const noGrids = await post(path, staff.accessToken, { memberId: worker.memberId, gridIds: [] });

    expect(appointed.status).toBe(200);
    expect(appointed.body.grids).toEqual([
      { gridId: 'g1', name: '第一网格' },
      { gridId: 'g2', name: '第二网格' },
    ]);
    expect([noWechat.status, noWechat.body.error.code]).toEqual([422, 'GRID_WORKER_NEEDS_WECHAT']);
    expect([noGrid.status, noGrid.body.error.code]).toEqual([404, 'GRID_NOT_FOUND']);
    expect([noGrids.status, noGrids.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const user = await documentClient.send(new GetCommand({ TableName: tableName, Key: key.user(worker.userId) }));
    expect(user.Item!.grants.filter((g: any) => g.role === 'grid').map((g: any) => g.gridId)).toEqual(['g1', 'g2']);
    expect(user.Item!.grants.some((g: any) => g.role === 'resident')).toBe(true);
    const list = await get(path, staff.accessToken);
    expect(list.body.workers.map((w: any) => [w.name, w.grids.length])).toEqual([['赵网格', 2]]);
    expect(list.body.candidates.map((m: any) => m.memberId)).toContain(worker.memberId);
    expect(list.body.candidates.map((m: any) => m.memberId)).not.toContain(dependent);
  });

  it('removes a grid worker: the grid grants leave the user and their refresh token stops at once', async () => {
    const { c, staff } = await setup();
    const worker = await residentMember(c, { name: '赵网格' });
    const refreshToken = await signRefreshToken(worker.userId, 1);
    await post(`/community/${c.communityId}/grid-workers`, staff.accessToken, {
      memberId: worker.memberId,
      gridIds: ['g1'],
    });
    const path = `/community/${c.communityId}/grid-workers/${worker.userId}/remove`;

    const removed = await post(path, staff.accessToken, {});
    const again = await post(path, staff.accessToken, {});

    expect(removed.status).toBe(200);
    expect(removed.body.removed.name).toBe('赵网格');
    expect([again.status, again.body.error.code]).toEqual([404, 'GRID_WORKER_NOT_FOUND']);
    const refresh = await api.call<any>('POST', '/auth/refresh', { body: { refreshToken } });
    expect([refresh.status, refresh.body.error.code]).toEqual([401, 'REFRESH_TOKEN_INVALID']);
    const user = await documentClient.send(new GetCommand({ TableName: tableName, Key: key.user(worker.userId) }));
    expect(user.Item!.grants.map((g: any) => g.role)).toEqual(['resident']);
    expect((await get(`/community/${c.communityId}/grid-workers`, staff.accessToken)).body.workers).toEqual([]);
  });
});

describe("a grid worker's list", () => {
  it('shows the people of their grid, elders living alone or old first with the overdue ones on top, never another grid', async () => {
    const { c } = await setup();
    const neighbour = await person(c, { name: '普通居民' });
    const recent = await person(c, { name: '王奶奶', tags: ['独居'], lastVisitAt: daysAgo(2) });
    const overdue = await person(c, { name: '刘爷爷', tags: ['高龄'], lastVisitAt: daysAgo(10), building: 'b2' });
    const longest = await person(c, { name: '陈奶奶', tags: ['独居', '高龄'], lastVisitAt: daysAgo(20) });
    const elsewhere = await person(c, { name: '外网格老人', tags: ['独居'], building: 'b3' });
    const token = await gridToken(c, ['g1']);

    const list = await get(`/community/${c.communityId}/grids/g1/people`, token);
    const other = await get(`/community/${c.communityId}/grids/g2/people`, token);
    const card = await get(`/community/${c.communityId}/grid-people/${elsewhere}`, token);
    const visit = await post(`/community/${c.communityId}/grid-people/${elsewhere}/visits`, token, {
      method: '上门',
      observation: '良好',
    });

    expect(list.status).toBe(200);
    expect(list.body.people.map((p: any) => p.memberId)).toEqual([longest, overdue, recent, neighbour]);
    expect(list.body.people[0]).toMatchObject({ overdue: true, overdueDays: 13, intervalDays: 7, hasWeChat: false });
    expect(list.body.people[3]).toMatchObject({ overdue: false });
    expect(list.body.people[3].intervalDays).toBeUndefined();
    expect([other.status, other.body.error.code]).toEqual([403, 'GRID_NOT_YOURS']);
    expect([card.status, card.body.error.code]).toEqual([403, 'GRID_NOT_YOURS']);
    expect([visit.status, visit.body.error.code]).toEqual([403, 'GRID_NOT_YOURS']);
    expect(
      await scanWhere('pk = :pk AND begins_with(sk, :v)', {
        ':pk': key.member(elsewhere).pk,
        ':v': visitKey.visitPrefix,
      }),
    ).toEqual([]);
    const grids = await get(`/community/${c.communityId}/my-grids`, token);
    expect(grids.body.grids).toEqual([{ gridId: 'g1', name: '第一网格', people: 4, overdue: 2, signals: 0 }]);
  });

  it("puts an elder living alone who did not pick up today's meal at the top, with the signal", async () => {
    const { c } = await setup();
    const overdue = await person(c, { name: '刘爷爷', tags: ['高龄'], lastVisitAt: daysAgo(30) });
    const alone = await person(c, { name: '王奶奶', tags: ['独居'], lastVisitAt: daysAgo(1) });
    const notAlone = await person(c, { name: '张爷爷', tags: ['高龄'], lastVisitAt: daysAgo(1) });
    const canteenId = 'canteen-grid';
    await put({
      ...canteenKey.canteen(c.communityId, canteenId),
      type: 'Canteen',
      canteenId,
      communityId: c.communityId,
      name: '长者食堂',
      place: '服务中心',
      meals: [],
      deliveryFee: { feeFen: 0 },
    });
    const today = todayInShanghai();
    const unpicked = (memberId: string) =>
      put(
        orderItem({
          orderId: freshId('o'),
          communityId: c.communityId,
          canteenId,
          canteenName: '长者食堂',
          date: today,
          meal: 'lunch',
          memberId,
          memberName: '老人',
          age: 80,
          buildingId: 'b1',
          buildingName: '1号楼',
          unitId: 'u1',
          unitName: '1单元',
          room: '101',
          placedByUserId: 'u',
          placedByName: '老人',
          via: 'self',
          lines: [],
          itemsFen: 1200,
          subsidyFen: 300,
          deliveryFeeFen: 0,
          amountDueFen: 900,
          fulfilment: 'pickup',
          status: 'placed',
          paymentStatus: 'unpaid',
          pickupCode: 'ABC123',
          cutoffAt: daysAgo(0.2),
          pickupStartsAt: daysAgo(0.1),
          pickupEndsAt: new Date(Date.now() - 60_000).toISOString(),
          createdAt: daysAgo(0.3),
        }),
      );
    await Promise.all([unpicked(alone), unpicked(notAlone)]);
    const token = await gridToken(c, ['g1']);

    const list = await get(`/community/${c.communityId}/grids/g1/people`, token);

    expect(list.body.people.map((p: any) => p.memberId)).toEqual([alone, overdue, notAlone]);
    expect(list.body.people[0].signals).toEqual([
      { kind: 'meal_not_picked_up', date: today, meal: '午餐', canteenName: '长者食堂' },
    ]);
    expect(list.body.people[2].signals).toEqual([]);
  });
});

describe('recording visits', () => {
  it('records a visit at the door, which ends the overdue; 无人应答 keeps the interval running', async () => {
    const { c } = await setup();
    const elder = await person(c, { name: '王奶奶', tags: ['独居'], lastVisitAt: daysAgo(9), phone: '13800001111' });
    const token = await gridToken(c, ['g1']);
    const path = `/community/${c.communityId}/grid-people/${elder}`;

    const nobody = await post(`${path}/visits`, token, { method: '无人应答', note: '敲门无人，邻居说去女儿家了' });
    const afterNobody = await get(`/community/${c.communityId}/grids/g1/overdue`, token);
    const seen = await post(`${path}/visits`, token, { method: '上门', observation: '良好', note: '精神不错' });
    const afterSeen = await get(`/community/${c.communityId}/grids/g1/overdue`, token);
    const card = await get(path, token);

    expect(nobody.status).toBe(201);
    expect(afterNobody.body.people.map((p: any) => p.memberId)).toEqual([elder]);
    expect(seen.status).toBe(201);
    expect(seen.body).toMatchObject({ method: '上门', observation: '良好', note: '精神不错', gridId: 'g1' });
    expect(afterSeen.body.people).toEqual([]);
    expect(card.body.phone).toBe('13800001111');
    expect(card.body.person).toMatchObject({ lastObservation: '良好', lastMethod: '上门', overdue: false });
    expect(card.body.visits.map((v: any) => v.method)).toEqual(['上门', '无人应答']);
  });

  it('brings a need into being with a 需要帮助 visit, in the same transaction, sourced from the visit', async () => {
    const { c } = await setup();
    const elder = await person(c, { name: '孙桂兰', tags: ['独居'] });
    const token = await gridToken(c, ['g1'], '小赵');
    const path = `/community/${c.communityId}/grid-people/${elder}/visits`;

    const helped = await post(path, token, { method: '上门', observation: '需要帮助', note: '膝盖疼，想请人买药' });
    const well = await post(path, token, { method: '电话', observation: '良好' });

    expect(helped.status).toBe(201);
    expect(helped.body.needId).toEqual(expect.any(String));
    expect(well.body.needId).toBeUndefined();
    const needs = await scanWhere('pk = :pk AND sk = :sk', {
      ':pk': needKey.need(helped.body.needId).pk,
      ':sk': needKey.need(helped.body.needId).sk,
    });
    expect(needs).toHaveLength(1);
    expect(needs[0]).toMatchObject({
      status: 'new',
      memberId: elder,
      gridId: 'g1',
      urgency: 'normal',
      source: { kind: 'visit', visitId: helped.body.visitId, gridId: 'g1' },
      text: '网格员探访发现需要帮助：膝盖疼，想请人买药',
    });
    const card = await get(`/community/${c.communityId}/grid-people/${elder}`, token);
    expect(card.body.visits.map((v: any) => v.needId)).toEqual([undefined, helped.body.needId]);
  });

  it('refuses a visit without what was seen, an unknown way or a long note, and writes nothing', async () => {
    const { c } = await setup();
    const elder = await person(c, { name: '王奶奶', tags: ['独居'] });
    const token = await gridToken(c, ['g1']);
    const path = `/community/${c.communityId}/grid-people/${elder}/visits`;

    const noObservation = await post(path, token, { method: '电话' });
    const badMethod = await post(path, token, { method: '视频', observation: '良好' });
    const longNote = await post(path, token, { method: '上门', observation: '良好', note: '很'.repeat(201) });
    const stranger = await post(`/community/${c.communityId}/grid-people/nobody/visits`, token, {
      method: '上门',
      observation: '良好',
    });

    expect([noObservation.status, noObservation.body.error.code]).toEqual([400, 'VISIT_OBSERVATION_REQUIRED']);
    expect(noObservation.body.error.message).toBe('上门或电话探访，请选择看到的情况');
    expect([badMethod.status, badMethod.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([longNote.status, longNote.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([stranger.status, stranger.body.error.code]).toEqual([404, 'MEMBER_NOT_FOUND']);
    expect(
      await scanWhere('pk = :pk AND begins_with(sk, :v)', { ':pk': key.member(elder).pk, ':v': visitKey.visitPrefix }),
    ).toEqual([]);
  });

  it('records one visit when the same visit is sent twice at once with one Idempotency-Key', async () => {
    const { c } = await setup();
    const elder = await person(c, { name: '王奶奶', tags: ['独居'] });
    const token = await gridToken(c, ['g1']);
    const headers = idem();
    const path = `/community/${c.communityId}/grid-people/${elder}/visits`;
    const body = { method: '上门', observation: '良好' };

    const answers = await Promise.all([post(path, token, body, headers), post(path, token, body, headers)]);

    const visits = await scanWhere('pk = :pk AND begins_with(sk, :v)', {
      ':pk': key.member(elder).pk,
      ':v': visitKey.visitPrefix,
    });
    expect(visits).toHaveLength(1);
    const ok = answers.filter((a) => a.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok.every((a) => a.body.visitId === visits[0]!.visitId)).toBe(true);
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect([refused.status, refused.body.error.code]).toEqual([409, 'IDEMPOTENCY_IN_PROGRESS']);
    }
  });

  it('records both visits of two grid workers at once (different keys) and keeps the latest as the state', async () => {
    const { c } = await setup();
    const elder = await person(c, { name: '王奶奶', tags: ['独居'] });
    const [a, b] = await Promise.all([gridToken(c, ['g1'], '小赵'), gridToken(c, ['g1'], '小钱')]);
    const path = `/community/${c.communityId}/grid-people/${elder}/visits`;

    const answers = await Promise.all([
      post(path, a, { method: '电话', observation: '需要帮助' }),
      post(path, b, { method: '上门', observation: '良好' }),
    ]);

    expect(answers.map((x) => x.status)).toEqual([201, 201]);
    const card = await get(`/community/${c.communityId}/grid-people/${elder}`, a);
    expect(card.body.visits.map((v: any) => v.byName).sort()).toEqual(['小赵', '小钱']);
    expect(card.body.person.overdue).toBe(false);
  });
});

describe('visit intervals and overdue lists', () => {
  it("takes the shortest interval of a person's tags, refuses 0 days, and lists the community's overdue oldest first", async () => {
    const { c, staff } = await setup();
    const intervals = `/community/${c.communityId}/visit-intervals`;
    const alone = await person(c, { name: '独居五天', tags: ['独居'], lastVisitAt: daysAgo(5) });
    const old = await person(c, { name: '高龄五天', tags: ['高龄'], lastVisitAt: daysAgo(5) });
    const poor = await person(c, { name: '低保十天', tags: ['低保'], lastVisitAt: daysAgo(10) });
    const far = await person(c, { name: '外网格', tags: ['高龄'], lastVisitAt: daysAgo(30), building: 'b3' });

    const before = await get(`/community/${c.communityId}/visit-overdue`, staff.accessToken);
    const bad = await api.call<any>('PUT', intervals, {
      token: staff.accessToken,
      headers: idem(),
      body: { intervals: { 独居: 0 } },
    });
    const set = await api.call<any>('PUT', intervals, {
      token: staff.accessToken,
      headers: idem(),
      body: { intervals: { 独居: 3, 低保: 14 } },
    });
    const after = await get(`/community/${c.communityId}/visit-overdue`, staff.accessToken);

    expect(before.body.people.map((p: any) => p.memberId)).toEqual([far]);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await get(intervals, staff.accessToken)).body.intervals).toEqual({ 独居: 3, 低保: 14 });
    expect(set.status).toBe(200);
    expect(after.body.people.map((p: any) => [p.memberId, p.gridName])).toEqual([
      [far, '第二网格'],
      [alone, '第一网格'],
    ]);
    expect(after.body.people.map((p: any) => p.memberId)).not.toContain(old);
    expect(after.body.people.map((p: any) => p.memberId)).not.toContain(poor);
  });
});

describe('the daily message about overdue visits', () => {
  it('sends each grid worker one message a day naming the longest waiting, however often the job runs', async () => {
    const { c, staff } = await setup();
    const worker = await residentMember(c, { name: '赵网格' });
    await post(`/community/${c.communityId}/grid-workers`, staff.accessToken, {
      memberId: worker.memberId,
      gridIds: ['g1'],
    });
    await person(c, { name: '陈奶奶', tags: ['独居'], lastVisitAt: daysAgo(12) });
    await person(c, { name: '外网格', tags: ['独居'], lastVisitAt: daysAgo(30), building: 'b3' });
    const now = new Date();

    const runs = await Promise.all([
      writeCommunityVisitReminders(c.communityId, now),
      writeCommunityVisitReminders(c.communityId, now),
    ]);
    const later = await writeCommunityVisitReminders(c.communityId, new Date(now.getTime() + 60_000));

    expect(runs.reduce((a, b) => a + b, 0) + later).toBe(1);
    const events = await scanWhere('begins_with(pk, :p) AND payload.userId = :u', {
      ':p': platformKey.outbox('gridvisits-').pk,
      ':u': worker.userId,
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({
      type: 'notify.message',
      title: '有 1 位老人超期未探访',
      link: `/packages/grid/home/index?communityId=${c.communityId}`,
    });
    expect(events[0]!.payload.body).toContain('1号楼 陈奶奶（超期 5 天）');
  });
});
