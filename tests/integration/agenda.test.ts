import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { agendaKey } from '../../functions/src/agenda/items';
import { apiForThisFile } from '../helpers/api';
import {
  createCommunity,
  idem,
  residentMember,
  userWithGrants,
  type CommunityFixture,
  type SignedIn,
  grantCare,
  staffMember,
  communityWithTopicAuthor,
  type Resident,
} from '../helpers/fixtures';
import { itemsUnder, scanWhere } from '../helpers/table-scan';
import { key } from '../../functions/src/table';
import { inMinutes } from '../helpers/clock';

const api = apiForThisFile();

const TOPIC = {
  title: '3号楼楼道灯不亮',
  description: '3号楼2单元三楼到五楼的楼道灯坏了一个多月，老人晚上上下楼很不方便。',
  category: '设施维修',
  scope: 'building',
};

const setup = () => communityWithTopicAuthor(api);

async function newSession(c: CommunityFixture, staff: SignedIn, startsInMinutes = 24 * 60) {
  const venue = await api.call<any>('POST', `/community/${c.communityId}/venues`, {
    token: staff.accessToken,
    headers: idem(),
    body: { name: '红色议事厅', place: '社区服务中心二楼', capacity: 30 },
  });
  const session = await api.call<any>('POST', `/community/${c.communityId}/sessions`, {
    token: staff.accessToken,
    headers: idem(),
    body: {
      title: '十一月居民议事会',
      venueId: venue.body.venueId,
      startsAt: inMinutes(startsInMinutes),
      endsAt: inMinutes(startsInMinutes + 90),
      audience: { kind: 'community' },
    },
  });
  expect(session.status).toBe(201);
  return session.body.sessionId as string;
}

const submit = (
  c: CommunityFixture,
  token: string,
  body: Record<string, unknown> = TOPIC,
  headers: Record<string, string> = {},
) => api.call<any>('POST', `/community/${c.communityId}/topics`, { token, headers: { ...idem(), ...headers }, body });

const staffDoes = (c: CommunityFixture, staff: SignedIn, topicId: string, verb: string, body: unknown = {}) =>
  api.call<any>('POST', `/community/${c.communityId}/topics/${topicId}/${verb}`, {
    token: staff.accessToken,
    headers: idem(),
    body,
  });

const residentDoes = (c: CommunityFixture, r: { token: string }, topicId: string, verb: string, body?: unknown) =>
  api.call<any>('POST', `/community/${c.communityId}/topics/${topicId}/${verb}`, {
    token: r.token,
    headers: idem(),
    body,
  });

const detail = (c: CommunityFixture, token: string, topicId: string, headers: Record<string, string> = {}) =>
  api.call<any>('GET', `/community/${c.communityId}/topics/${topicId}`, { token, headers });

