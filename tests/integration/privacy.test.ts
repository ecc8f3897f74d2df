/**
 * Account deletion and a copy of one's data: what is ahead is cancelled (seats and portions return,
 * the waitlist promotes), nothing personal remains anywhere in the table, and the records that must
 * stay (ledger, attendance) keep an anonymous id with their invariants intact.
 */
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { volunteerItem } from '../../functions/src/points/items';
import { apiForThisFile } from '../helpers/api';
import { canteenSetup, menuPath, order, publish, type CanteenFixture } from '../helpers/canteen-fixtures';
import { idem, residentMember, userWithGrants } from '../helpers/fixtures';
import { tokenFor } from '../helpers/tokens';
import { scanWhere } from '../helpers/table-scan';
import { ledgerKey } from '../../functions/src/points/items';
import { volunteerAccount } from '@linli/shared/domain/points/ledger';
import { inMinutes } from '../helpers/clock';

const api = apiForThisFile();

/** Every item in the table that still holds one of the values (test-only Scan). */
async function itemsHolding(values: string[]) {
  const hits: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await documentClient.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
    for (const item of out.Items ?? []) {
      // Idempotency replays and outbox events expire by TTL within days; they are not records kept.
      if (/^(IDEMPOTENCY|OUTBOX)#/.test(String(item.pk))) continue;
      const text = JSON.stringify(item);
      if (values.some((v) => text.includes(v))) hits.push(item);
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return hits;
}

async function scenario() {
  const f: CanteenFixture = await canteenSetup(api);
  const { c } = f;
  const staff = await userWithGrants(api, [{ role: 'staff', communityId: c.communityId }], '刘晶');
  const name = `韩${Date.now().toString(36).slice(-3)}梅`;
  const me = await residentMember(c, { buildingId: 'b1', name });
  const other = await residentMember(c, { buildingId: 'b1' });
  // A council session with one seat: I hold it, a neighbour waits.
  const venue = await api.call<any>('POST', `/community/${c.communityId}/venues`, {
    token: staff.accessToken,
    headers: idem(),
    body: { name: '小议事室', place: '服务中心', capacity: 1 },
  });
  const session = await api.call<any>('POST', `/community/${c.communityId}/sessions`, {
    token: staff.accessToken,
    headers: idem(),
    body: {
      title: '加装电梯议事会',
      venueId: venue.body.venueId,
      startsAt: inMinutes(3 * 24 * 60),
      endsAt: inMinutes(3 * 24 * 60 + 90),
      audience: { kind: 'community' },
    },
  });
  const sessionId = session.body.sessionId as string;
  const book = (token: string) =>
    api.call<any>('POST', `/community/${c.communityId}/sessions/${sessionId}/bookings`, { token, headers: idem() });
  expect((await book(me.token)).body.status).toBe('booked');
  expect((await book(other.token)).body.status).toBe('waitlisted');
  // An unpicked lunch order for tomorrow.
  const menu = await publish(api, f, [{ name: '清蒸鱼', portions: 10 }]);
  const placed = await order(api, f, menu, me.token, { lines: [{ dishId: menu.dishes[0].dishId, quantity: 2 }] });
  expect(placed.status).toBe(201);
  // A topic, and points as a volunteer.
  const topic = await api.call<any>('POST', `/community/${c.communityId}/topics`, {
    token: me.token,
    headers: idem(),
    body: {
      title: `${name}反映楼道堆物`,
      description: '楼道堆了很多纸箱，有消防隐患。',
      category: '安全隐患',
      scope: 'community',
    },
  });
  expect(topic.status).toBe(201);
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: volunteerItem({
        userId: me.userId,
        communityId: c.communityId,
        name,
        showOnStarList: true,
        joinedAt: new Date().toISOString(),
      }),
    }),
  );
  const adjusted = await api.call<any>('POST', `/community/${c.communityId}/points/adjustments`, {
    token: staff.accessToken,
    headers: idem(),
    body: { userId: me.userId, points: 40, reason: `${name}协助搬运物资` },
  });
  expect(adjusted.status).toBe(201);
  return { f, c, staff, me, other, sessionId, menu, topicId: topic.body.topicId as string, name };
}

