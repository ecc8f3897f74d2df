/**
 * Delivery through the table's stream, on its own DynamoDB Local so the stream holds only this
 * file's events and its timing does not depend on what the other files write at the same moment
 * (DynamoDB Local serves every table's stream from one process, and slows under thousands of
 * records written elsewhere): the same poller the local stack runs hands records to the same
 * notifier Lambda runs.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type * as LibDynamo from '@aws-sdk/lib-dynamodb';
import type * as NotifyRepo from '../../functions/src/notify/repository';
import type * as StreamLambda from '../../functions/src/notify/stream-lambda';
import type * as Sender from '../../functions/src/notify/wechat-sender';
import type * as Dynamo from '../../functions/src/platform/dynamo';
import type * as Outbox from '../../functions/src/platform/outbox';
import type * as Table from '../../functions/src/table';
import { councilIndex, councilKey } from '../../functions/src/council/items';
import type * as Poller from '../../scripts/lib/stream-poller';
import type { StreamPoller } from '../../scripts/lib/stream-poller';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../scripts/lib/dynamodb-local';
import { ensureTable, localClient } from '../../scripts/lib/table-setup';
import { notifyKey } from '../../functions/src/notify/items';

const originalTable = process.env.TABLE_NAME;
const originalEndpoint = process.env.DYNAMODB_ENDPOINT;
const notifyTable = `linli-notify-${randomBytes(4).toString('hex')}`;
let client: DynamoDBClient;
let db: RunningDynamoDb;

// Types only: the modules themselves load in beforeAll, after TABLE_NAME points at this file's table.
type Modules = {
  doc: typeof LibDynamo;
  outbox: typeof Outbox;
  dynamo: typeof Dynamo;
  notifyRepo: typeof NotifyRepo;
  stream: typeof StreamLambda;
  sender: typeof Sender;
  poller: typeof Poller;
  table: typeof Table;
};
let m: Modules;

beforeAll(async () => {
  db = await startDynamoDbLocal();
  process.env.DYNAMODB_ENDPOINT = db.endpoint;
  process.env.TABLE_NAME = notifyTable;
  client = localClient(db.endpoint);
  await ensureTable(client, notifyTable);
  m = {
    doc: await import('@aws-sdk/lib-dynamodb'),
    outbox: await import('../../functions/src/platform/outbox'),
    dynamo: await import('../../functions/src/platform/dynamo'),
    notifyRepo: await import('../../functions/src/notify/repository'),
    stream: await import('../../functions/src/notify/stream-lambda'),
    sender: await import('../../functions/src/notify/wechat-sender'),
    poller: await import('../../scripts/lib/stream-poller'),
    table: await import('../../functions/src/table'),
  };
});

afterAll(async () => {
  client.destroy();
  await db.stop();
  process.env.TABLE_NAME = originalTable;
  process.env.DYNAMODB_ENDPOINT = originalEndpoint;
});

const startPoller = () =>
  m.poller.startStreamPoller({
    endpoint: db.endpoint,
    tableName: notifyTable,
    handler: m.stream.handler,
    intervalMs: 50,
  });

/** Writes events the way domain code does: each outbox item inside a TransactWriteItems. */
async function writeEvents(events: Parameters<typeof m.outbox.outboxPut>[0][], writers: number): Promise<void> {
  const queue = [...events];
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let e = queue.shift(); e; e = queue.shift()) {
        await m.dynamo.documentClient.send(new m.doc.TransactWriteCommand({ TransactItems: [m.outbox.outboxPut(e)] }));
      }
    }),
  );
}

async function countMessages(userIds: string[]): Promise<number> {
  let total = 0;
  for (const userId of userIds) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await m.dynamo.documentClient.send(
        new m.doc.QueryCommand({
          TableName: notifyTable,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :msg)',
          ExpressionAttributeValues: { ':pk': m.table.key.user(userId).pk, ':msg': notifyKey.messagePrefix },
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
        }),
      );
      total += out.Count ?? 0;
      startKey = out.LastEvaluatedKey;
    } while (startKey);
  }
  return total;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits long enough for a message that should not come (a duplicate, a retry) to show up. */
const letExtrasArrive = (ms = 300) => new Promise((r) => setTimeout(r, ms));

