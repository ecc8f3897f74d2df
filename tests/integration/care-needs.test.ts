import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { volunteerItem } from '../../functions/src/points/items';
import { apiForThisFile } from '../helpers/api';
import {
  createCommunity,
  idem,
  residentMember,
  userWithGrants,
  type CommunityFixture,
  grantCare,
} from '../helpers/fixtures';
import { freshId } from '../helpers/ids';
import { scanWhere } from '../helpers/table-scan';
import { tokenFor } from '../helpers/tokens';
import {
  adminUser,
  appointOperator,
  appointStaff,
  createStreet,
  createStreetCommunity,
} from '../helpers/onboarding-fixtures';
import { platformKey } from '../../functions/src/platform/table-items';

const api = apiForThisFile();

const NEED = { text: '楼道灯坏了，晚上看不见台阶', category: '维修报修', urgency: 'normal' };
const inTwoDays = () => new Date(Date.now() + 2 * 24 * 3600_000).toISOString();

/** A volunteer with the profile dispatch looks up (AP66/AP67) and a token. */
async function volunteer(c: CommunityFixture, name = '张伟') {
  const userId = freshId('v');
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: volunteerItem({
        userId,
        communityId: c.communityId,
        name,
        showOnStarList: true,
        joinedAt: new Date().toISOString(),
      }),
    }),
  );
  const token = await tokenFor({ userId, name, grants: [{ role: 'volunteer', communityId: c.communityId }] });
  return { userId, token, name };
}

