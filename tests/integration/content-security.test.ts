/**
 * WeChat content security on what residents and staff write about topics: risky texts are
 * refused with nothing written, texts WeChat cannot clear wait for staff, staff release or hide.
 */
import { createHash } from 'node:crypto';
import { devContentSecurity, DEV_MARKERS } from '../../functions/src/moderation/wechat-security';
import { setContentSecurity } from '../../functions/src/moderation/screen';
import { apiForThisFile } from '../helpers/api';
import { itemsUnder } from '../helpers/table-scan';
import { canteenSetup, tomorrow } from '../helpers/canteen-fixtures';
import { verdict } from '../helpers/fake-wechat-security';
import { fakeWechatForThisFile } from '../helpers/wechat-screening';
import {
  idem,
  residentMember,
  type CommunityFixture,
  type SignedIn,
  staffMember,
  communityWithTopicAuthor,
  type Resident,
} from '../helpers/fixtures';
import { key } from '../../functions/src/table';
import { agendaKey } from '../../functions/src/agenda/items';

const api = apiForThisFile();
// The real adapter against the fake WeChat server, with a short timeout for the timeout case.
const wechat = fakeWechatForThisFile(300);

const TOPIC = {
  title: '1号楼楼道灯不亮',
  description: '1号楼1单元三楼到五楼的楼道灯坏了一个多月，老人晚上上下楼很不方便。',
  category: '设施维修',
  scope: 'building',
};

async function setup() {
  const { c, staff, author } = await communityWithTopicAuthor(api);
  const neighbour = await residentMember(c, { buildingId: 'b1', name: '赵建国' });
  return { c, staff, author, neighbour };
}

const submit = (c: CommunityFixture, token: string, body: Record<string, unknown> = TOPIC) =>
  api.call<any>('POST', `/community/${c.communityId}/topics`, { token, headers: idem(), body });
const post = (c: CommunityFixture, token: string, topicId: string, verb: string, body: unknown = {}) =>
  api.call<any>('POST', `/community/${c.communityId}/topics/${topicId}/${verb}`, { token, headers: idem(), body });
const detail = (c: CommunityFixture, token: string, topicId: string) =>
  api.call<any>('GET', `/community/${c.communityId}/topics/${topicId}`, { token });
const openList = async (c: CommunityFixture, r: Resident) =>
  (await api.call<any>('GET', `/community/${c.communityId}/topics`, { token: r.token })).body.topics.map(
    (t: any) => t.topicId,
  );

const memberTopicCount = async (memberId: string) =>
  (await itemsUnder(key.member(memberId).pk, agendaKey.memberTopicPrefix)).length;

/** Runs a topic to done (all checks pass); returns its id. */
async function finishedTopic(c: CommunityFixture, staff: SignedIn, author: Resident) {
  const id = (await submit(c, author.token, { ...TOPIC, scope: 'community' })).body.topicId as string;
  const venue = await api.call<any>('POST', `/community/${c.communityId}/venues`, {
    token: staff.accessToken,
    headers: idem(),
    body: { name: '议事厅', place: '社区服务中心', capacity: 30 },
  });
  const startsAt = new Date(Date.now() + 86_400_000).toISOString();
  const session = await api.call<any>('POST', `/community/${c.communityId}/sessions`, {
    token: staff.accessToken,
    headers: idem(),
    body: {
      title: '居民议事会',
      venueId: venue.body.venueId,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 5_400_000).toISOString(),
      audience: { kind: 'community' },
    },
  });
  expect((await post(c, staff.accessToken, id, 'approve')).status).toBe(200);
  expect((await post(c, staff.accessToken, id, 'schedule', { sessionId: session.body.sessionId })).status).toBe(200);
  expect((await post(c, staff.accessToken, id, 'decision', { text: '物业负责更换' })).status).toBe(200);
  const actions = { actions: [{ title: '更换楼道灯', owner: '物业', due: '2026-12-01' }] };
  expect((await post(c, staff.accessToken, id, 'actions', actions)).status).toBe(200);
  expect((await post(c, staff.accessToken, id, 'done')).status).toBe(200);
  return id;
}

