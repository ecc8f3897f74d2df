/**
 * A retry after a crash tells the truth. DynamoDB Local runs on disk; in the middle of a burst
 * of concurrent bookings and canteen orders it is killed (SIGKILL, no goodbye; see crash()), restarted on
 * the same files, and every request that did not get a 2xx is retried with its own
 * Idempotency-Key until it settles. Every client's final answer must then agree with what the
 * table holds: the booking or order it was told about exists (the same id, the same status),
 * and a client told "sold out" has no order.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startDynamoDbLocal, type RunningDynamoDb } from '../../scripts/lib/dynamodb-local';
import { ensureTable, localClient } from '../../scripts/lib/table-setup';
import type { ApiAnswer, TestApi } from '../helpers/api';

const originalEnv = { endpoint: process.env.DYNAMODB_ENDPOINT, table: process.env.TABLE_NAME };
const tableName = 'linli-crash';
/** Each invocation gets this long, so a claim left by a request cut off by the crash lapses soon. */
const LAMBDA_TIMEOUT_MS = 8_000;

let dataDir: string;
let port: number;
let db: RunningDynamoDb;
let api: TestApi;

const startDb = () => startDynamoDbLocal({ dbPath: dataDir, port });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'linli-crash-'));
  port = await freePort();
  db = await startDb();
  const client = localClient(db.endpoint);
  await ensureTable(client, tableName);
  client.destroy();
  // The functions' client is built on first import, pointed at this database for this file.
  process.env.DYNAMODB_ENDPOINT = db.endpoint;
  process.env.TABLE_NAME = tableName;
  const { TestApi: Api } = await import('../helpers/api');
  api = await new Api().start({ lambdaTimeoutMs: LAMBDA_TIMEOUT_MS, loseCompletions: false });
  await installCrashGate();
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await db?.stop();
  await rm(dataDir, { recursive: true, force: true });
  process.env.DYNAMODB_ENDPOINT = originalEnv.endpoint;
  process.env.TABLE_NAME = originalEnv.table;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Kills the database the way DynamoDB would fail: what it acknowledged stays. DynamoDB Local
 * keeps acknowledged TransactWriteItems in memory until its next plain write (measured: 8 of 8
 * transactions lost to a SIGKILL right after their answer, 0 of 8 when one PutItem came between),
 * which DynamoDB itself never does. So from the moment the crash begins no answer of the database
 * reaches a function any more (crashGate: each is failed as a cut connection would fail it), one
 * plain write then makes durable everything answered before, a SIGSTOP freezes the database and
 * it is killed. An answer that reached a function before the gate came from a write the database
 * had made before that plain write, so it stays; one cut off by the gate the client retries.
 */
async function crash(): Promise<void> {
  const { DynamoDBDocumentClient, PutCommand } = await import('@aws-sdk/lib-dynamodb');
  crashGate.closed = true;
  const flusher = localClient(db.endpoint);
  await DynamoDBDocumentClient.from(flusher).send(
    new PutCommand({ TableName: tableName, Item: { pk: 'TEST#crash', sk: 'flush' } }),
  );
  flusher.destroy();
  db.process.kill('SIGSTOP');
  const exited = new Promise<void>((resolve) => db.process.once('exit', () => resolve()));
  db.process.kill('SIGKILL');
  await exited;
  crashGate.closed = false;
}

/** While closed, every answer the functions' client gets from the database is lost on the way. */
const crashGate = { closed: false };

async function installCrashGate(): Promise<void> {
  const { documentClient } = await import('../../functions/src/platform/dynamo');
  documentClient.middlewareStack.add(
    (next) => async (args) => {
      const cut = () => Object.assign(new Error('socket hang up: the database crashed'), { code: 'ECONNRESET' });
      try {
        const result = await next(args);
        if (crashGate.closed) throw cut();
        return result;
      } catch (error) {
        if (crashGate.closed) throw cut();
        throw error;
      }
    },
    { step: 'initialize', name: 'crashGate' },
  );
}

/** Answers that mean "not settled yet, same request again": the database down, or the first try's claim not yet lapsed. */
const unsettled = (a: ApiAnswer<any>) =>
  a.status >= 500 || (a.status === 409 && a.body?.error?.code === 'IDEMPOTENCY_IN_PROGRESS');

async function retryUntilSettled(send: () => Promise<ApiAnswer<any>>, first: ApiAnswer<any>): Promise<ApiAnswer<any>> {
  let answer = first;
  const deadline = Date.now() + 60_000;
  while (unsettled(answer) && Date.now() < deadline) {
    await sleep(300);
    answer = await send().catch(() => first);
  }
  return answer;
}