async function setup() {
  const c = await createCommunity();
  const staff = await userWithGrants(api, [{ role: 'staff', communityId: c.communityId }], '刘晶');
  const elder = await residentMember(c, { buildingId: 'b1', name: '王桂芳', room: '301' });
  return { c, staff, elder, path: `/community/${c.communityId}` };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const post = (path: string, token: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  api.call<any>('POST', path, { token, headers: { ...idem(), ...headers }, body });
const get = (path: string, token: string, headers: Record<string, string> = {}) =>
  api.call<any>('GET', path, { token, headers });

async function postedNeed(f: Setup, body: Record<string, unknown> = NEED) {
  const posted = await post(`${f.path}/needs`, f.elder.token, body);
  expect(posted.status).toBe(201);
  return posted.body.needId as string;
}

async function dispatched(f: Setup, v: { userId: string }) {
  const needId = await postedNeed(f);
  const d = await post(`${f.path}/needs/${needId}/dispatch`, f.staff.accessToken, {
    assignee: { kind: 'volunteer', id: v.userId },
    dueAt: inTwoDays(),
  });
  expect(d.status).toBe(200);
  return needId;
}

const outboxOf = (needId: string) =>
  scanWhere('begins_with(pk, :p) AND (payload.needId = :n OR contains(payload.link, :n))', {
    ':p': platformKey.outboxPrefix,
    ':n': needId,
  });

describe('needs (居民点单 → 社区派单 → 接单 → 反馈)', () => {
  it('takes a need from posting to a 4-star rating, one timeline entry, event and message set per step', async () => {
    const f = await setup();
    const v = await volunteer(f.c, '李志愿');
    const posted = await post(`${f.path}/needs`, f.elder.token, NEED);
    expect(posted.body).toMatchObject({ status: 'new', personLabel: '1号楼 王**', source: 'resident', gridId: 'g1' });
    const needId = posted.body.needId as string;

    const board = await get(`${f.path}/need-board`, f.staff.accessToken);
    expect(board.body.needs.map((n: any) => n.needId)).toEqual([needId]);
    const options = await get(`${f.path}/need-assignees`, f.staff.accessToken);
    expect(options.body.options).toEqual(expect.arrayContaining([{ kind: 'volunteer', id: v.userId, name: '李志愿' }]));
    const d = await post(`${f.path}/needs/${needId}/dispatch`, f.staff.accessToken, {
      assignee: { kind: 'volunteer', id: v.userId },
      dueAt: inTwoDays(),
    });
    expect(d.body).toMatchObject({ status: 'dispatched', assignee: { kind: 'volunteer', name: '李志愿' } });
    const tasks = await get(`${f.path}/my-need-tasks`, v.token);
    expect(tasks.body.needs.map((n: any) => n.needId)).toEqual([needId]);
    const asAssignee = await get(`${f.path}/needs/${needId}`, v.token);
    expect(asAssignee.body.mine).toMatchObject({ isAssignee: true, canAccept: true, canRate: false });
    expect(asAssignee.body.address).toBe('1号楼1单元301');
    expect(JSON.stringify(asAssignee.body)).not.toContain('王桂芳');

    expect((await post(`${f.path}/needs/${needId}/accept`, v.token)).body.status).toBe('accepted');
    const early = await post(`${f.path}/needs/${needId}/rate`, f.elder.token, { stars: 4 });
    expect([early.status, early.body.error.code]).toEqual([409, 'NEED_TRANSITION_INVALID']);
    const done = await post(`${f.path}/needs/${needId}/finish`, v.token, { note: '已换好新灯泡' });
    expect(done.body).toMatchObject({ status: 'done', doneNote: '已换好新灯泡' });
    const rated = await post(`${f.path}/needs/${needId}/rate`, f.elder.token, { stars: 4, comment: '很及时' });
    expect(rated.body).toMatchObject({ status: 'rated', stars: 4, ratingComment: '很及时' });

    const detail = await get(`${f.path}/needs/${needId}`, f.staff.accessToken);
    expect(detail.body.timeline.map((e: any) => [e.from, e.to])).toEqual([
      [null, 'new'],
      ['new', 'dispatched'],
      ['dispatched', 'accepted'],
      ['accepted', 'done'],
      ['done', 'rated'],
    ]);
    const events = await outboxOf(needId);
    expect(events.filter((e) => e.eventType === 'care.need_changed')).toHaveLength(5);
    const messages = events.filter((e) => e.eventType === 'notify.message').map((e) => e.payload);
    expect(messages.filter((m: any) => m.userId === v.userId).map((m: any) => m.title)).toEqual(
      expect.arrayContaining(['您有一条新任务', '收到一条评价']),
    );
    expect(messages.filter((m: any) => m.userId === f.elder.userId).map((m: any) => m.title)).toEqual(
      expect.arrayContaining(['求助已派单', '求助已接单', '求助已办结']),
    );
    const mine = await get('/me/needs', f.elder.token);
    expect(mine.body.needs[0]).toMatchObject({ needId, status: 'rated', stars: 4 });
  });

  it('lets one of two dispatches at once win; the other hears 409 NEED_ALREADY_DISPATCHED', async () => {
    const f = await setup();
    const [a, b] = await Promise.all([volunteer(f.c, '甲'), volunteer(f.c, '乙')]);
    const needId = await postedNeed(f);
    const grid = await tokenFor({
      userId: freshId('g'),
      name: '赵网格',
      grants: [{ role: 'grid', communityId: f.c.communityId, gridId: 'g1' }],
    });
    const results = await Promise.all([
      post(`${f.path}/needs/${needId}/dispatch`, f.staff.accessToken, {
        assignee: { kind: 'volunteer', id: a.userId },
        dueAt: inTwoDays(),
      }),
      post(`${f.path}/needs/${needId}/dispatch`, grid, {
        assignee: { kind: 'volunteer', id: b.userId },
        dueAt: inTwoDays(),
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('NEED_ALREADY_DISPATCHED');
    const detail = await get(`${f.path}/needs/${needId}`, f.staff.accessToken);
    expect(detail.body.timeline).toHaveLength(2);
  });

  it('lets one of two accepts at once through and rates once when rated twice at once', async () => {
    const f = await setup();
    const v = await volunteer(f.c);
    const needId = await dispatched(f, v);
    const accepts = await Promise.all([
      post(`${f.path}/needs/${needId}/accept`, v.token),
      post(`${f.path}/needs/${needId}/accept`, v.token),
    ]);
    expect(accepts.map((r) => r.status).sort()).toEqual([200, 409]);
    await post(`${f.path}/needs/${needId}/finish`, v.token, { note: '已陪同就医' });
    const ratings = await Promise.all([
      post(`${f.path}/needs/${needId}/rate`, f.elder.token, { stars: 5 }),
      post(`${f.path}/needs/${needId}/rate`, f.staff.accessToken, { stars: 2 }),
    ]);
    expect(ratings.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(ratings.find((r) => r.status === 409)!.body.error.code).toBe('NEED_ALREADY_RATED');
    const detail = await get(`${f.path}/needs/${needId}`, f.staff.accessToken);
    expect(detail.body.timeline.filter((e: any) => e.to === 'rated')).toHaveLength(1);
    expect(detail.body.need.stars).toBe(ratings.find((r) => r.status === 200)!.body.stars);
  });

  it('returns a declined need to 待派单 with the reason, and lets only the assignee act on it', async () => {
    const f = await setup();
    const v = await volunteer(f.c);
    const other = await volunteer(f.c, '王五');
    const needId = await dispatched(f, v);
    const stranger = await post(`${f.path}/needs/${needId}/accept`, other.token);
    expect([stranger.status, stranger.body.error.code]).toEqual([403, 'NEED_NOT_ASSIGNEE']);
    const peek = await get(`${f.path}/needs/${needId}`, other.token);
    expect([peek.status, peek.body.error.code]).toEqual([403, 'NEED_NOT_YOURS']);
    expect((await get(`${f.path}/my-need-tasks`, other.token)).body.needs).toEqual([]);
    const declined = await post(`${f.path}/needs/${needId}/decline`, v.token, { reason: '这周出差' });
    expect(declined.body.status).toBe('new');
    expect(declined.body.assignee).toBeUndefined();
    expect((await get(`${f.path}/my-need-tasks`, v.token)).body.needs).toEqual([]);
    const detail = await get(`${f.path}/needs/${needId}`, f.staff.accessToken);
    expect(detail.body.timeline.at(-1)).toMatchObject({ from: 'dispatched', to: 'new', note: '退单：这周出差' });
  });

  it('shows a partner unit only needs dispatched to it, and a grid worker only needs of their grids', async () => {
    const f = await setup();
    const unit = await post(`${f.path}/partner-units`, f.staff.accessToken, { name: '社区卫生服务站', kind: '医院' });
    const operator = await tokenFor({
      userId: freshId('op'),
      name: '周护士',
      grants: [{ role: 'partner', communityId: f.c.communityId, partnerId: unit.body.partnerId }],
    });
    const needId = await postedNeed(f, { text: '需要助浴，老人行动不便', category: '生活照料', urgency: 'urgent' });
    const other = await postedNeed(f);
    expect((await get(`${f.path}/needs/${needId}`, operator)).status).toBe(403);
    await post(`${f.path}/needs/${needId}/dispatch`, f.staff.accessToken, {
      assignee: { kind: 'partner', id: unit.body.partnerId },
      dueAt: inTwoDays(),
    });
    const tasks = await get(`${f.path}/my-need-tasks`, operator);
    expect(tasks.body.needs.map((n: any) => n.needId)).toEqual([needId]);
    const accepted = await post(`${f.path}/needs/${needId}/accept`, operator);
    expect(accepted.body.status).toBe('accepted');
    expect((await get(`${f.path}/needs/${other}`, operator)).status).toBe(403);

    const ownGrid = await tokenFor({
      userId: freshId('g'),
      name: '赵网格',
      grants: [{ role: 'grid', communityId: f.c.communityId, gridId: 'g1' }],
    });
    const otherGrid = await tokenFor({
      userId: freshId('g'),
      name: '钱网格',
      grants: [{ role: 'grid', communityId: f.c.communityId, gridId: 'g9' }],
    });
    expect((await get(`${f.path}/need-board`, ownGrid)).body.needs.map((n: any) => n.needId).sort()).toEqual(
      [needId, other].sort(),
    );
    expect((await get(`${f.path}/need-board`, otherGrid)).body.needs).toEqual([]);
    const refused = await post(`${f.path}/needs/${other}/dispatch`, otherGrid, {
      assignee: { kind: 'partner', id: unit.body.partnerId },
      dueAt: inTwoDays(),
    });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('keeps staff of another community out', async () => {
    const f = await setup();
    const needId = await postedNeed(f);
    const elsewhere = await createCommunity();
    const outsider = await userWithGrants(api, [{ role: 'staff', communityId: elsewhere.communityId }]);
    expect((await get(`${f.path}/needs/${needId}`, outsider.accessToken)).status).toBe(403);
    const sideways = await get(`/community/${elsewhere.communityId}/needs/${needId}`, outsider.accessToken);
    expect([sideways.status, sideways.body.error.code]).toEqual([404, 'NEED_NOT_FOUND']);
  });

  it('lets a caregiver ask for an elder (代办) and staff enter a phone call; both show who entered it', async () => {
    const f = await setup();
    const caregiver = await residentMember(f.c, { buildingId: 'b2', name: '王小红' });
    await grantCare(f.elder.memberId, caregiver.userId);
    const forElder = await post(`${f.path}/needs`, caregiver.token, NEED, { 'x-acting-for': f.elder.memberId });
    expect(forElder.status).toBe(201);
    expect(forElder.body).toMatchObject({
      personLabel: '1号楼 王**',
      recordedBy: { role: 'caregiver', name: '王小红' },
    });
    const phone = await post(
      `${f.path}/needs`,
      f.staff.accessToken,
      { ...NEED, urgency: 'urgent' },
      {
        'x-acting-for': f.elder.memberId,
      },
    );
    expect(phone.body).toMatchObject({ source: 'phone', recordedBy: { role: 'staff' } });
    const mine = await get('/me/needs', caregiver.token, { 'x-acting-for': f.elder.memberId });
    expect(mine.body.needs).toHaveLength(2);
    const cancelled = await post(
      `${f.path}/needs/${forElder.body.needId}/cancel`,
      caregiver.token,
      {},
      {
        'x-acting-for': f.elder.memberId,
      },
    );
    expect(cancelled.body.status).toBe('cancelled');
    const board = await get(`${f.path}/need-board`, f.staff.accessToken);
    expect(board.body.needs.map((n: any) => n.needId)).toEqual([phone.body.needId]);
  });

  it('turns a need into an agenda topic in one transaction, linked both ways, once', async () => {
    const f = await setup();
    const needId = await postedNeed(f, {
      text: '小区东门路灯长期不亮，多位老人摔倒',
      category: '环境设施',
      urgency: 'normal',
    });
    const referred = await post(`${f.path}/needs/${needId}/agenda-topic`, f.staff.accessToken, {
      title: '东门路灯长期不亮',
      category: '设施维修',
    });
    expect(referred.status).toBe(201);
    expect(referred.body.need).toMatchObject({ needId, status: 'new', topicId: referred.body.topicId });
    const topic = await get(`${f.path}/topics/${referred.body.topicId}`, f.staff.accessToken);
    expect(topic.status).toBe(200);
    expect(topic.body.topic).toMatchObject({ fromNeedId: needId, title: '东门路灯长期不亮', status: 'submitted' });
    const again = await post(`${f.path}/needs/${needId}/agenda-topic`, f.staff.accessToken, {
      title: '再转一次',
      category: '设施维修',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'NEED_ALREADY_REFERRED']);
  });

  it('refuses bad input with 4xx and writes nothing', async () => {
    const f = await setup();
    const v = await volunteer(f.c);
    const short = await post(`${f.path}/needs`, f.elder.token, { ...NEED, text: '灯' });
    expect([short.status, short.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await get('/me/needs', f.elder.token)).body.needs).toEqual([]);
    const needId = await postedNeed(f);
    const past = await post(`${f.path}/needs/${needId}/dispatch`, f.staff.accessToken, {
      assignee: { kind: 'volunteer', id: v.userId },
      dueAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    expect([past.status, past.body.error.code]).toEqual([422, 'NEED_DUE_IN_PAST']);
    const nobody = await post(`${f.path}/needs/${needId}/dispatch`, f.staff.accessToken, {
      assignee: { kind: 'volunteer', id: 'no-such-user' },
      dueAt: inTwoDays(),
    });
    expect([nobody.status, nobody.body.error.code]).toEqual([404, 'ASSIGNEE_NOT_FOUND']);
    const stars = await post(`${f.path}/needs/${needId}/rate`, f.elder.token, { stars: 6 });
    expect(stars.status).toBe(400);
    const detail = await get(`${f.path}/needs/${needId}`, f.staff.accessToken);
    expect(detail.body.need.status).toBe('new');
    expect(detail.body.timeline).toHaveLength(1);
  });

  it('offers every staff member of the community for 派单; the colleague finds the need under 我的任务, and a removed one is offered no more', async () => {
    const admin = await adminUser(api);
    const street = await createStreet(api, admin);
    const operator = await appointOperator(api, admin, street.id);
    const community = await createStreetCommunity(api, operator, street.id);
    const [me, colleague] = [
      await appointStaff(api, operator, street.id, community.id),
      await appointStaff(api, operator, street.id, community.id),
    ];
    const c = { communityId: community.id, buildings: { b1: 'b1', b2: 'b2' } };
    const elder = await residentMember(c, { name: '孙桂兰' });
    const path = `/community/${community.id}`;
    const posted = await post(`${path}/needs`, elder.token, NEED);
    expect(posted.status).toBe(201);

    const staffOptions = async () =>
      (await get(`${path}/need-assignees`, me.accessToken)).body.options.filter((o: any) => o.kind === 'staff');
    const offered = await staffOptions();
    expect(offered.map((o: any) => o.id)).toEqual([me.userId, colleague.userId]);
    expect(offered[0].name).toMatch(/（我）$/);
    expect(offered[1].name).not.toMatch(/（我）/);

    const d = await post(`${path}/needs/${posted.body.needId}/dispatch`, me.accessToken, {
      assignee: { kind: 'staff', id: colleague.userId },
      dueAt: inTwoDays(),
    });
    expect(d.body).toMatchObject({ status: 'dispatched', assignee: { kind: 'staff', id: colleague.userId } });
    const tasks = await get(`${path}/my-need-tasks`, colleague.accessToken);
    expect(tasks.body.needs.map((n: any) => n.needId)).toEqual([posted.body.needId]);

    const revoked = await post(`/streets/${street.id}/role-holders/revoke`, operator.accessToken, {
      userId: colleague.userId,
      role: 'staff',
      communityId: community.id,
    });
    expect(revoked.status).toBe(200);
    expect((await staffOptions()).map((o: any) => o.id)).toEqual([me.userId]);
  });
});