describe('a topic and WeChat content security', () => {
  it('asks WeChat with the author openid, the forum scene and the title before publishing a passed topic', async () => {
    const { c, author, neighbour } = await setup();
    const res = await submit(c, author.token);
    expect(res.status).toBe(201);
    expect(res.body.moderation).toBeUndefined();
    expect(wechat.textCalls).toHaveLength(1);
    expect(wechat.textCalls[0]!.body).toMatchObject({
      version: 2,
      openid: `dev-${author.userId.toLowerCase()}`,
      scene: 3,
      title: TOPIC.title,
      content: TOPIC.description,
    });
    expect(await openList(c, neighbour)).toEqual([res.body.topicId]);
    expect((await post(c, neighbour.token, res.body.topicId, 'cosign')).status).toBe(200);
  });

  it('refuses a risky topic in Chinese and writes nothing', async () => {
    const { c, author, neighbour } = await setup();
    wechat.textAnswers.push(verdict('risky'));
    const res = await submit(c, author.token);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'CONTENT_RISKY', message: expect.stringContaining('未能发布') });
    expect(await memberTopicCount(author.memberId)).toBe(0);
    expect(await openList(c, neighbour)).toEqual([]);
  });

  it('holds a topic WeChat suggests for review: the author sees it, neighbours cannot read or co-sign it', async () => {
    const { c, author, neighbour } = await setup();
    wechat.textAnswers.push(verdict('review'));
    const res = await submit(c, author.token);
    expect(res.status).toBe(201);
    expect(res.body.moderation).toMatchObject({ state: 'held' });
    const topicId = res.body.topicId as string;
    expect(await openList(c, neighbour)).toEqual([]);
    expect((await detail(c, neighbour.token, topicId)).body.error.code).toBe('CONTENT_HELD');
    expect((await post(c, neighbour.token, topicId, 'cosign')).body.error.code).toBe('CONTENT_HELD');
    const own = await detail(c, author.token, topicId);
    expect(own.status).toBe(200);
    expect(own.body.timeline[0].note).toContain('内容待社区工作人员复核');
  });

  it('holds a topic when WeChat does not answer in time, and never publishes it unchecked', async () => {
    const { c, author, neighbour } = await setup();
    wechat.textAnswers.push({ ...verdict('pass'), delayMs: 1000 });
    const res = await submit(c, author.token);
    expect(res.status).toBe(201);
    expect(res.body.moderation).toMatchObject({ state: 'held' });
    expect(await openList(c, neighbour)).toEqual([]);
  });

  it('holds a topic when WeChat answers an error', async () => {
    const { c, author, neighbour } = await setup();
    wechat.textAnswers.push({ body: { errcode: -1, errmsg: 'system error' } });
    const res = await submit(c, author.token);
    expect(res.body.moderation).toMatchObject({ state: 'held' });
    expect(await openList(c, neighbour)).toEqual([]);
  });

  it('lets staff release a held topic: neighbours then see it and co-sign once', async () => {
    const { c, staff, author, neighbour } = await setup();
    wechat.textAnswers.push(verdict('review'));
    const topicId = (await submit(c, author.token)).body.topicId as string;
    const queue = await api.call<any>('GET', `/community/${c.communityId}/topic-queue`, { token: staff.accessToken });
    expect(queue.body.rows[0].topic).toMatchObject({ topicId, moderation: { state: 'held' } });
    const released = await post(c, staff.accessToken, topicId, 'release');
    expect(released.status).toBe(200);
    expect(released.body.moderation).toBeUndefined();
    expect(await openList(c, neighbour)).toEqual([topicId]);
    expect((await post(c, neighbour.token, topicId, 'cosign')).body.cosignCount).toBe(1);
    expect((await post(c, staff.accessToken, topicId, 'release')).body.error.code).toBe('CONTENT_NOT_HELD');
    const timeline = (await detail(c, author.token, topicId)).body.timeline;
    expect(timeline.at(-1).note).toBe('内容复核通过，邻居现在可以看到并附议');
  });

  it('releases a held topic when staff approve it (their review is the human check)', async () => {
    const { c, staff, author, neighbour } = await setup();
    wechat.textAnswers.push(verdict('review'));
    const topicId = (await submit(c, author.token)).body.topicId as string;
    expect((await post(c, staff.accessToken, topicId, 'approve')).body.moderation).toBeUndefined();
    expect(await openList(c, neighbour)).toEqual([topicId]);
  });

  it('lets staff hide a published topic with a reason that neighbours read in its place', async () => {
    const { c, staff, author, neighbour } = await setup();
    const topicId = (await submit(c, author.token)).body.topicId as string;
    const noReason = await post(c, staff.accessToken, topicId, 'hide', { reason: '' });
    expect(noReason.status).toBe(400);
    const hidden = await post(c, staff.accessToken, topicId, 'hide', { reason: '含有他人电话号码' });
    expect(hidden.status).toBe(200);
    const seen = (await detail(c, neighbour.token, topicId)).body.topic;
    expect(seen.title).toBe('（该议题内容已被社区工作人员隐藏）');
    expect(seen.description).toBe('隐藏原因：含有他人电话号码');
    expect(JSON.stringify(seen)).not.toContain('三楼到五楼');
    const own = (await detail(c, author.token, topicId)).body.topic;
    expect(own).toMatchObject({ title: TOPIC.title, moderation: { state: 'hidden', reason: '含有他人电话号码' } });
    expect((await post(c, neighbour.token, topicId, 'hide', { reason: '不喜欢' })).status).toBe(403);
  });

  it('refuses a risky staff note and leaves the topic where it was', async () => {
    const { c, staff, author } = await setup();
    const topicId = (await submit(c, author.token)).body.topicId as string;
    wechat.textAnswers.push(verdict('risky'));
    const res = await post(c, staff.accessToken, topicId, 'reject', { reason: '不予受理的理由如下' });
    expect(res.body.error.code).toBe('CONTENT_RISKY');
    expect((await detail(c, author.token, topicId)).body.topic.status).toBe('submitted');
    expect(wechat.textCalls.at(-1)!.body).toMatchObject({ scene: 3, content: '不予受理的理由如下' });
  });
});