it('gives every client, after a crash and retries with the same key, the answer the table holds', async () => {
  const { createCommunity, idem, residentMember, userWithGrants } = await import('../helpers/fixtures');
  const { canteenSetup, diner, publish, order } = await import('../helpers/canteen-fixtures');
  const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient } = await import('../../functions/src/platform/dynamo');
  const { key } = await import('../../functions/src/table');
  const { canteenKey } = await import('../../functions/src/canteen/items');
  const { councilKey } = await import('../../functions/src/council/items');

  // A session with 8 seats and a dish with 12 portions, each wanted by 20 people at once.
  const c = await createCommunity();
  const staff = await userWithGrants(api, [{ role: 'staff', communityId: c.communityId }], '刘晶');
  const venue = await api.call<any>('POST', `/community/${c.communityId}/venues`, {
    token: staff.accessToken,
    headers: idem(),
    body: { name: '红色议事厅', place: '社区服务中心二楼', capacity: 10 },
  });
  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const session = await api.call<any>('POST', `/community/${c.communityId}/sessions`, {
    token: staff.accessToken,
    headers: idem(),
    body: {
      title: '加装电梯意见征集',
      venueId: venue.body.venueId,
      startsAt: inHours(24),
      endsAt: inHours(26),
      audience: { kind: 'community' },
      reservedSeats: 2,
    },
  });
  expect(session.status).toBe(201);
  const sessionId = session.body.sessionId as string;
  const f = await canteenSetup(api);
  const menu = await publish(api, f, [{ name: '红烧肉', portions: 12, perPersonLimit: 1 }]);
  const dishId = menu.dishes[0].dishId as string;
  const bookers = await Promise.all(Array.from({ length: 20 }, () => residentMember(c)));
  const diners = await Promise.all(Array.from({ length: 20 }, () => diner(f.c, { age: 70 })));

  const requests = [
    ...bookers.map((r) => {
      const headers = idem();
      const send = () =>
        api.call<any>('POST', `/community/${c.communityId}/sessions/${sessionId}/bookings`, {
          token: r.token,
          headers,
        });
      return { kind: 'booking' as const, memberId: r.memberId, send };
    }),
    ...diners.map((d) => {
      const headers = idem();
      const send = () => order(api, f, menu, d.token, { lines: [{ dishId, quantity: 1 }] }, headers);
      return { kind: 'order' as const, memberId: d.memberId, send };
    }),
  ];

  // The burst; the database is killed as soon as the first answers are in, while most of the
  // burst is still in flight (a quarter in was too late once the waitlist stopped retrying).
  let answered = 0;
  let killed: Promise<void> | undefined;
  const firstAnswers = await Promise.all(
    requests.map((r) =>
      r
        .send()
        .catch((): ApiAnswer<any> => ({ status: 599, body: undefined, headers: new Headers() }))
        .then((answer) => {
          answered += 1;
          if (answered === 2) killed = crash();
          return answer;
        }),
    ),
  );
  await killed;
  const cutOff = firstAnswers.filter(unsettled);
  // The crash must have hit the burst, or this test proves nothing; and it is a 503, never a 500.
  expect(cutOff.length).toBeGreaterThan(0);
  const codes = firstAnswers.filter((a) => a.status >= 300).map((a) => `${a.status} ${a.body?.error?.code}`);
  expect(codes.filter((c) => !/^(503 SERVICE_UNAVAILABLE|409 IDEMPOTENCY_IN_PROGRESS|409 SOLD_OUT)$/.test(c))).toEqual(
    [],
  );

  db = await startDb();
  const finalAnswers = await Promise.all(requests.map((r, i) => retryUntilSettled(r.send, firstAnswers[i]!)));

  const stored = async (k: { pk: string; sk: string }) =>
    (await documentClient.send(new GetCommand({ TableName: tableName, Key: k, ConsistentRead: true }))).Item;
  const disagreements: string[] = [];
  for (const [i, r] of requests.entries()) {
    const answer = finalAnswers[i]!;
    if (r.kind === 'booking') {
      const booking = await stored(councilKey.booking(sessionId, r.memberId));
      const told = answer.status === 201 ? { bookingId: answer.body.bookingId, status: answer.body.status } : answer;
      const holds = booking ? { bookingId: booking.bookingId, status: booking.status } : undefined;
      if (JSON.stringify(told) !== JSON.stringify(holds))
        disagreements.push(`booking ${r.memberId}: told ${JSON.stringify(told)}, table ${JSON.stringify(holds)}`);
    } else {
      const orderId = answer.status === 201 ? (answer.body.orderId as string) : undefined;
      const held = orderId ? await stored(canteenKey.mealOrder(orderId)) : undefined;
      const soldOut = answer.status === 409 && answer.body.error.code === 'SOLD_OUT';
      if (!(held?.memberId === r.memberId || soldOut))
        disagreements.push(`order ${r.memberId}: told ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  }
  expect(disagreements).toEqual([]);

  // The counters agree with the answers: seats and waitlist, portions left.
  const bookingAnswers = finalAnswers.filter((_, i) => requests[i]!.kind === 'booking');
  const sessionItem = await stored(key.session(sessionId));
  expect(sessionItem).toMatchObject({
    booked: bookingAnswers.filter((a) => a.body.status === 'booked').length,
    waiting: bookingAnswers.filter((a) => a.body.status === 'waitlisted').length,
  });
  expect(sessionItem!.booked + sessionItem!.waiting).toBe(20);
  const orderAnswers = finalAnswers.filter((_, i) => requests[i]!.kind === 'order');
  const ordered = orderAnswers.filter((a) => a.status === 201).length;
  expect(ordered).toBe(12);
  const dish = await stored(
    canteenKey.dish(canteenKey.menu(f.c.communityId, 'canteen-t', menu.date, menu.meal).pk, dishId),
  );
  expect(dish).toMatchObject({ left: 0 });
}, 180_000);
