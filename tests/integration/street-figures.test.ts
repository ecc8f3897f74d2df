/**
 * 街道数据 against seeded activity: each figure is what the month's items say, other months and
 * other streets stay out, and a street operator reads only their own street.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ISSUANCE_ACCOUNT, merchantAccount } from '@linli/shared/domain/points/ledger';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { communityMetaItem } from '../../functions/src/onboarding/items';
import { index, key } from '../../functions/src/table';
import { councilIndex, councilKey } from '../../functions/src/council/items';
import { ledgerKey } from '../../functions/src/points/items';
import { agendaIndex, agendaKey } from '../../functions/src/agenda/items';
import { pointsKey } from '../../functions/src/points/items';
import { canteenIndex, canteenKey } from '../../functions/src/canteen/items';
import { TestApi } from '../helpers/api';
import { createCommunity, residentMember, type SignedIn } from '../helpers/fixtures';
import { freshId } from '../helpers/ids';
import { adminUser, appointOperator, createStreet } from '../helpers/onboarding-fixtures';

const api = new TestApi();
let admin: SignedIn;
beforeAll(async () => {
  await api.start();
  admin = await adminUser(api);
});
afterAll(() => api.stop());

const put = (Item: Record<string, unknown>) => documentClient.send(new PutCommand({ TableName: tableName, Item }));
const MONTH = '2026-10';

/** A community of the street with two verified members and a month of activity. */
async function busyCommunity(street: { id: string; name: string }, name: string) {
  const c = await createCommunity();
  const communityId = c.communityId;
  await put(
    communityMetaItem({
      id: communityId,
      name,
      city: '银川市',
      district: '金凤区',
      address: '测试路',
      streetId: street.id,
      streetName: street.name,
    }),
  );
  await residentMember(c);
  await residentMember(c, { buildingId: 'b2' });

  // Council: one session held in the month (3 booked, 2 checked in), one cancelled, one the month after.
  const session = (startsAt: string, status: string) => {
    const sessionId = freshId('ses');
    return {
      sessionId,
      item: {
        ...key.session(sessionId),
        type: 'Session',
        sessionId,
        communityId,
        startsAt,
        endsAt: startsAt.replace('T02', 'T04'),
        status,
        booked: 3,
        waiting: 0,
        gsi1pk: index.communitySessions(communityId),
        gsi1sk: councilIndex.byStart(startsAt, sessionId),
      },
    };
  };
  const held = session('2026-10-12T02:00:00.000Z', 'scheduled');
  await Promise.all([
    put(held.item),
    put(session('2026-10-15T02:00:00.000Z', 'cancelled').item),
    put(session('2026-11-02T02:00:00.000Z', 'scheduled').item),
    ...['attended', 'attended', 'booked', 'cancelled'].map((status, i) =>
      put({
        ...councilKey.booking(held.sessionId, `m${i}`),
        type: 'Booking',
        sessionId: held.sessionId,
        memberId: `m${i}`,
        status,
      }),
    ),
  ]);

  // Topics: two finished in the month (ratings 5+4 and 4+5+4 → 22/5 = 4.4), one waiting, one finished the month before.
  const topic = (status: string, statusAt: string, ratingSum = 0, ratingCount = 0) => {
    const topicId = freshId('t');
    return put({
      ...agendaKey.topic(topicId),
      type: 'Topic',
      topicId,
      communityId,
      status,
      statusAt,
      ratingSum,
      ratingCount,
      gsi1pk: agendaIndex.communityTopics(communityId, status),
      gsi1sk: agendaIndex.byStatusAt({ statusAt, topicId }),
    });
  };
  await Promise.all([
    topic('done', '2026-10-03T01:00:00.000Z', 9, 2),
    topic('done', '2026-10-30T15:00:00.000Z', 13, 3),
    topic('submitted', '2026-10-20T01:00:00.000Z'),
    topic('done', '2026-09-30T15:59:00.000Z', 5, 1),
  ]);

  // Canteen: two served orders (3 portions, 500 fen subsidy), one placed, one cancelled; one of November.
  const canteenId = 'ct1';
  await put({
    ...canteenKey.canteen(communityId, canteenId),
    canteenId,
    name: '长者食堂',
  });
  const order = (date: string, status: string, quantities: number[], subsidyFen: number) => {
    const orderId = freshId('o');
    return put({
      ...canteenKey.mealOrder(orderId),
      type: 'MealOrder',
      orderId,
      communityId,
      canteenId,
      date,
      status,
      lines: quantities.map((quantity) => ({ dishId: 'd', quantity })),
      subsidyFen,
      gsi1pk: canteenIndex.canteenOrders(communityId, canteenId),
      gsi1sk: canteenIndex.canteenOrderSort({
        date,
        meal: 'lunch',
        buildingId: 'b1',
        unitId: 'u1',
        room: '101',
        orderId,
      }),
    });
  };
  await Promise.all([
    order('2026-10-01', 'picked_up', [1, 1], 200),
    order('2026-10-31', 'received', [1], 300),
    order('2026-10-10', 'placed', [1], 100),
    order('2026-10-11', 'cancelled', [4], 300),
    order('2026-11-01', 'picked_up', [5], 300),
  ]);

  // Points: issued over two shards, one merchant's redemptions, volunteers' minutes.
  await put({ ...pointsKey.merchant(communityId, 'mch1'), type: 'Merchant', id: 'mch1', name: '老马理发店' });
  await Promise.all([
    put({ ...ledgerKey.month(communityId, ISSUANCE_ACCOUNT, MONTH, 0), month: MONTH, issued: 300 }),
    put({ ...ledgerKey.month(communityId, ISSUANCE_ACCOUNT, MONTH, 5), month: MONTH, issued: 150 }),
    put({ ...ledgerKey.month(communityId, ISSUANCE_ACCOUNT, '2026-09', 1), month: '2026-09', issued: 999 }),
    put({
      ...ledgerKey.month(communityId, merchantAccount('mch1'), MONTH),
      month: MONTH,
      redeemed: 100,
      redemptions: 1,
    }),
    put({
      ...pointsKey.volunteerStar(communityId, MONTH, 'v1'),
      userId: 'v1',
      name: '张伟',
      minutes: 90,
      showName: true,
    }),
    put({
      ...pointsKey.volunteerStar(communityId, MONTH, 'v2'),
      userId: 'v2',
      name: '李娜',
      minutes: 30,
      showName: true,
    }),
  ]);
  return communityId;
}

