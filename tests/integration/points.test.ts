/**
 * Volunteer points end to end through the API: joining, activities with QR check-in/out, hours
 * confirmation, deliveries from the stream, merchants, redemption, adjustments, reversals, figures.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { volunteerAccount } from '@linli/shared/domain/points/ledger';
import { notifications } from '../../functions/src/notify/subscription';
import { outboxConsumer } from '../../functions/src/platform/outbox-consumer';
import { handler as pointsStream } from '../../functions/src/points/stream-lambda';
import { documentClient, dynamoClient, tableName } from '../../functions/src/platform/dynamo';
import { outboxPut } from '../../functions/src/platform/outbox';
import { activityCode } from '../../functions/src/points/codes';
import { accountEntries } from '../../functions/src/points/repository';
import { creditDelivery } from '../../functions/src/points';
import { key } from '../../functions/src/table';
import { apiForThisFile } from '../helpers/api';
import { residentMember, userWithGrants } from '../helpers/fixtures';
import { freshId } from '../helpers/ids';
import {
  adjust,
  createCommunity,
  createMerchant,
  idem,
  operatorOf,
  staffOf,
  volunteerOf,
  merchantAndFundedVolunteer,
  volunteerBalance,
  type Person,
} from '../helpers/points-fixtures';
import type { CommunityFixture } from '../helpers/fixtures';
import { marshall } from '@aws-sdk/util-dynamodb';
import { platformKey } from '../../functions/src/platform/table-items';
import { inMinutes } from '../helpers/clock';

const api = apiForThisFile();

const confirmed = (c: CommunityFixture, v: Person, orderId: string, eventId: string) =>
  outboxPut(
    {
      type: 'canteen.delivery_confirmed',
      communityId: c.communityId,
      orderId,
      volunteerUserId: v.userId,
      confirmedAt: new Date().toISOString(),
    },
    new Date(),
    eventId,
  );

/** The stream record Lambda would receive for an outbox item already in the table. */
async function streamRecord(eventId: string) {
  const stored = await dynamoClient.send(
    new GetItemCommand({ TableName: tableName, Key: marshall(platformKey.outbox(eventId)) }),
  );
  return {
    eventName: 'INSERT',
    dynamodb: { Keys: { pk: stored.Item!.pk, sk: stored.Item!.sk }, NewImage: stored.Item, SequenceNumber: '1' },
  };
}

async function publish(c: CommunityFixture, staff: Person, over: Record<string, unknown> = {}) {
  const res = await api.call<any>('POST', `/community/${c.communityId}/activities`, {
    token: staff.token,
    headers: idem(),
    body: {
      title: '敲门探访独居老人',
      place: '社区服务中心',
      startsAt: inMinutes(-30),
      endsAt: inMinutes(120),
      slots: 5,
      award: { kind: 'perHour', pointsPerHour: 20 },
      ...over,
    },
  });
  expect(res.status).toBe(201);
  return res.body.activityId as string;
}

const code = async (c: CommunityFixture, staff: Person, activityId: string, action: 'in' | 'out') =>
  (
    await api.call<any>('GET', `/community/${c.communityId}/activities/${activityId}/code?action=${action}`, {
      token: staff.token,
    })
  ).body.code as string;

const scan = (c: CommunityFixture, v: Person, text: string) =>
  api.call<any>('POST', `/community/${c.communityId}/activity-scans`, {
    token: v.token,
    headers: idem(),
    body: { code: text },
  });

describe('joining as a volunteer', () => {
  it('makes a verified resident a volunteer at once, with the grant on the profile, and only once', async () => {
    const c = await createCommunity();
    const resident = await residentMember(c, { name: '王桂芳' });
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...key.user(resident.userId), userId: resident.userId, name: '王桂芳', grants: [], tokenVersion: 1 },
      }),
    );
    const path = `/community/${c.communityId}/volunteers`;

    const first = await api.call<any>('POST', path, {
      token: resident.token,
      headers: idem(),
      body: { showOnStarList: false },
    });
    const again = await api.call<any>('POST', path, {
      token: resident.token,
      headers: idem(),
      body: { showOnStarList: true },
    });

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ userId: resident.userId, showOnStarList: false, balance: 0 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_VOLUNTEER');
    const me = await api.call<any>('GET', '/me', { token: resident.token });
    expect(me.body.grants).toContainEqual({ role: 'volunteer', communityId: c.communityId });
  });
});