async function topicItems(topicId: string) {
  const out = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': agendaKey.topic(topicId).pk },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

const topicsOfMember = (memberId: string) => itemsUnder(key.member(memberId).pk, agendaKey.memberTopicPrefix);

async function outboxFor(topicId: string) {
  const items = await scanWhere('eventType = :t AND payload.topicId = :id', {
    ':t': 'agenda.topic_changed',
    ':id': topicId,
  });
  return items.map((i) => i.payload).sort((a, b) => a.to.localeCompare(b.to));
}

/** Runs a topic from submitted to done; returns its id. */
async function finished(c: CommunityFixture, staff: SignedIn, author: Resident, scope = 'community') {
  const sessionId = await newSession(c, staff);
  const created = await submit(c, author.token, { ...TOPIC, scope });
  const id = created.body.topicId as string;
  expect((await staffDoes(c, staff, id, 'approve')).status).toBe(200);
  expect((await staffDoes(c, staff, id, 'schedule', { sessionId })).status).toBe(200);
  expect((await staffDoes(c, staff, id, 'decision', { text: '维修费用由物业公司和居民各承担一半' })).status).toBe(200);
  expect(
    (await staffDoes(c, staff, id, 'actions', { actions: [{ title: '更换楼道灯', owner: '物业', due: '2026-12-01' }] }))
      .status,
  ).toBe(200);
  expect((await staffDoes(c, staff, id, 'done')).status).toBe(200);
  return id;
}

describe('raising a topic', () => {
  it('records the topic with its first timeline entry, files it under the author and tells the author', async () => {
    const { c, author } = await setup();
    const res = await submit(c, author.token);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: TOPIC.title,
      status: 'submitted',
      category: '设施维修',
      scope: { kind: 'building', buildingId: 'b1' },
      scopeLabel: '1号楼',
      authorName: '王桂芳',
      cosignCount: 0,
    });
    expect(res.body.recordedBy).toBeUndefined();
    const items = await topicItems(res.body.topicId);
    expect(items.filter((i) => String(i.sk).startsWith(agendaKey.topicTimelinePrefix))).toHaveLength(1);
    expect(await topicsOfMember(author.memberId)).toHaveLength(1);
    expect(await outboxFor(res.body.topicId)).toEqual([expect.objectContaining({ to: 'submitted' })]);
    const mine = await api.call<any>('GET', '/me/topics', { token: author.token });
    expect(mine.body.topics.map((t: any) => t.topicId)).toEqual([res.body.topicId]);
  });

  it('shows a building topic to neighbours of that building only, and a community one to all', async () => {
    const { c, author } = await setup();
    const sameBuilding = await residentMember(c, { buildingId: 'b1' });
    const otherBuilding = await residentMember(c, { buildingId: 'b2' });
    const building = await submit(c, author.token);
    const everyone = await submit(c, author.token, { ...TOPIC, title: '小区南门停车太乱', scope: 'community' });
    const open = async (r: Resident) =>
      (await api.call<any>('GET', `/community/${c.communityId}/topics`, { token: r.token })).body.topics.map(
        (t: any) => t.topicId,
      );
    expect(await open(sameBuilding)).toEqual([everyone.body.topicId, building.body.topicId]);
    expect(await open(otherBuilding)).toEqual([everyone.body.topicId]);
    // Neighbours see the author's name masked, on the card and on the timeline.
    const seen = await detail(c, sameBuilding.token, building.body.topicId);
    expect(seen.body.topic.authorName).toBe('王*芳');
    expect(seen.body.timeline[0].byName).toBe('王*芳');
    expect((await detail(c, otherBuilding.token, building.body.topicId)).status).toBe(403);
  });

  it('lets a caregiver raise a topic for the elder they care for', async () => {
    const { c } = await setup();
    const caregiver = await residentMember(c, { name: '张伟' });
    const elder = await residentMember(c, { name: '李秀英' });
    await grantCare(elder.memberId, caregiver.userId);
    const res = await submit(c, caregiver.token, TOPIC, { 'x-acting-for': elder.memberId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ authorName: '李秀英', recordedBy: { name: '张伟', via: 'caregiver' } });
    expect(await topicsOfMember(elder.memberId)).toHaveLength(1);
    expect(await topicsOfMember(caregiver.memberId)).toHaveLength(0);
    const [event] = await outboxFor(res.body.topicId);
    expect(event).toMatchObject({ authorMemberId: elder.memberId, caregiverUserId: caregiver.userId });

    // The notifier tells both the elder's own user and the caregiver, linking to the topic.
    const { notify } = await import('../../functions/src/notify/notifier');
    await notify(`evt-${res.body.topicId}`, event, new Date().toISOString(), {
      sender: { send: async () => ({ status: 'sent' as const }) },
      templateIds: {},
    });
    for (const who of [caregiver, elder]) {
      const inbox = await api.call<any>('GET', '/me/messages', { token: who.token });
      expect(inbox.body.messages).toEqual([
        expect.objectContaining({
          title: '议题待审核',
          body: `李秀英提出的议题「${TOPIC.title}」已提交，等待社区审核。说明：家属张伟代为提出`,
          link: `/packages/agenda/topic/index?communityId=${c.communityId}&topicId=${res.body.topicId}`,
        }),
      ]);
    }
  });

  it('lets staff record a topic raised in person, and shows who recorded it', async () => {
    const { c, staff, author } = await setup();
    const res = await api.call<any>('POST', `/community/${c.communityId}/topics`, {
      token: staff.accessToken,
      headers: { ...idem(), 'x-acting-for': author.memberId },
      body: TOPIC,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ authorName: '王桂芳', recordedBy: { name: '刘晶', via: 'staff' } });
    const seen = await detail(c, author.token, res.body.topicId);
    expect(seen.body.timeline[0]).toMatchObject({ byName: '刘晶', byRole: 'staff', to: 'submitted' });
    expect(seen.body.timeline[0].note).toContain('由工作人员刘晶代为登记');
    expect(seen.body.mine).toMatchObject({ isAuthor: true, canWithdraw: true });
  });

  it.each([
    ['a title over 50 characters', { title: '灯'.repeat(51) }],
    ['a description over 1000 characters', { description: '灯'.repeat(1001) }],
    ['an unknown category', { category: '绿化' }],
    ['an unknown scope', { scope: 'city' }],
  ])('refuses %s with 400 and writes nothing', async (_what, change) => {
    const { c, author } = await setup();
    const res = await submit(c, author.token, { ...TOPIC, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await topicsOfMember(author.memberId)).toHaveLength(0);
  });

  it('refuses a topic for another community with 403 and writes nothing', async () => {
    const { author } = await setup();
    const other = await createCommunity();
    const res = await submit(other, author.token);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    expect(await topicsOfMember(author.memberId)).toHaveLength(0);
  });
});