describe('deleting one’s account', () => {
  it('asks for the confirmation words and changes nothing without them', async () => {
    const { me } = await scenario();
    const res = await api.call<any>('POST', '/me/erase', { token: me.token, headers: idem(), body: { confirm: '是' } });
    expect(res.status).toBe(400);
    expect((await api.call<any>('GET', '/me', { token: me.token })).body.name).not.toBe('已注销用户');
  });

  it('cancels what is ahead, erases every trace of the person and keeps the invariants', async () => {
    const s = await scenario();
    const { c, f, me, other, sessionId, menu, name } = s;
    const stockBefore = (await api.call<any>('GET', menuPath(f, menu), { token: me.token })).body.menu.dishes[0].left;

    const res = await api.call<any>('POST', '/me/erase', {
      token: me.token,
      headers: idem(),
      body: { confirm: '确认注销' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ cancelledBookings: 1, cancelledOrders: 1, keptBookings: 0, keptOrders: 0 });

    // The seat went to the neighbour who waited; the portions are back on the menu.
    const attendees = await api.call<any>('GET', `/community/${c.communityId}/sessions/${sessionId}`, {
      token: s.staff.accessToken,
    });
    expect(attendees.body.session).toMatchObject({ seatsLeft: 0, waiting: 0 });
    const theirs = await api.call<any>('GET', '/me/bookings', { token: other.token });
    expect(theirs.body.bookings.find((b: any) => b.session.sessionId === sessionId).booking.status).toBe('booked');
    const stockAfter = (await api.call<any>('GET', menuPath(f, menu), { token: s.staff.accessToken })).body.menu
      .dishes[0].left;
    expect(stockAfter).toBe(stockBefore + 2);

    // Nothing personal remains: name (full or masked), phone, birth date, openid.
    const openid = `dev-${me.userId.toLowerCase()}`;
    const masked = `${name[0]}*${name.at(-1)}`;
    expect(await itemsHolding([name, masked, openid])).toEqual([]);

    // The ledger keeps the posting under the anonymous id, balanced, and the balance is unchanged.
    const postings = await scanWhere('begins_with(pk, :p) AND volunteerUserId = :u', {
      ':p': ledgerKey.posting(c.communityId, '').pk,
      ':u': me.userId,
    });
    expect(postings).toHaveLength(1);
    const posting = postings[0]!;
    expect(posting.volunteerName).toBe('已注销用户');
    expect(posting.entries.reduce((sum: number, e: { amount: number }) => sum + e.amount, 0)).toBe(0);
    const balance = await documentClient.send(
      new GetCommand({
        TableName: tableName,
        Key: ledgerKey.balance(c.communityId, volunteerAccount(me.userId)),
      }),
    );
    expect(balance.Item?.balance).toBe(40);

    // The topic stays, its author anonymous.
    const staffView = await api.call<any>('GET', `/community/${c.communityId}/topics/${s.topicId}`, {
      token: s.staff.accessToken,
    });
    expect(staffView.body.topic.authorName).toBe('已注销用户');
  });

  it('makes the refresh token useless', async () => {
    const person = await userWithGrants(api, [], '将注销');
    const erase = await api.call<any>('POST', '/me/erase', {
      token: person.accessToken,
      headers: idem(),
      body: { confirm: '确认注销' },
    });
    expect(erase.status).toBe(200);
    const refresh = await api.call<any>('POST', '/auth/refresh', { body: { refreshToken: person.refreshToken } });
    expect(refresh.body.error.code).toBe('REFRESH_TOKEN_INVALID');
    // Logging in again with the same WeChat makes a brand-new user.
    const again = await api.call<any>('POST', '/auth/wechat', { body: { code: person.code } });
    expect(again.body.userId).not.toBe(person.userId);
  });

  it('lets staff erase a member without WeChat, and only in their own community', async () => {
    const { c, staff } = await scenario();
    const elder = await residentMember(c, { buildingId: 'b2', name: '孙秀兰' });
    const outsider = await tokenFor({ userId: 'u-x', name: '别处', grants: [{ role: 'staff', communityId: 'other' }] });
    const path = `/community/${c.communityId}/members/${elder.memberId}/erase`;
    expect(
      (await api.call<any>('POST', path, { token: outsider, headers: idem(), body: { confirm: '确认注销' } })).status,
    ).toBe(403);
    const res = await api.call<any>('POST', path, {
      token: staff.accessToken,
      headers: idem(),
      body: { confirm: '确认注销' },
    });
    expect(res.status).toBe(200);
    const members = await api.call<any>('GET', `/community/${c.communityId}/members`, { token: staff.accessToken });
    expect(JSON.stringify(members.body)).not.toContain('孙秀兰');
    const again = await api.call<any>('POST', path, {
      token: staff.accessToken,
      headers: idem(),
      body: { confirm: '确认注销' },
    });
    expect(again.body.error.code).toBe('MEMBER_NOT_FOUND');
  });
});

describe('a copy of one’s data', () => {
  it('gives the resident their profile, bookings, orders, topics and points as one file, without table keys', async () => {
    const { me, name, sessionId } = await scenario();
    const res = await api.call<any>('GET', '/me/data', { token: me.token });
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('linli-data-copy/1');
    const { sections } = res.body;
    expect(sections.Member[0]).toMatchObject({ realName: name, birthDate: '1950-01-01' });
    expect(sections.Booking[0]).toMatchObject({ sessionId, status: 'booked' });
    expect(sections.MealOrder).toHaveLength(1);
    expect(sections.Topic[0].title).toContain(name);
    expect(JSON.stringify(res.body)).not.toMatch(/"(pk|sk|gsi1pk|tokenVersion)"/);
  });
});