describe('activities, check-in/out and hours', () => {
  it('credits points only after staff confirm the hours, and adjusted hours need a reason', async () => {
    const c = await createCommunity();
    const staff = await staffOf(c);
    const v = await volunteerOf(c);
    const activityId = await publish(c, staff);
    const signup = await api.call<any>('POST', `/community/${c.communityId}/activities/${activityId}/signups`, {
      token: v.token,
      headers: idem(),
    });
    expect(signup.status).toBe(201);

    const outFirst = await scan(c, v, await code(c, staff, activityId, 'out'));
    expect(outFirst.status).toBe(422);
    expect(outFirst.body.error.code).toBe('CHECKOUT_BEFORE_CHECKIN');

    expect((await scan(c, v, await code(c, staff, activityId, 'in'))).body.signup.status).toBe('checked_in');
    const inAgain = await scan(c, v, await code(c, staff, activityId, 'in'));
    expect(inAgain.body.error.code).toBe('ACTIVITY_ALREADY_CHECKED_IN');
    const out = await scan(c, v, await code(c, staff, activityId, 'out'));
    expect(out.body.signup).toMatchObject({ status: 'checked_out', measuredMinutes: 0 });

    const queue = await api.call<any>('GET', `/community/${c.communityId}/pending-hours`, { token: staff.token });
    expect(queue.body.items.map((i: any) => i.signup.userId)).toEqual([v.userId]);
    expect(await volunteerBalance(c, v.userId)).toBe(0);

    const confirmPath = `/community/${c.communityId}/activities/${activityId}/signups/${v.userId}/confirm`;
    const noReason = await api.call<any>('POST', confirmPath, {
      token: staff.token,
      headers: idem(),
      body: { minutes: 90 },
    });
    expect(noReason.body.error.code).toBe('ADJUSTMENT_REASON_REQUIRED');

    const confirmed = await api.call<any>('POST', confirmPath, {
      token: staff.token,
      headers: idem(),
      body: { minutes: 90, reason: '忘记签退，按实际 90 分钟' },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedMinutes: 90, points: 30 });
    const twice = await api.call<any>('POST', confirmPath, { token: staff.token, headers: idem(), body: {} });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('HOURS_ALREADY_CONFIRMED');

    const mine = await api.call<any>('GET', `/community/${c.communityId}/points/me`, { token: v.token });
    expect(mine.body.balance).toBe(30);
    expect(mine.body.entries[0]).toMatchObject({ kind: 'hours', amount: 30 });
    expect(mine.body.entries[0].reason).toContain('敲门探访独居老人');
    const queueAfter = await api.call<any>('GET', `/community/${c.communityId}/pending-hours`, { token: staff.token });
    expect(queueAfter.body.items).toEqual([]);

    const stars = await api.call<any>('GET', `/community/${c.communityId}/volunteer-stars`, { token: v.token });
    expect(stars.body.stars).toEqual([{ rank: 1, name: '张伟', minutes: 90 }]);
  });

  it('refuses forged, expired and other-community codes and a full activity', async () => {
    const c = await createCommunity();
    const staff = await staffOf(c);
    const [v1, v2] = [await volunteerOf(c), await volunteerOf(c, '李娜', false)];
    const activityId = await publish(c, staff, { slots: 1 });
    const signUp = (v: Person) =>
      api.call<any>('POST', `/community/${c.communityId}/activities/${activityId}/signups`, {
        token: v.token,
        headers: idem(),
      });
    const [a, b] = await Promise.all([signUp(v1), signUp(v2)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const signedUp = a.status === 201 ? v1 : v2;

    const genuine = await code(c, staff, activityId, 'in');
    const forged = genuine.slice(0, -3) + (genuine.endsWith('AAA') ? 'BBB' : 'AAA');
    const old = await activityCode(c.communityId, activityId, 'in', new Date(Date.now() - 10 * 60_000));
    const elsewhere = await activityCode('another-community', activityId, 'in', new Date());

    const answers = await Promise.all([forged, old.code, elsewhere.code].map((x) => scan(c, signedUp, x)));

    expect(answers.map((r) => r.body.error.code)).toEqual([
      'ACTIVITY_CODE_INVALID',
      'ACTIVITY_CODE_EXPIRED',
      'ACTIVITY_CODE_INVALID',
    ]);
  });
});

describe('canteen deliveries from the stream', () => {
  it('credits the delivering volunteer once, even when the event is processed twice', async () => {
    const c = await createCommunity();
    const v = await volunteerOf(c);
    const orderId = freshId('order');
    const eventId = freshId('evt').toUpperCase();
    // Exactly what the canteen writes in the transaction that confirms the delivery.
    await documentClient.send(new TransactWriteCommand({ TransactItems: [confirmed(c, v, orderId, eventId)] }));
    const record = await streamRecord(eventId);

    const first = await pointsStream({ Records: [record, record] } as unknown as DynamoDBStreamEvent);
    const second = await pointsStream({ Records: [record] } as unknown as DynamoDBStreamEvent);

    expect(first.batchItemFailures).toEqual([]);
    expect(second.batchItemFailures).toEqual([]);
    expect(await volunteerBalance(c, v.userId)).toBe(10);
    const entries = await accountEntries(c.communityId, volunteerAccount(v.userId));
    expect(entries.map((e) => [e.kind, e.amount, e.postingKey])).toEqual([['delivery', 10, `delivery#${orderId}`]]);
  });

  it('credits the volunteer while the notifier fails on the same batch: each subscriber retries on its own', async () => {
    const c = await createCommunity();
    const v = await volunteerOf(c);
    const orderId = freshId('order');
    const eventId = freshId('evt').toUpperCase();
    await documentClient.send(new TransactWriteCommand({ TransactItems: [confirmed(c, v, orderId, eventId)] }));
    const record = await streamRecord(eventId);
    const notifierDown = outboxConsumer(notifications, async () => {
      throw new Error('WeChat is down');
    });

    const notified = await notifierDown({ Records: [record] } as unknown as DynamoDBStreamEvent);
    const credited = await pointsStream({ Records: [record] } as unknown as DynamoDBStreamEvent);

    expect(notified.batchItemFailures).toEqual([{ itemIdentifier: '1' }]);
    expect(credited.batchItemFailures).toEqual([]);
    expect(await volunteerBalance(c, v.userId)).toBe(10);
  });

  it('credits the number of points the community configured', async () => {
    const c = await createCommunity();
    const staff = await staffOf(c);
    const v = await volunteerOf(c);
    const set = await api.call<any>('PUT', `/community/${c.communityId}/points/settings`, {
      token: staff.token,
      headers: idem(),
      body: { pointsPerDelivery: 15 },
    });
    expect(set.body).toEqual({ pointsPerDelivery: 15 });

    const outcome = await creditDelivery({
      type: 'canteen.delivery_confirmed',
      communityId: c.communityId,
      orderId: freshId('order'),
      volunteerUserId: v.userId,
      confirmedAt: new Date().toISOString(),
    });

    expect(outcome).toBe('posted');
    expect(await volunteerBalance(c, v.userId)).toBe(15);
  });
});

describe('merchants and redemption', () => {
  it('binds an operator with the invite code once; the refreshed token carries the merchant grant', async () => {
    const c = await createCommunity();
    const staff = await staffOf(c);
    const m = await createMerchant(api, c, staff);
    const operator = await userWithGrants(api, [], '马师傅');
    const other = await userWithGrants(api, [], '路人');

    const bound = await api.call<any>('POST', '/merchant-bindings', {
      token: operator.accessToken,
      headers: idem(),
      body: { inviteCode: m.inviteCode.toLowerCase() },
    });
    const reused = await api.call<any>('POST', '/merchant-bindings', {
      token: other.accessToken,
      headers: idem(),
      body: { inviteCode: m.inviteCode },
    });
    const refreshed = await api.call<any>('POST', '/auth/refresh', { body: { refreshToken: operator.refreshToken } });
    const me = await api.call<any>('GET', '/me', { token: refreshed.body.accessToken });

    expect(bound.status).toBe(200);
    expect(bound.body).toEqual({ communityId: c.communityId, merchantId: m.merchantId, merchantName: '老马理发店' });
    expect(reused.body.error.code).toBe('INVITE_CODE_USED');
    expect(me.body.grants).toContainEqual({ role: 'merchant', communityId: c.communityId, merchantId: m.merchantId });
  });

  it('redeems a code once: masked name and receipt for both sides, statement and figures follow', async () => {
    const { c, staff, v, m, operator } = await merchantAndFundedVolunteer(api);

    const issued = await api.call<any>('POST', `/community/${c.communityId}/redemption-codes`, {
      token: v.token,
      body: { merchantId: m.merchantId, offerId: 'discount', orderFen: 2000 },
    });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ points: 100, deductionFen: 1000, merchantName: '老马理发店' });
    const preview = await api.call<any>('POST', `/community/${c.communityId}/merchant/redemption-preview`, {
      token: operator.token,
      body: { code: issued.body.code },
    });
    expect(preview.body).toMatchObject({ maskedName: '张*', offerTitle: '10 积分抵 1 元', points: 100 });
    const pending = await api.call<any>('GET', `/community/${c.communityId}/redemption-codes/${issued.body.codeId}`, {
      token: v.token,
    });
    expect(pending.body).toEqual({ status: 'pending' });

    const receipt = await api.call<any>('POST', `/community/${c.communityId}/merchant/redemptions`, {
      token: operator.token,
      headers: idem(),
      body: { code: issued.body.code },
    });
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({ maskedName: '张*', points: 100, deductionFen: 1000 });
    const seen = await api.call<any>('GET', `/community/${c.communityId}/redemption-codes/${issued.body.codeId}`, {
      token: v.token,
    });
    expect(seen.body).toMatchObject({ status: 'redeemed', receipt: { postingId: receipt.body.postingId } });
    expect(await volunteerBalance(c, v.userId)).toBe(0);

    const statement = await api.call<any>('GET', `/community/${c.communityId}/merchant/redemptions`, {
      token: operator.token,
    });
    expect(statement.body.statement).toMatchObject({ count: 1, points: 100, deductionFen: 1000 });
    expect(statement.body.redemptions).toHaveLength(1);
    const report = await api.call<any>('GET', `/community/${c.communityId}/points/report?months=2`, {
      token: staff.token,
    });
    const thisMonth = report.body.months.at(-1);
    expect(thisMonth).toMatchObject({ issued: 100, redeemed: 100, outstanding: 0 });
    expect(thisMonth.byMerchant).toContainEqual({
      merchantId: m.merchantId,
      name: '老马理发店',
      redeemed: 100,
      count: 1,
    });
  });

  it('refuses an offer outside its dates and a redemption past the monthly cap, writing nothing', async () => {
    const c = await createCommunity();
    const staff = await staffOf(c);
    const v = await volunteerOf(c);
    const later = await createMerchant(api, c, staff, { activeFrom: '2099-01-01' }, '未开业');
    const capped = await createMerchant(api, c, staff, { monthlyCap: 50 });
    const operator = await operatorOf(c, capped.merchantId);
    expect((await adjust(api, c, staff, v.userId, 100)).status).toBe(201);
    const newCode = (merchantId: string) =>
      api.call<any>('POST', `/community/${c.communityId}/redemption-codes`, {
        token: v.token,
        body: { merchantId, offerId: 'haircut' },
      });

    const notYet = await newCode(later.merchantId);
    const first = await newCode(capped.merchantId);
    const second = await newCode(capped.merchantId);
    const ok = await api.call<any>('POST', `/community/${c.communityId}/merchant/redemptions`, {
      token: operator.token,
      headers: idem(),
      body: { code: first.body.code },
    });
    const over = await api.call<any>('POST', `/community/${c.communityId}/merchant/redemptions`, {
      token: operator.token,
      headers: idem(),
      body: { code: second.body.code },
    });

    expect(notYet.body.error.code).toBe('OFFER_NOT_ACTIVE');
    expect(ok.status).toBe(201);
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('MERCHANT_MONTHLY_CAP');
    expect(await volunteerBalance(c, v.userId)).toBe(70);
  });

  it('lets staff change a merchant’s agreement, which residents then see, and refuses an unknown merchant', async () => {
    const c = await createCommunity();
    const staff = await staffOf(c);
    const v = await volunteerOf(c);
    const m = await createMerchant(api, c, staff);
    const agreement = {
      offers: [{ offerId: 'wash', kind: 'fixed', title: '洗剪吹一次', points: 40 }],
      activeFrom: '2020-01-01',
      monthlyCap: 800,
    };
    const path = (merchantId: string) => `/community/${c.communityId}/points-merchants/${merchantId}/agreement`;

    const updated = await api.call<any>('PUT', path(m.merchantId), {
      token: staff.token,
      headers: idem(),
      body: agreement,
    });
    const unknown = await api.call<any>('PUT', path('01J0000000000000000000NONE'), {
      token: staff.token,
      headers: idem(),
      body: agreement,
    });
    const listed = await api.call<any>('GET', `/community/${c.communityId}/points-merchants`, { token: v.token });

    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ merchantId: m.merchantId, active: true, agreement });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('MERCHANT_NOT_FOUND');
    expect(listed.body.merchants.find((x: any) => x.merchantId === m.merchantId).agreement).toMatchObject(agreement);
  });
});