/** Runs `steps` while a stream poller delivers, and stops the poller whatever happens. */
async function whilePolling(steps: () => Promise<void>): Promise<void> {
  const poller = await startPoller();
  try {
    await steps();
  } finally {
    await poller.stop();
  }
}

describe('the notifier reading the stream', () => {
  it('turns 1,000 events from concurrent writers into exactly 1,000 messages, though killed and restarted mid-run', async () => {
    const users = Array.from({ length: 20 }, (_, i) => `load-${randomBytes(3).toString('hex')}-${i}`);
    const events = Array.from({ length: 1000 }, (_, i) => ({
      type: 'notify.message' as const,
      communityId: 'load',
      userId: users[i % users.length]!,
      title: `通知 ${i}`,
      body: '压力测试',
    }));

    let poller: StreamPoller = await startPoller();
    const writing = writeEvents(events, 10);
    await waitFor(async () => poller.delivered() >= 150);
    await poller.stop(); // killed mid-run: it kept no checkpoint
    await writing;
    poller = await startPoller(); // restarted from the start of the stream: every record comes again
    try {
      await waitFor(async () => (await countMessages(users)) >= 1000);
      await new Promise((r) => setTimeout(r, 1000)); // give duplicates, if any, a chance to appear
      expect(await countMessages(users)).toBe(1000);
      const unread = await Promise.all(users.map((u) => m.notifyRepo.unreadCount(u)));
      expect(unread.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(unread.every((n) => n === 50)).toBe(true);
    } finally {
      await poller.stop();
    }
  });
});

describe('the day-before reminder', () => {
  it('reminds seat holders of tomorrow’s session once, however often the job runs, and not the waitlist', async () => {
    const { tomorrowInShanghai, writeReminders } = await import('../../functions/src/notify/reminders');
    const now = new Date();
    const { from } = tomorrowInShanghai(now);
    const startsAt = new Date(Date.parse(from) + 9.5 * 3600_000).toISOString(); // 09:30 tomorrow
    const communityId = `remind-${randomBytes(3).toString('hex')}`;
    const sessionId = `s-${randomBytes(4).toString('hex')}`;
    const seated = `u-seat-${randomBytes(3).toString('hex')}`;
    const waiting = `u-wait-${randomBytes(3).toString('hex')}`;
    const put = (Item: Record<string, unknown>) =>
      m.dynamo.documentClient.send(new m.doc.PutCommand({ TableName: notifyTable, Item }));
    await put({
      ...m.table.key.community(communityId),
      id: communityId,
      gsi2pk: m.table.index.communities(),
      gsi2sk: communityId,
    });
    await put({
      ...m.table.key.session(sessionId),
      sessionId,
      communityId,
      title: '加装电梯意见征集',
      venueName: '红色议事厅',
      venuePlace: '社区服务中心二楼',
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 3600_000).toISOString(),
      status: 'scheduled',
      gsi1pk: m.table.index.communitySessions(communityId),
      gsi1sk: councilIndex.byStart(startsAt, sessionId),
    });
    for (const [userId, status] of [
      [seated, 'booked'],
      [waiting, 'waitlisted'],
    ] as const) {
      const memberId = `m-${userId}`;
      await put({ ...m.table.key.member(memberId), memberId, userId, realName: '居民' });
      await put({ ...councilKey.booking(sessionId, memberId), memberId, sessionId, status, bookedByUserId: userId });
    }

    expect(await writeReminders(now)).toBe(1);
    expect(await writeReminders(now)).toBe(0);
    await whilePolling(async () => {
      await waitFor(async () => (await countMessages([seated])) === 1);
      await letExtrasArrive();
      expect(await countMessages([seated])).toBe(1);
      expect(await countMessages([waiting])).toBe(0);
      const [message] = await m.notifyRepo.listMessages(seated);
      expect(message).toMatchObject({ title: '议事会明天召开' });
      expect(message!.body).toContain('红色议事厅');
    });
  });
});