describe('withdrawing', () => {
  it('lets the author withdraw before review, nobody else, and not after review', async () => {
    const { c, staff, author } = await setup();
    const neighbour = await residentMember(c);
    const first = await submit(c, author.token);
    const byNeighbour = await residentDoes(c, neighbour, first.body.topicId, 'withdraw');
    expect(byNeighbour.status).toBe(403);
    expect(byNeighbour.body.error.code).toBe('FORBIDDEN');
    const byAuthor = await residentDoes(c, author, first.body.topicId, 'withdraw');
    expect(byAuthor.status).toBe(200);
    expect(byAuthor.body.status).toBe('withdrawn');

    const second = await submit(c, author.token);
    await staffDoes(c, staff, second.body.topicId, 'approve');
    const late = await residentDoes(c, author, second.body.topicId, 'withdraw');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('AGENDA_TRANSITION_INVALID');
  });
});

describe('the life cycle', () => {
  it('runs submitted → approved → scheduled → decided → in_progress → done, one timeline entry and one message per step', async () => {
    const { c, staff, author } = await setup();
    const sessionId = await newSession(c, staff);
    const id = (await submit(c, author.token)).body.topicId as string;
    expect((await staffDoes(c, staff, id, 'approve', { note: '问题属实' })).body.status).toBe('approved');
    const scheduled = await staffDoes(c, staff, id, 'schedule', { sessionId });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', session: { sessionId, title: '十一月居民议事会' } });
    const agenda = await api.call<any>('GET', `/community/${c.communityId}/sessions/${sessionId}/topics`, {
      token: author.token,
    });
    expect(agenda.body.topics.map((t: any) => t.topicId)).toEqual([id]);
    const decided = await staffDoes(c, staff, id, 'decision', {
      text: '维修费用由物业公司和居民各承担一半',
      tally: { for: 23, against: 2, abstain: 1 },
    });
    expect(decided.body.decision).toEqual({
      text: '维修费用由物业公司和居民各承担一半',
      tally: { for: 23, against: 2, abstain: 1 },
    });
    const started = await staffDoes(c, staff, id, 'actions', {
      actions: [{ title: '更换楼道灯', owner: '物业公司', due: '2026-12-01' }],
    });
    expect(started.body.status).toBe('in_progress');
    const more = await staffDoes(c, staff, id, 'actions', {
      actions: [{ title: '检查线路', owner: '电工老李', due: '2026-12-05' }],
    });
    expect(more.body.actions.map((a: any) => a.title)).toEqual(['更换楼道灯', '检查线路']);
    expect((await staffDoes(c, staff, id, 'progress', { note: '灯具已采购' })).body.status).toBe('in_progress');
    const done = await staffDoes(c, staff, id, 'done', { note: '已全部更换' });
    expect(done.body.status).toBe('done');
    expect(done.body.doneAt).toBeDefined();

    const seen = await detail(c, author.token, id);
    expect(seen.body.timeline.map((e: any) => e.to)).toEqual([
      'submitted',
      'approved',
      'scheduled',
      'decided',
      'in_progress',
      'in_progress',
      'in_progress',
      'done',
    ]);
    expect(seen.body.timeline.map((e: any) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(seen.body.timeline.at(-1).to).toBe(seen.body.topic.status);
    expect(seen.body.timeline[1]).toMatchObject({ byName: '刘晶', byRole: 'staff', from: 'submitted' });
    expect(seen.body.mine.canRate).toBe(true);
    // The author hears of every change.
    expect(await outboxFor(id)).toHaveLength(8);
  });

  it.each([
    ['decide a submitted topic', 'decision', { text: '直接决定' }],
    ['finish a submitted topic', 'done', {}],
    ['add actions to a submitted topic', 'actions', { actions: [{ title: '换灯', owner: '物业', due: '2026-12-01' }] }],
  ])('refuses to %s with 409 and changes nothing', async (_what, verb, body) => {
    const { c, staff, author } = await setup();
    const id = (await submit(c, author.token)).body.topicId as string;
    const before = await topicItems(id);
    const res = await staffDoes(c, staff, id, verb, body);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('AGENDA_TRANSITION_INVALID');
    expect(await topicItems(id)).toEqual(before);
  });

  it('lets only one of two staff approving at once win; the other gets 409', async () => {
    const { c, staff, author } = await setup();
    const other = await staffMember(api, c, '马丽');
    const id = (await submit(c, author.token)).body.topicId as string;
    const answers = await Promise.all([
      staffDoes(c, staff, id, 'approve'),
      staffDoes(c, other, id, 'reject', { reason: '不属于议事范围' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const seen = await detail(c, staff.accessToken, id);
    expect(seen.body.timeline).toHaveLength(2);
    expect(seen.body.timeline.at(-1).to).toBe(seen.body.topic.status);
  });

  it('refuses bad staff input with 400 and changes nothing', async () => {
    const { c, staff, author } = await setup();
    const id = (await submit(c, author.token)).body.topicId as string;
    const before = await topicItems(id);
    expect((await staffDoes(c, staff, id, 'reject', { reason: '' })).status).toBe(400);
    expect((await staffDoes(c, staff, id, 'decision', { text: '好', tally: { for: -1 } })).status).toBe(400);
    expect((await staffDoes(c, staff, id, 'actions', { actions: [] })).status).toBe(400);
    expect(await topicItems(id)).toEqual(before);
  });

  it('keeps staff of another community out (403) and treats another community’s topic as not found', async () => {
    const { c, author } = await setup();
    const other = await createCommunity();
    const otherStaff = await userWithGrants(api, [{ role: 'staff', communityId: other.communityId }]);
    const id = (await submit(c, author.token)).body.topicId as string;
    const before = await topicItems(id);
    const direct = await staffDoes(c, otherStaff, id, 'approve');
    expect(direct.status).toBe(403);
    expect(direct.body.error.code).toBe('OUT_OF_SCOPE');
    const viaOwnCommunity = await staffDoes(other, otherStaff, id, 'approve');
    expect(viaOwnCommunity.status).toBe(404);
    expect(viaOwnCommunity.body.error.code).toBe('TOPIC_NOT_FOUND');
    expect(await topicItems(id)).toEqual(before);
  });

  it('schedules only into an upcoming, not cancelled session of the same community', async () => {
    const { c, staff, author } = await setup();
    const other = await createCommunity();
    const otherStaff = await userWithGrants(api, [{ role: 'staff', communityId: other.communityId }]);
    const foreign = await newSession(other, otherStaff);
    const cancelled = await newSession(c, staff, 3 * 24 * 60);
    await api.call('POST', `/community/${c.communityId}/sessions/${cancelled}/cancel`, {
      token: staff.accessToken,
      headers: idem(),
      body: { reason: '会议室维修' },
    });
    const id = (await submit(c, author.token)).body.topicId as string;
    await staffDoes(c, staff, id, 'approve');
    const before = await topicItems(id);
    expect((await staffDoes(c, staff, id, 'schedule', { sessionId: foreign })).body.error.code).toBe(
      'SESSION_NOT_FOUND',
    );
    expect((await staffDoes(c, staff, id, 'schedule', { sessionId: cancelled })).body.error.code).toBe(
      'SESSION_CANCELLED',
    );
    expect(await topicItems(id)).toEqual(before);
    const good = await newSession(c, staff, 5 * 24 * 60);
    expect((await staffDoes(c, staff, id, 'schedule', { sessionId: good })).status).toBe(200);
  });
});

describe('co-signing (附议)', () => {
  it('counts 50 different residents co-signing at once as 50', async () => {
    const { c, author } = await setup();
    const id = (await submit(c, author.token, { ...TOPIC, scope: 'community' })).body.topicId as string;
    const neighbours = await Promise.all(
      Array.from({ length: 50 }, (_, i) => residentMember(c, { buildingId: i % 2 ? 'b1' : 'b2' })),
    );
    const answers = await Promise.all(neighbours.map((n) => residentDoes(c, n, id, 'cosign')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(50);
    const seen = await detail(c, author.token, id);
    expect(seen.body.topic.cosignCount).toBe(50);
    expect((await topicItems(id)).filter((i) => String(i.sk).startsWith(agendaKey.topicCosignPrefix))).toHaveLength(50);
  });

  it('counts one resident co-signing 50 times at once as 1', async () => {
    const { c, author } = await setup();
    const neighbour = await residentMember(c);
    const id = (await submit(c, author.token)).body.topicId as string;
    const answers = await Promise.all(Array.from({ length: 50 }, () => residentDoes(c, neighbour, id, 'cosign')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'ALREADY_COSIGNED')).toBe(true);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(49);
    expect((await detail(c, author.token, id)).body.topic.cosignCount).toBe(1);
  });

  it('refuses the author, residents out of scope, and co-signs once the topic left review', async () => {
    const { c, staff, author } = await setup();
    const otherBuilding = await residentMember(c, { buildingId: 'b2' });
    const neighbour = await residentMember(c, { buildingId: 'b1' });
    const id = (await submit(c, author.token)).body.topicId as string;
    expect((await residentDoes(c, author, id, 'cosign')).body.error.code).toBe('AGENDA_OWN_ITEM');
    const out = await residentDoes(c, otherBuilding, id, 'cosign');
    expect(out.status).toBe(403);
    expect(out.body.error.code).toBe('OUT_OF_SCOPE');
    await staffDoes(c, staff, id, 'reject', { reason: '不属于议事范围' });
    const late = await residentDoes(c, neighbour, id, 'cosign');
    expect(late.status).toBe(409);
    expect((await detail(c, author.token, id)).body.topic.cosignCount).toBe(0);
  });
});

describe('merging', () => {
  it('carries co-signers over and counts a resident who backed both topics once', async () => {
    const { c, staff, author } = await setup();
    const [r1, r2, r3] = await Promise.all([residentMember(c), residentMember(c), residentMember(c)]);
    const second = await residentMember(c, { name: '赵强' });
    const target = (await submit(c, author.token, { ...TOPIC, scope: 'community' })).body.topicId as string;
    const dup = (await submit(c, second.token, { ...TOPIC, title: '楼道灯坏了没人修', scope: 'community' })).body
      .topicId as string;
    await Promise.all([residentDoes(c, r2, target, 'cosign'), residentDoes(c, r3, target, 'cosign')]);
    await Promise.all([residentDoes(c, r1, dup, 'cosign'), residentDoes(c, r2, dup, 'cosign')]);

    const res = await staffDoes(c, staff, dup, 'merge', {
      intoTopicId: target,
      note: '您反映的问题与已有议题相同，已合并处理，附议已一并计入。',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'merged', mergedInto: { topicId: target } });
    // r2, r3 were there; r1 and the duplicate's author arrive; r2 is not counted twice.
    const merged = await detail(c, author.token, target);
    expect(merged.body.topic.cosignCount).toBe(4);
    expect((await topicItems(target)).filter((i) => String(i.sk).startsWith(agendaKey.topicCosignPrefix))).toHaveLength(
      4,
    );
    expect(merged.body.timeline.at(-1).note).toContain('新增附议 2 人');
    expect((await detail(c, r1.token, target)).body.mine.cosigned).toBe(true);
    const dupEvents = await outboxFor(dup);
    expect(dupEvents.map((e) => e.to)).toEqual(['merged', 'submitted']);
  });

  it('carries more co-signers than one transaction holds', async () => {
    const { c, staff, author } = await setup();
    const second = await residentMember(c);
    const target = (await submit(c, author.token, { ...TOPIC, scope: 'community' })).body.topicId as string;
    const dup = (await submit(c, second.token, { ...TOPIC, scope: 'community' })).body.topicId as string;
    const backers = await Promise.all(Array.from({ length: 95 }, () => residentMember(c)));
    const answers = await Promise.all(backers.map((b) => residentDoes(c, b, dup, 'cosign')));
    expect(answers.every((a) => a.status === 200)).toBe(true);

    const res = await staffDoes(c, staff, dup, 'merge', { intoTopicId: target });
    expect(res.status).toBe(200);
    expect((await detail(c, author.token, target)).body.topic.cosignCount).toBe(96);
    expect((await topicItems(target)).filter((i) => String(i.sk).startsWith(agendaKey.topicCosignPrefix))).toHaveLength(
      96,
    );
  });

  it('refuses to merge into itself, into a closed topic or into another community’s topic', async () => {
    const { c, staff, author } = await setup();
    const a = (await submit(c, author.token)).body.topicId as string;
    const closed = (await submit(c, author.token)).body.topicId as string;
    await staffDoes(c, staff, closed, 'reject', { reason: '不属于议事范围' });
    const before = await topicItems(a);
    for (const into of [a, closed, 'no-such-topic']) {
      const res = await staffDoes(c, staff, a, 'merge', { intoTopicId: into });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('AGENDA_MERGE_TARGET_INVALID');
    }
    expect(await topicItems(a)).toEqual(before);
  });
});

describe('rating and the 晒事栏', () => {
  it('takes one rating of 1–5 per resident in scope once done, and shows the average on the board', async () => {
    const { c, staff, author } = await setup();
    const neighbour = await residentMember(c, { buildingId: 'b2' });
    const notDone = (await submit(c, author.token, { ...TOPIC, scope: 'community' })).body.topicId as string;
    const early = await residentDoes(c, neighbour, notDone, 'rating', { stars: 5 });
    expect(early.status).toBe(409);

    const id = await finished(c, staff, author);
    expect((await residentDoes(c, neighbour, id, 'rating', { stars: 6 })).status).toBe(400);
    expect((await residentDoes(c, neighbour, id, 'rating', { stars: 0 })).status).toBe(400);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => residentDoes(c, neighbour, id, 'rating', { stars: 4, comment: '修得很快' })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'ALREADY_RATED')).toBe(true);
    expect((await residentDoes(c, author, id, 'rating', { stars: 5 })).status).toBe(200);

    const board = await api.call<any>('GET', `/community/${c.communityId}/topic-board`, { token: neighbour.token });
    expect(board.status).toBe(200);
    expect(board.body.topics).toHaveLength(1);
    expect(board.body.topics[0]).toMatchObject({
      topicId: id,
      status: 'done',
      ratingCount: 2,
      averageRating: 4.5,
      decision: { text: '维修费用由物业公司和居民各承担一半' },
      actions: [{ title: '更换楼道灯', owner: '物业', due: '2026-12-01' }],
    });
    const seen = await detail(c, neighbour.token, id);
    expect(seen.body.mine).toMatchObject({ rating: 4, canRate: false });
    expect(seen.body.ratings.map((r: any) => r.comment)).toContain('修得很快');
  });

  it('refuses ratings from residents out of scope (403) and lets volunteers read the board', async () => {
    const { c, staff, author } = await setup();
    const otherBuilding = await residentMember(c, { buildingId: 'b2' });
    const id = await finished(c, staff, author, 'building');
    const res = await residentDoes(c, otherBuilding, id, 'rating', { stars: 3 });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    expect((await detail(c, author.token, id)).body.topic.ratingCount).toBe(0);
    // A finished topic is public to the community: readable from another building, not ratable.
    const seen = await detail(c, otherBuilding.token, id);
    expect(seen.status).toBe(200);
    expect(seen.body.mine).toMatchObject({ canRate: false, canCosign: false });
    const volunteer = await userWithGrants(api, [{ role: 'volunteer', communityId: c.communityId }]);
    const board = await api.call<any>('GET', `/community/${c.communityId}/topic-board`, {
      token: volunteer.accessToken,
    });
    expect(board.body.topics.map((t: any) => t.topicId)).toEqual([id]);
  });
});

describe('the review queue', () => {
  it('lists topics oldest first with co-sign counts, marks those waiting over 3 days, and offers reply templates', async () => {
    const { c, staff, author } = await setup();
    const neighbour = await residentMember(c);
    const old = (await submit(c, author.token)).body.topicId as string;
    const recent = (await submit(c, author.token, { ...TOPIC, title: '垃圾站异味大' })).body.topicId as string;
    await residentDoes(c, neighbour, recent, 'cosign');
    // Make the first one four days old.
    const fourDaysAgo = new Date(Date.now() - 4 * 24 * 3600_000).toISOString();
    const stored = (
      await documentClient.send(
        new GetCommand({ TableName: tableName, Key: agendaKey.topic(old), ConsistentRead: true }),
      )
    ).Item!;
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: agendaKey.topic(old),
        UpdateExpression: 'SET createdAt = :at, statusAt = :at, gsi1sk = :sk',
        ExpressionAttributeValues: { ':at': fourDaysAgo, ':sk': `${fourDaysAgo}#${old}` },
      }),
    );
    expect(stored.status).toBe('submitted');

    const queue = await api.call<any>('GET', `/community/${c.communityId}/topic-queue`, { token: staff.accessToken });
    expect(queue.status).toBe(200);
    expect(queue.body.rows.map((r: any) => [r.topic.topicId, r.overdue, r.topic.cosignCount])).toEqual([
      [old, true, 0],
      [recent, false, 1],
    ]);
    expect(queue.body.rows[0].waitingDays).toBe(4);
    expect(queue.body.templates.reject.length).toBeGreaterThan(0);
    expect(queue.body.templates.merge[0]).toContain('附议');
  });
});

describe('the demo topics of the seed', () => {
  it('hold together: counts match their co-signs and ratings, each timeline ends at its status, seeding twice writes nothing', async () => {
    const { seed, seedItems } = await import('../../scripts/lib/seed');
    const { ensureTable, localClient } = await import('../../scripts/lib/table-setup');
    const items = seedItems();
    const topics = items.filter((i) => i.type === 'Topic');
    expect(topics.map((t) => t.status)).toEqual(['submitted', 'scheduled', 'done']);
    for (const t of topics) {
      const own = items.filter((i) => i.pk === t.pk);
      const timeline = own.filter((i) => i.type === 'TopicTimeline').sort((a, b) => Number(a.seq) - Number(b.seq));
      expect(timeline.at(-1)!.to).toBe(t.status);
      expect(t.version).toBe(timeline.length);
      expect(own.filter((i) => i.type === 'TopicCosign')).toHaveLength(Number(t.cosignCount));
      const ratings = own.filter((i) => i.type === 'TopicRating');
      expect(ratings).toHaveLength(Number(t.ratingCount));
      expect(ratings.reduce((sum, r) => sum + Number(r.stars), 0)).toBe(t.ratingSum);
    }
    const scheduled = agendaKey.sessionTopic('session-demo-1', 'topic-demo-2');
    expect(items.some((i) => i.pk === scheduled.pk && i.sk === scheduled.sk)).toBe(true);

    const client = localClient(process.env.DYNAMODB_ENDPOINT!);
    const table = `linli-seed-${Date.now()}`;
    await ensureTable(client, table);
    const first = await seed(client, table);
    const again = await seed(client, table);
    expect(first.written).toBeGreaterThan(0);
    expect(again).toEqual({ written: 0, kept: first.written });
    client.destroy();
  });
});