describe('adjustments and reversals', () => {
  it('reverses a posting with a compensating one, once, and lists both in the audit', async () => {
    const c = await createCommunity();
    const staff = await staffOf(c);
    const v = await volunteerOf(c);
    const added = await adjust(api, c, staff, v.userId, 40);
    const path = `/community/${c.communityId}/points/postings/${added.body.postingId}/reverse`;

    const reversed = await api.call<any>('POST', path, {
      token: staff.token,
      headers: idem(),
      body: { reason: '录入错误' },
    });
    const again = await api.call<any>('POST', path, {
      token: staff.token,
      headers: idem(),
      body: { reason: '再次冲正' },
    });
    const ofReversal = await api.call<any>(
      'POST',
      `/community/${c.communityId}/points/postings/${reversed.body.postingId}/reverse`,
      { token: staff.token, headers: idem(), body: { reason: '冲正的冲正' } },
    );
    const tooMuch = await adjust(api, c, staff, v.userId, -1);

    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({ kind: 'reversal', amount: -40, reverses: added.body.postingId });
    expect(again.body.error.code).toBe('ALREADY_REVERSED');
    expect(ofReversal.body.error.code).toBe('POSTING_NOT_REVERSIBLE');
    expect(tooMuch.body.error.code).toBe('POINTS_INSUFFICIENT');
    expect(await volunteerBalance(c, v.userId)).toBe(0);
    const audit = await api.call<any>('GET', `/community/${c.communityId}/points/adjustments`, { token: staff.token });
    expect(audit.body.lines.map((l: any) => [l.kind, l.amount, l.reason, l.byName])).toEqual([
      ['reversal', -40, '录入错误', '刘晶'],
      ['adjust', 40, '测试调整', '刘晶'],
    ]);
    const history = await api.call<any>('GET', `/community/${c.communityId}/volunteers/${v.userId}/points`, {
      token: staff.token,
    });
    expect(history.body.entries.find((e: any) => e.kind === 'adjust').reversed).toBe(true);
  });
});