describe('rating comments and WeChat content security', () => {
  it('refuses a risky comment and counts no rating', async () => {
    const { c, staff, author, neighbour } = await setup();
    setContentSecurity(devContentSecurity());
    const topicId = await finishedTopic(c, staff, author);
    const res = await post(c, neighbour.token, topicId, 'rating', {
      stars: 1,
      comment: `办得太差${DEV_MARKERS.risky}`,
    });
    expect(res.body.error.code).toBe('CONTENT_RISKY');
    expect((await detail(c, staff.accessToken, topicId)).body.topic.ratingCount).toBe(0);
  });

  it('holds a comment for review: stars count, the words wait for staff, who release or hide them', async () => {
    const { c, staff, author, neighbour } = await setup();
    setContentSecurity(devContentSecurity());
    const topicId = await finishedTopic(c, staff, author);
    const held = await post(c, neighbour.token, topicId, 'rating', {
      stars: 4,
      comment: `总算修好了${DEV_MARKERS.review}`,
    });
    expect(held.status).toBe(200);
    expect(held.body.ratingCount).toBe(1);
    const byAuthor = (await detail(c, author.token, topicId)).body.ratings[0];
    expect(byAuthor.comment).toBeUndefined();
    const own = (await detail(c, neighbour.token, topicId)).body.ratings[0];
    expect(own).toMatchObject({ comment: expect.stringContaining('总算修好了'), moderation: { state: 'held' } });
    const forStaff = (await detail(c, staff.accessToken, topicId)).body.ratings[0];
    expect(forStaff.memberId).toBe(neighbour.memberId);

    expect((await post(c, staff.accessToken, topicId, 'release', { ratingMemberId: neighbour.memberId })).status).toBe(
      200,
    );
    expect((await detail(c, author.token, topicId)).body.ratings[0].comment).toContain('总算修好了');

    const hide = { ratingMemberId: neighbour.memberId, reason: '与议题无关' };
    expect((await post(c, staff.accessToken, topicId, 'hide', hide)).status).toBe(200);
    const afterHide = (await detail(c, author.token, topicId)).body.ratings[0];
    expect(afterHide).toMatchObject({ stars: 4, moderation: { state: 'hidden', reason: '与议题无关' } });
    expect(afterHide.comment).toBeUndefined();
  });
});