describe('street figures', () => {
  it("gives the street's operator each community's month, computed from the month's activity", async () => {
    const street = await createStreet(api, admin);
    const operator = await appointOperator(api, admin, street.id);
    const communityId = await busyCommunity(street, '安居苑社区');

    const res = await api.call<any>('GET', `/streets/${street.id}/figures?month=${MONTH}`, {
      token: operator.accessToken,
    });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      streetId: street.id,
      streetName: street.name,
      month: MONTH,
      communities: [
        {
          communityId,
          name: '安居苑社区',
          // Both members were verified today, after October: a month counts who was verified by its end.
          verifiedMembers: 0,
          sessionsHeld: 1,
          seatsBooked: 3,
          attended: 2,
          topicsByStatus: { done: 2, submitted: 1 },
          topicsDone: 2,
          averageRating: 4.4,
          mealsServed: 3,
          subsidyFen: 600,
          volunteerMinutes: 120,
          pointsIssued: 450,
          pointsRedeemed: 100,
        },
      ],
    });
    const now = await api.call<any>('GET', `/streets/${street.id}/figures`, { token: operator.accessToken });
    expect(now.body.communities[0].verifiedMembers).toBe(2);
  });

  it('keeps street B out of street A, and another street out of the list', async () => {
    const [streetA, streetB] = [await createStreet(api, admin), await createStreet(api, admin)];
    const operatorB = await appointOperator(api, admin, streetB.id);
    await busyCommunity(streetA, '安居苑社区');
    const theirs = await busyCommunity(streetB, '新华苑社区');

    const refused = await api.call<any>('GET', `/streets/${streetA.id}/figures?month=${MONTH}`, {
      token: operatorB.accessToken,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('OUT_OF_STREET');
    const own = await api.call<any>('GET', `/streets/${streetB.id}/figures?month=${MONTH}`, {
      token: operatorB.accessToken,
    });
    expect(own.body.communities.map((c: { communityId: string }) => c.communityId)).toEqual([theirs]);
  });

  it('answers a month without activity with zeros and refuses a malformed month', async () => {
    const street = await createStreet(api, admin);
    const operator = await appointOperator(api, admin, street.id);
    await busyCommunity(street, '安居苑社区');

    const quiet = await api.call<any>('GET', `/streets/${street.id}/figures?month=2026-08`, {
      token: operator.accessToken,
    });
    expect(quiet.body.communities[0]).toEqual(
      expect.objectContaining({ sessionsHeld: 0, topicsDone: 0, mealsServed: 0, pointsIssued: 0, volunteerMinutes: 0 }),
    );
    expect(quiet.body.communities[0].averageRating).toBeUndefined();
    const bad = await api.call<any>('GET', `/streets/${street.id}/figures?month=2026-13`, {
      token: operator.accessToken,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});