describe('the staff figures', () => {
  it('report what volunteers hold now as the sum of their balances, not a sum of month-end balances', async () => {
    const c = await createCommunity();
    const staff = await staffOf(c);
    const [a, b] = [await volunteerOf(c, '张伟'), await volunteerOf(c, '李娜')];
    const m = await createMerchant(api, c, staff);
    const operator = await operatorOf(c, m.merchantId);
    expect((await adjust(api, c, staff, a.userId, 100)).status).toBe(201);
    expect((await adjust(api, c, staff, b.userId, 50)).status).toBe(201);
    const issued = await api.call<any>('POST', `/community/${c.communityId}/redemption-codes`, {
      token: a.token,
      body: { merchantId: m.merchantId, offerId: 'haircut' },
    });
    const redeemed = await api.call<any>('POST', `/community/${c.communityId}/merchant/redemptions`, {
      token: operator.token,
      headers: idem(),
      body: { code: issued.body.code },
    });
    expect(redeemed.status).toBe(201);

    const report = await api.call<any>('GET', `/community/${c.communityId}/points/report?months=6`, {
      token: staff.token,
    });

    expect(report.status).toBe(200);
    expect(report.body.outstanding).toBe(120);
    expect(report.body.outstanding).toBe((await volunteerBalance(c, a.userId)) + (await volunteerBalance(c, b.userId)));
    expect(report.body.months.at(-1).outstanding).toBe(120);
  });
});