describe('names staff give merchants and activities', () => {
  it('refuses a risky activity or merchant name and creates nothing; a passed one is created', async () => {
    const { c, staff } = await setup();
    wechat.textAnswers.push(verdict('risky'));
    const at = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
    const activity = (title: string) =>
      api.call<any>('POST', `/community/${c.communityId}/activities`, {
        token: staff.accessToken,
        headers: idem(),
        body: {
          title,
          place: '社区服务中心',
          startsAt: at(10),
          endsAt: at(120),
          slots: 5,
          award: { kind: 'perHour', pointsPerHour: 20 },
        },
      });
    const refused = await activity('敲门探访独居老人');
    expect(refused.body.error.code).toBe('CONTENT_RISKY');
    expect(wechat.textCalls.at(-1)!.body).toMatchObject({ scene: 1, content: '敲门探访独居老人' });
    const list = await api.call<any>('GET', `/community/${c.communityId}/activities`, { token: staff.accessToken });
    expect(JSON.stringify(list.body)).not.toContain('敲门探访独居老人');
    expect((await activity('敲门探访独居老人')).status).toBe(201);

    wechat.textAnswers.push(verdict('risky'));
    const merchant = await api.call<any>('POST', `/community/${c.communityId}/points-merchants`, {
      token: staff.accessToken,
      headers: idem(),
      body: {
        name: '老马理发店',
        address: '安居苑南门商铺3号',
        category: '理发',
        agreement: {
          offers: [{ offerId: 'cut', kind: 'fixed', title: '理发一次', points: 30 }],
          activeFrom: '2026-01-01',
        },
      },
    });
    expect(merchant.body.error.code).toBe('CONTENT_RISKY');
  });
});

describe('dish photos and mediaCheckAsync', () => {
  const sign = (timestamp: string, nonce: string, token = 'linli-dev-push') =>
    createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
  const push = (body: unknown, token?: string) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = 'n0nce';
    const query = `signature=${sign(timestamp, nonce, token)}&timestamp=${timestamp}&nonce=${nonce}`;
    return api.call<any>('POST', `/wechat/push?${query}`, { body });
  };
  const verdictEvent = (traceId: string, suggest: string) => ({
    ToUserName: 'gh_linli',
    FromUserName: 'o-staff',
    CreateTime: 1764800000,
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: 'wx',
    trace_id: traceId,
    version: 2,
    result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
  });

  it('submits a published dish photo and shows it to residents only after WeChat passes it', async () => {
    wechat.mediaCalls.length = 0;
    const f = await canteenSetup(api);
    const staff = await staffMember(api, f.c);
    const resident = await residentMember(f.c, { buildingId: 'b1' });
    const photo = `https://img.example.cn/${f.c.communityId}/fish.jpg`;
    const risky = `https://img.example.cn/${f.c.communityId}/other.jpg`;
    const published = await api.call<any>('POST', `${f.path}/menus`, {
      token: staff.accessToken,
      headers: idem(),
      body: {
        date: tomorrow(),
        meal: 'lunch',
        dishes: [
          { name: '清蒸鱼', priceFen: 1200, portions: 20, perPersonLimit: 2, photoUrl: photo },
          { name: '红烧肉', priceFen: 1500, portions: 20, perPersonLimit: 2, photoUrl: risky },
        ],
      },
    });
    expect(published.status).toBe(201);
    expect(wechat.mediaCalls.map((c) => c.body)).toEqual([
      expect.objectContaining({ version: 2, media_type: 2, media_url: photo, openid: `dev-${staff.code.slice(4)}` }),
      expect.objectContaining({ media_url: risky }),
    ]);
    const photos = async () =>
      (
        await api.call<any>('GET', `${f.path}/menus/${tomorrow()}/lunch`, { token: resident.token })
      ).body.menu.dishes.map((d: any) => d.photoUrl);
    expect(await photos()).toEqual([undefined, undefined]);

    expect((await push(verdictEvent('media-trace-1', 'pass'), 'wrong-token')).status).toBe(401);
    expect(await photos()).toEqual([undefined, undefined]);
    expect((await push(verdictEvent('media-trace-1', 'pass'))).body).toEqual({ recorded: true });
    expect((await push(verdictEvent('media-trace-2', 'risky'))).body).toEqual({ recorded: true });
    expect(await photos()).toEqual([photo, undefined]);
    const list = await api.call<any>('GET', `/community/${f.c.communityId}/menus`, { token: resident.token });
    expect(list.body.menus[0].dishes.map((d: any) => d.photoUrl)).toEqual([photo, undefined]);
    expect((await push(verdictEvent('unknown-trace', 'pass'))).body).toEqual({ recorded: false });
  });
});