describe('WeChat subscribe messages', () => {
  let wechat: Server;
  let sends: { touser: string; template_id: string; data: Record<string, { value: string }> }[];
  let answer: number;

  beforeAll(async () => {
    sends = [];
    wechat = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.url?.startsWith('/cgi-bin/stable_token')) {
          res.end(JSON.stringify({ access_token: 'token-1', expires_in: 7200 }));
          return;
        }
        sends.push(JSON.parse(body));
        res.end(JSON.stringify({ errcode: answer, errmsg: answer === 0 ? 'ok' : 'refused' }));
      });
    });
    await new Promise<void>((r) => wechat.listen(0, '127.0.0.1', () => r()));
    m.stream.setNotifierDeps({
      sender: m.sender.wechatSubscribeSender({
        appId: 'wx-test',
        appSecret: 'secret',
        baseUrl: `http://127.0.0.1:${(wechat.address() as AddressInfo).port}`,
      }),
      templateIds: { seat: 'TPL_SEAT', topic: 'TPL_TOPIC', council: 'TPL_COUNCIL' },
    });
  });
  afterAll(() => new Promise<void>((r) => wechat.close(() => r())));

  async function userWithOpenid(): Promise<string> {
    const userId = `wx-${randomBytes(4).toString('hex')}`;
    await m.dynamo.documentClient.send(
      new m.doc.PutCommand({
        TableName: notifyTable,
        Item: {
          ...m.table.key.user(userId),
          userId,
          openid: `openid-${userId}`,
          name: '王桂芳',
          grants: [],
          tokenVersion: 1,
        },
      }),
    );
    return userId;
  }

  /** A user with an openid and one 'topic' consent, while WeChat answers `errcode`. */
  async function consentingUser(errcode: number): Promise<string> {
    answer = errcode;
    const userId = await userWithOpenid();
    await m.notifyRepo.addConsent(userId, 'topic');
    return userId;
  }

  /** What the fake WeChat received for `userId` since it had received `since` messages in all. */
  const sentTo = (userId: string, since: number) => sends.slice(since).filter((s) => s.touser === `openid-${userId}`);

  const decided = (userId: string) => ({
    type: 'identity.application_decided' as const,
    communityId: 'wx-community',
    userId,
    approved: true,
  });

  it('sends one subscribe message per consent, and only the in-app message without one', async () => {
    const userId = await consentingUser(0);
    const before = sends.length;
    await whilePolling(async () => {
      await writeEvents([decided(userId), decided(userId)], 1);
      await waitFor(async () => (await countMessages([userId])) === 2);
      await letExtrasArrive();
      const mine = sentTo(userId, before);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ template_id: 'TPL_TOPIC', data: { phrase2: { value: '已通过' } } });
      expect(await m.notifyRepo.remainingConsent(userId, 'topic')).toBe(0);
    });
  });

  it('records a refusal from WeChat and does not retry it', async () => {
    const userId = await consentingUser(43101);
    const before = sends.length;
    await whilePolling(async () => {
      await writeEvents([decided(userId)], 1);
      await waitFor(async () => (await countMessages([userId])) === 1);
      await letExtrasArrive();
      expect(sentTo(userId, before)).toHaveLength(1);
      const stats = await m.notifyRepo.deliveriesOfDay('wx-community', m.notifyRepo.dayOf(new Date().toISOString()));
      expect(stats).toEqual(expect.arrayContaining([{ channel: 'wechat', status: 'refused' }]));
      expect(await m.notifyRepo.remainingConsent(userId, 'topic')).toBe(0);
    });
  });

  it('keeps the consent for the next message when WeChat fails to send (not a refusal)', async () => {
    const userId = await consentingUser(40037); // invalid template id: our configuration, not the person's choice
    const before = sends.length;
    await whilePolling(async () => {
      await writeEvents([decided(userId)], 1);
      await waitFor(async () => (await countMessages([userId])) === 1);
      await waitFor(async () => sentTo(userId, before).length > 0);
      await waitFor(async () => (await m.notifyRepo.remainingConsent(userId, 'topic')) === 1);
      const stats = await m.notifyRepo.deliveriesOfDay('wx-community', m.notifyRepo.dayOf(new Date().toISOString()));
      expect(stats).toEqual(expect.arrayContaining([{ channel: 'wechat', status: 'failed' }]));

      // Once the template is fixed, the next message goes out on that same consent.
      answer = 0;
      await writeEvents([decided(userId)], 1);
      await waitFor(async () => sentTo(userId, before).length === 2);
      await waitFor(async () => (await m.notifyRepo.remainingConsent(userId, 'topic')) === 0);
    });
  });
});
