import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { DEV_MARKERS } from '../../functions/src/moderation/wechat-security';
import { apiForThisFile } from '../helpers/api';
import { createCommunity, idem, residentMember, userWithGrants, type CommunityFixture } from '../helpers/fixtures';
import { freshId } from '../helpers/ids';
import { tokenFor } from '../helpers/tokens';
import { scanWhere } from '../helpers/table-scan';
import { platformKey } from '../../functions/src/platform/table-items';

const api = apiForThisFile();

const WISH = { text: '想要一台收音机，每天听听新闻', category: '生活用品', handover: '上门送达', showBuilding: true };

async function setup() {
  const c = await createCommunity();
  const staff = await userWithGrants(api, [{ role: 'staff', communityId: c.communityId }], '刘晶');
  const elder = await residentMember(c, { buildingId: 'b1', name: '王桂芳', room: '301' });
  return { c, staff, elder };
}

const volunteerToken = (c: CommunityFixture, name = '张伟') =>
  tokenFor({ userId: freshId('v'), name, grants: [{ role: 'volunteer', communityId: c.communityId }] });

const post = (path: string, token: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  api.call<any>('POST', path, { token, headers: { ...idem(), ...headers }, body });
const get = (path: string, token: string, headers: Record<string, string> = {}) =>
  api.call<any>('GET', path, { token, headers });

async function approvedWish(f: Awaited<ReturnType<typeof setup>>, body: Record<string, unknown> = {}) {
  const posted = await post(`/community/${f.c.communityId}/wishes`, f.elder.token, WISH);
  expect(posted.status).toBe(201);
  const wishId = posted.body.wishId as string;
  const approved = await post(`/community/${f.c.communityId}/wishes/${wishId}/approve`, f.staff.accessToken, body);
  expect(approved.status).toBe(200);
  return wishId;
}

async function outboxOf(wishId: string) {
  return scanWhere('begins_with(pk, :p) AND (payload.wishId = :w OR contains(payload.link, :w))', {
    ':p': platformKey.outboxPrefix,
    ':w': wishId,
  });
}

describe('微心愿', () => {
  it('keeps a posted wish off the wall until staff approve, then shows 「1号楼 王**」 with the reworded text and no room', async () => {
    const f = await setup();
    const path = `/community/${f.c.communityId}`;
    const posted = await post(`${path}/wishes`, f.elder.token, WISH);
    expect(posted.body).toMatchObject({ status: 'pending_review', wisherName: '王桂芳' });
    const neighbour = await residentMember(f.c, { buildingId: 'b2' });
    expect((await get(`${path}/wish-wall`, neighbour.token)).body.wishes).toEqual([]);
    const hidden = await get(`${path}/wishes/${posted.body.wishId}`, neighbour.token);
    expect([hidden.status, hidden.body.error.code]).toEqual([403, 'WISH_NOT_YOURS']);

    const early = await post(`${path}/wishes/${posted.body.wishId}/claim`, await volunteerToken(f.c));
    expect([early.status, early.body.error.code]).toEqual([409, 'WISH_TRANSITION_INVALID']);
    const approved = await post(`${path}/wishes/${posted.body.wishId}/approve`, f.staff.accessToken, {
      text: '想要一台收音机',
    });
    expect(approved.body.status).toBe('open');
    const wall = await get(`${path}/wish-wall`, neighbour.token);
    expect(wall.body.wishes).toHaveLength(1);
    expect(wall.body.wishes[0]).toMatchObject({ text: '想要一台收音机', wisherName: '1号楼 王**', status: 'open' });
    expect(JSON.stringify(wall.body)).not.toContain('301');
    const again = await post(`${path}/wishes/${posted.body.wishId}/approve`, f.staff.accessToken);
    expect([again.status, again.body.error.code]).toEqual([409, 'WISH_TRANSITION_INVALID']);
  });

  it('refuses a wish whose text content security judges risky and writes nothing', async () => {
    const f = await setup();
    const path = `/community/${f.c.communityId}`;

    const refused = await post(`${path}/wishes`, f.elder.token, {
      ...WISH,
      text: `想要一台收音机${DEV_MARKERS.risky}`,
    });

    expect([refused.status, refused.body.error.code]).toEqual([422, 'CONTENT_RISKY']);
    const mine = await get('/me/wishes', f.elder.token);
    expect(mine.body.wishes).toEqual([]);
  });

  it('lets exactly one of 50 claimers at once claim a wish; the others hear 409 WISH_ALREADY_CLAIMED', async () => {
    const f = await setup();
    const wishId = await approvedWish(f);
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => volunteerToken(f.c, `志愿者${i}`)));
    const results = await Promise.all(
      tokens.map((t) => post(`/community/${f.c.communityId}/wishes/${wishId}/claim`, t)),
    );
    const won = results.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(
      Array(49).fill('WISH_ALREADY_CLAIMED'),
    );
    const detail = await get(`/community/${f.c.communityId}/wishes/${wishId}`, f.staff.accessToken);
    expect(detail.body.wish.claimer.name).toBe(won[0]!.body.claimer.name);
    expect(detail.body.timeline.map((e: any) => e.to)).toEqual(['pending_review', 'open', 'claimed']);
    const overview = await get(`/community/${f.c.communityId}/wish-overview`, f.staff.accessToken);
    expect(overview.body.claimers.reduce((n: number, c: any) => n + c.claimed, 0)).toBe(1);
  });

  it('lets the claimer give a wish back, only the claimer deliver, and credits points once when confirmed twice at once', async () => {
    const f = await setup();
    const path = `/community/${f.c.communityId}/wishes`;
    await api.call('PUT', `/community/${f.c.communityId}/care-settings`, {
      token: f.staff.accessToken,
      headers: idem(),
      body: { overdueDays: 5, pointsPerWish: 15 },
    });
    const wishId = await approvedWish(f);
    const first = await volunteerToken(f.c, '李强');
    await post(`${path}/${wishId}/claim`, first);
    const released = await post(`${path}/${wishId}/release`, first, { reason: '临时出差' });
    expect(released.body).toMatchObject({ status: 'open' });
    expect(released.body.claimer).toBeUndefined();

    const volunteerId = freshId('v');
    const volunteer = await tokenFor({
      userId: volunteerId,
      name: '张伟',
      grants: [{ role: 'volunteer', communityId: f.c.communityId }],
    });
    await post(`${path}/${wishId}/claim`, volunteer);
    const claimerDetail = await get(`${path}/${wishId}`, volunteer);
    expect(claimerDetail.body.handoverAddress).toBe('1号楼1单元301');
    expect(claimerDetail.body.wish.wisherName).toBe('1号楼 王**');
    const stranger = await post(`${path}/${wishId}/deliver`, first, { note: '已送到' });
    expect([stranger.status, stranger.body.error.code]).toEqual([403, 'WISH_NOT_CLAIMER']);
    const notYet = await post(`${path}/${wishId}/confirm`, f.elder.token);
    expect([notYet.status, notYet.body.error.code]).toEqual([409, 'WISH_TRANSITION_INVALID']);
    const delivered = await post(`${path}/${wishId}/deliver`, volunteer, { note: '收音机已送到家中，教会了老人使用' });
    expect(delivered.body.status).toBe('delivered');

    const [a, b] = await Promise.all([
      post(`${path}/${wishId}/confirm`, f.elder.token),
      post(`${path}/${wishId}/confirm`, f.staff.accessToken),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const events = await outboxOf(wishId);
    const credits = events.filter((e) => e.eventType === 'care.wish_fulfilled');
    expect(credits).toHaveLength(1);
    expect(credits[0]!.payload).toMatchObject({ volunteerUserId: volunteerId, points: 15 });
    // The points subscriber credits it from the stream, once however often the record arrives.
    const { handler: pointsStream } = await import('../../functions/src/points/stream-lambda');
    const record = { eventName: 'INSERT', dynamodb: { NewImage: marshall(credits[0]!), SequenceNumber: '1' } };
    const streamed = await pointsStream({ Records: [record, record] } as unknown as DynamoDBStreamEvent);
    expect(streamed.batchItemFailures).toEqual([]);
    const { creditWish } = await import('../../functions/src/points');
    const again = await Promise.all([creditWish(credits[0]!.payload), creditWish(credits[0]!.payload)]);
    expect(again).toEqual(['duplicate', 'duplicate']);
    // The elder hears of the claim and the delivery; the volunteer hears it was fulfilled.
    const titles = events.filter((e) => e.eventType === 'notify.message').map((e) => e.payload.title);
    expect(titles).toEqual(
      expect.arrayContaining(['心愿已上墙', '心愿已被认领', '心愿回到心愿墙', '心愿已送达', '心愿已圆梦']),
    );
    const wall = await get(`/community/${f.c.communityId}/wish-wall`, f.elder.token);
    expect(wall.body.wishes.find((w: any) => w.wishId === wishId).status).toBe('fulfilled');
  });

  it('registers a partner unit whose operator binds by invite code and alone may claim the wishes offered to it', async () => {
    const f = await setup();
    const cp = `/community/${f.c.communityId}`;
    const unit = await post(`${cp}/partner-units`, f.staff.accessToken, { name: '社区卫生服务站', kind: '医院' });
    expect(unit.status).toBe(201);
    const operator = await userWithGrants(api, [], '赵医生');
    const bound = await post('/partner-bindings', operator.accessToken, {
      inviteCode: unit.body.inviteCode.toLowerCase(),
    });
    expect(bound.body).toMatchObject({ partnerId: unit.body.partnerId, partnerName: '社区卫生服务站' });
    const reuse = await post('/partner-bindings', (await userWithGrants(api, [], '别人')).accessToken, {
      inviteCode: unit.body.inviteCode,
    });
    expect([reuse.status, reuse.body.error.code]).toEqual([409, 'INVITE_CODE_USED']);
    const opToken = await tokenFor({
      userId: operator.userId,
      name: '赵医生',
      grants: [{ role: 'partner', communityId: f.c.communityId, partnerId: unit.body.partnerId }],
    });
    const wishId = await approvedWish(f, { partnerId: unit.body.partnerId });
    const volunteer = await volunteerToken(f.c);
    const refused = await post(`${cp}/wishes/${wishId}/claim`, volunteer);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'WISH_NOT_OFFERED']);
    expect((await get(`${cp}/wish-wall`, volunteer)).body.wishes).toEqual([]);
    const claimed = await post(`${cp}/wishes/${wishId}/claim`, opToken);
    expect(claimed.body.claimer).toEqual({ kind: 'partner', name: '社区卫生服务站' });
    await post(`${cp}/wishes/${wishId}/deliver`, opToken, { note: '上门送达并测了血压' });
    await post(`${cp}/wishes/${wishId}/confirm`, f.elder.token);
    const mine = await get(`${cp}/my-claims`, opToken);
    expect(mine.body.wishes.map((w: any) => w.status)).toEqual(['fulfilled']);
    const overview = await get(`${cp}/wish-overview`, f.staff.accessToken);
    expect(overview.body.claimers[0]).toMatchObject({
      kind: 'partner',
      name: '社区卫生服务站',
      claimed: 1,
      fulfilled: 1,
    });
    expect(overview.body.counts.fulfilled).toBe(1);
    // A partner's fulfilment earns no volunteer points.
    expect((await outboxOf(wishId)).some((e) => e.eventType === 'care.wish_fulfilled')).toBe(false);
  });

  it('lets the wisher withdraw an open wish, which leaves the wall; nobody else may, and not twice', async () => {
    const f = await setup();
    const path = `/community/${f.c.communityId}/wishes`;
    const wishId = await approvedWish(f);
    const neighbour = await residentMember(f.c, { buildingId: 'b2' });

    const byNeighbour = await post(`${path}/${wishId}/withdraw`, neighbour.token);
    const withdrawn = await post(`${path}/${wishId}/withdraw`, f.elder.token);
    const again = await post(`${path}/${wishId}/withdraw`, f.elder.token);
    const wall = await get(`/community/${f.c.communityId}/wish-wall`, neighbour.token);

    expect([byNeighbour.status, byNeighbour.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ wishId, status: 'withdrawn' });
    expect(again.body.error.code).toBe('WISH_TRANSITION_INVALID');
    expect(wall.body.wishes.map((w: any) => w.wishId)).not.toContain(wishId);
  });

  it('marks wishes of members staff tagged 独居 for priority, lets staff post for them and decline with a reason', async () => {
    const f = await setup();
    const cp = `/community/${f.c.communityId}`;
    const tagged = await api.call<any>('PUT', `${cp}/members/${f.elder.memberId}/tags`, {
      token: f.staff.accessToken,
      headers: idem(),
      body: { tags: ['高龄', '独居'] },
    });
    expect(tagged.body.tags).toEqual(['独居', '高龄']);
    const bad = await api.call<any>('PUT', `${cp}/members/${f.elder.memberId}/tags`, {
      token: f.staff.accessToken,
      headers: idem(),
      body: { tags: ['有钱'] },
    });
    expect(bad.status).toBe(400);
    expect((await get(`${cp}/member-tags`, f.staff.accessToken)).body.members.map((m: any) => m.memberId)).toEqual([
      f.elder.memberId,
    ]);
    const forElder = await post(
      `${cp}/wishes`,
      f.staff.accessToken,
      { ...WISH, showBuilding: false },
      { 'x-acting-for': f.elder.memberId },
    );
    expect(forElder.body).toMatchObject({ priority: true, recordedVia: 'staff' });
    const queue = await get(`${cp}/wish-queue`, f.staff.accessToken);
    expect(queue.body.rows[0].wish.wishId).toBe(forElder.body.wishId);
    const declined = await post(`${cp}/wishes/${forElder.body.wishId}/decline`, f.staff.accessToken, {
      reason: '已由民政渠道解决',
    });
    expect(declined.body.status).toBe('declined');
    const mine = await get('/me/wishes', f.elder.token);
    expect(mine.body.wishes[0]).toMatchObject({ status: 'declined' });
    const short = await post(`${cp}/wishes`, f.elder.token, { ...WISH, text: '收' });
    expect([short.status, short.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
