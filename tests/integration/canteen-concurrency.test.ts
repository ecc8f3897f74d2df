/**
 * Portions, per-person limits and subsidies under real concurrent HTTP requests against
 * DynamoDB Local: nothing is oversold, lost or invented, whatever the interleaving.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { canteenIndex, canteenKey, holdAttribute, holdsOn, takerTag } from '../../functions/src/canteen/items';
import { apiForThisFile } from '../helpers/api';
import {
  CANTEEN_ID,
  actor,
  canteenSetup,
  closeMenu,
  diner,
  makeEligible,
  menuPath,
  order,
  orderPath,
  publish,
  serveAt,
  type CanteenFixture,
} from '../helpers/canteen-fixtures';
import { idem } from '../helpers/fixtures';
import { platformKey } from '../../functions/src/platform/table-items';

const api = apiForThisFile();

async function dish(f: CanteenFixture, menu: any, dishId: string) {
  const out = await documentClient.send(
    new GetCommand({
      TableName: tableName,
      Key: canteenKey.dish(canteenKey.menu(f.c.communityId, CANTEEN_ID, menu.date, menu.meal).pk, dishId),
      ConsistentRead: true,
    }),
  );
  return out.Item!;
}

/** Every order of the menu, read from the index once it has caught up. */
async function ordersOf(f: CanteenFixture, menu: any) {
  const out = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :sk)',
      ExpressionAttributeValues: {
        ':pk': canteenIndex.canteenOrders(f.c.communityId, CANTEEN_ID),
        ':sk': `${menu.date}#${menu.meal}#`,
      },
    }),
  );
  return out.Items ?? [];
}

const quantityOf = (orders: Record<string, any>[], dishId: string) =>
  orders
    .filter((o) => o.status !== 'cancelled')
    .reduce((sum, o) => sum + (o.lines.find((l: any) => l.dishId === dishId)?.quantity ?? 0), 0);

describe('ordering under concurrency', () => {
  it('accepts exactly 50 of 300 concurrent orders for a dish with 50 portions and refuses 250 as sold out', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ name: '红烧肉', portions: 50, perPersonLimit: 1 }]);
    const dishId = menu.dishes[0].dishId;
    const residents = await Promise.all(Array.from({ length: 300 }, (_, i) => diner(f.c, { age: 60 + (i % 30) })));

    const answers = await Promise.all(
      residents.map((r) => order(api, f, menu, r.token, { lines: [{ dishId, quantity: 1 }] })),
    );

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(250);
    expect(new Set(refused.map((a) => a.body.error.code))).toEqual(new Set(['SOLD_OUT']));
    const stock = await dish(f, menu, dishId);
    expect(stock.left).toBe(0);
    const accepted = answers.filter((a) => a.status === 201).map((a) => a.body);
    const taken = accepted.reduce((sum, o) => sum + o.lines[0].quantity, 0);
    expect(taken).toBe(stock.portions - stock.left);
    expect(new Set(accepted.map((o) => o.memberId)).size).toBe(50);
    // Every portion hold was consumed by its order or given back.
    expect(holdsOn(stock)).toEqual([]);
  });

  it('gives back the portions an order that died was holding, to the next order', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ name: '最后一份', portions: 1, perPersonLimit: 1 }]);
    const dishId = menu.dishes[0].dishId;
    const key = canteenKey.dish(canteenKey.menu(f.c.communityId, CANTEEN_ID, menu.date, menu.meal).pk, dishId);
    // An order took the last portion into a hold and died before its transaction; the hold lapsed.
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET #left = :zero, #hold = :hold',
        ExpressionAttributeNames: { '#left': 'left', '#hold': holdAttribute('died') },
        ExpressionAttributeValues: {
          ':zero': 0,
          ':hold': { qty: 1, until: new Date(Date.now() - 1000).toISOString() },
        },
      }),
    );
    const r = await diner(f.c, { age: 70 });
    const shown = await api.call<any>('GET', menuPath(f, menu), { token: r.token });
    expect(shown.body.menu.dishes[0].left).toBe(1);

    const placed = await order(api, f, menu, r.token, { lines: [{ dishId, quantity: 1 }] });

    expect(placed.status).toBe(201);
    const stock = await dish(f, menu, dishId);
    expect(stock.left).toBe(0);
    expect(holdsOn(stock)).toEqual([]);
  });

  it('gives a retry the portions its first try held when that try could neither order nor give them back', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ name: '最后一份', portions: 1, perPersonLimit: 1 }]);
    const dishId = menu.dishes[0].dishId;
    const r = await diner(f.c, { age: 70 });
    const other = await diner(f.c, { age: 70 });
    const headers = idem();
    // The first try holds the portion, then the database fails its transaction and its give-back.
    let failing = true;
    documentClient.middlewareStack.add(
      (next, ctx) => async (args) => {
        const update = (args.input as { UpdateExpression?: string }).UpdateExpression ?? '';
        const giveBack = ctx.commandName === 'UpdateItemCommand' && update.includes('REMOVE');
        if (failing && (ctx.commandName === 'TransactWriteItemsCommand' || giveBack)) {
          throw Object.assign(new Error('service unavailable'), { name: 'ServiceUnavailable', $fault: 'server' });
        }
        return next(args);
      },
      { step: 'initialize', name: 'failOrderWrites' },
    );
    let first;
    try {
      first = await order(api, f, menu, r.token, { lines: [{ dishId, quantity: 1 }] }, headers);
    } finally {
      failing = false;
      documentClient.middlewareStack.remove('failOrderWrites');
    }
    expect(first.status).toBeGreaterThanOrEqual(500);
    expect(holdsOn(await dish(f, menu, dishId))).toHaveLength(1);
    // Nobody else gets the held portion meanwhile…
    const refused = await order(api, f, menu, other.token, { lines: [{ dishId, quantity: 1 }] });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'SOLD_OUT']);

    // …and the retry with the same key orders it.
    const retry = await order(api, f, menu, r.token, { lines: [{ dishId, quantity: 1 }] }, headers);

    expect(retry.status).toBe(201);
    const stock = await dish(f, menu, dishId);
    expect(stock.left).toBe(0);
    expect(holdsOn(stock)).toEqual([]);
    expect((await ordersOf(f, menu)).map((o) => o.memberId)).toEqual([r.memberId]);
  });

  it('never loses or invents a portion when cancellations and new orders race', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ name: '饺子', portions: 20, perPersonLimit: 2 }]);
    const dishId = menu.dishes[0].dishId;
    const first = await Promise.all(Array.from({ length: 10 }, () => diner(f.c, { age: 72 })));
    const placed = await Promise.all(
      first.map((r) => order(api, f, menu, r.token, { lines: [{ dishId, quantity: 2 }] })),
    );
    expect(placed.map((a) => a.status)).toEqual(Array(10).fill(201));
    const newcomers = await Promise.all(Array.from({ length: 40 }, () => diner(f.c, { age: 66 })));

    const [cancels, orders] = await Promise.all([
      Promise.all(
        first.map((r, i) =>
          api.call<any>('POST', `${orderPath(f, placed[i]!.body.orderId)}/cancel`, { token: r.token, headers: idem() }),
        ),
      ),
      Promise.all(newcomers.map((r) => order(api, f, menu, r.token, { lines: [{ dishId, quantity: 1 }] }))),
    ]);

    expect(cancels.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(orders.filter((a) => a.status >= 500)).toEqual([]);
    expect(orders.every((a) => a.status === 201 || (a.status === 409 && a.body.error.code === 'SOLD_OUT'))).toBe(true);
    const stock = await dish(f, menu, dishId);
    const accepted = orders.filter((a) => a.status === 201).length;
    expect(stock.left).toBeGreaterThanOrEqual(0);
    // Every portion is either still on the menu or in exactly one live order.
    expect(stock.left + accepted).toBe(20);
    const stored = await ordersOf(f, menu);
    expect(quantityOf(stored, dishId)).toBe(accepted);
  });

  it('keeps one resident within the per-person limit when they send many orders at once', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ name: '小米粥', portions: 100, perPersonLimit: 2 }]);
    const dishId = menu.dishes[0].dishId;
    const r = await diner(f.c, { age: 81 });

    const answers = await Promise.all(
      Array.from({ length: 12 }, () => order(api, f, menu, r.token, { lines: [{ dishId, quantity: 1 }] })),
    );

    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(
      Array(10).fill('ORDER_LIMIT_EXCEEDED'),
    );
    expect((await dish(f, menu, dishId)).left).toBe(98);
    // The subsidy went to one of the two orders only: once per person per meal per day.
    const subsidies = answers.filter((a) => a.status === 201).map((a) => a.body.price.subsidyFen);
    expect(subsidies.sort()).toEqual([0, 300]);
  });

  it('answers ten copies of one order sent at once with the one order they made', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ name: '清蒸鱼', portions: 30, perPersonLimit: 2 }]);
    const dishId = menu.dishes[0].dishId;
    const r = await diner(f.c, { age: 70 });
    const headers = idem();

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => order(api, f, menu, r.token, { lines: [{ dishId, quantity: 1 }] }, headers)),
    );

    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.orderId)).size).toBe(1);
    expect((await dish(f, menu, dishId)).left).toBe(29);
    expect((await ordersOf(f, menu)).filter((o) => o.memberId === r.memberId)).toHaveLength(1);
  });

  it('replays a placed order to its retry after the dish sold out, and refuses the key for another order', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [
      { name: '最后一份', portions: 1, perPersonLimit: 1 },
      { name: '米饭', portions: 10, perPersonLimit: 1 },
      { name: '别人的最后一份', portions: 1, perPersonLimit: 1 },
    ]);
    const [last, rice, theirs] = menu.dishes.map((d: { dishId: string }) => d.dishId);
    const r = await diner(f.c, { age: 66 });
    const headers = idem();
    const first = await order(api, f, menu, r.token, { lines: [{ dishId: last, quantity: 1 }] }, headers);
    expect(first.status).toBe(201);

    const retry = await order(api, f, menu, r.token, { lines: [{ dishId: last, quantity: 1 }] }, headers);
    expect(retry).toMatchObject({ status: 201, body: first.body });

    const other = await order(api, f, menu, r.token, { lines: [{ dishId: rice, quantity: 1 }] }, headers);
    expect([other.status, other.body.error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await dish(f, menu, rice)).left).toBe(10);
    // Reused for a dish sold out to someone else, the key hears the refusal the dish alone gives
    // (see holdAhead): both refuse, and nothing changes.
    const neighbour = await diner(f.c, { age: 70 });
    expect((await order(api, f, menu, neighbour.token, { lines: [{ dishId: theirs, quantity: 1 }] })).status).toBe(201);
    const reused = await order(api, f, menu, r.token, { lines: [{ dishId: theirs, quantity: 1 }] }, headers);
    expect([reused.status, reused.body.error.code]).toEqual([409, 'SOLD_OUT']);
    expect((await dish(f, menu, theirs)).left).toBe(0);
  });

  it('refuses a resident the dish never served as sold out without looking for an earlier answer, and still looks for one the dish served', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ name: '最后一份', portions: 1, perPersonLimit: 1 }]);
    const dishId = menu.dishes[0].dishId;
    const served = await diner(f.c, { age: 70 });
    const stranger = await diner(f.c, { age: 70 });
    const servedKey = idem();
    expect((await order(api, f, menu, served.token, { lines: [{ dishId, quantity: 1 }] }, servedKey)).status).toBe(201);
    // The dish keeps no member id: a short tag of the one it served.
    expect([...(await dish(f, menu, dishId)).takers]).toEqual([takerTag(served.memberId)]);

    const idempotencyReads: string[] = [];
    const calls: string[] = [];
    documentClient.middlewareStack.add(
      (next, ctx) => async (args) => {
        const key = (args.input as { Key?: { pk?: string } }).Key;
        if (ctx.commandName === 'GetItemCommand' && key?.pk?.startsWith(platformKey.idempotencyPrefix))
          idempotencyReads.push(key.pk);
        calls.push(String(ctx.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countIdempotencyReads' },
    );
    try {
      const refused = await order(api, f, menu, stranger.token, { lines: [{ dishId, quantity: 1 }] }, idem());
      expect([refused.status, refused.body.error.code]).toEqual([409, 'SOLD_OUT']);
      expect(refused.body.error.details).toMatchObject({ dishId, left: 0 });
      expect(idempotencyReads).toEqual([]);
      // The late comer of a rush costs one small write: the hold it was refused, nothing read.
      expect(calls).toEqual(['UpdateItemCommand']);

      // The member it served may be retrying: their new request looks for an answer, finds none.
      const again = await order(api, f, menu, served.token, { lines: [{ dishId, quantity: 1 }] }, idem());
      expect([again.status, again.body.error.code]).toEqual([409, 'SOLD_OUT']);
      expect(idempotencyReads).toHaveLength(1);
      // And their retry of the order that was served gets that order.
      const retry = await order(api, f, menu, served.token, { lines: [{ dishId, quantity: 1 }] }, servedKey);
      expect(retry.status).toBe(201);
    } finally {
      documentClient.middlewareStack.remove('countIdempotencyReads');
    }
  });

  it('tells a late comer what comes before 已售罄 when the dish is sold out too: the limit, then the cutoff', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ name: '最后一份', portions: 1, perPersonLimit: 1 }]);
    const dishId = menu.dishes[0].dishId;
    const first = await diner(f.c, { age: 70 });
    const late = await diner(f.c, { age: 70 });
    expect((await order(api, f, menu, first.token, { lines: [{ dishId, quantity: 1 }] })).status).toBe(201);
    const tryOrder = async (quantity: number) => {
      const res = await order(api, f, menu, late.token, { lines: [{ dishId, quantity }] });
      return [res.status, res.body.error.code];
    };

    expect(await tryOrder(2)).toEqual([409, 'ORDER_LIMIT_EXCEEDED']);
    expect(await tryOrder(1)).toEqual([409, 'SOLD_OUT']);
    await closeMenu(f, menu);
    expect(await tryOrder(1)).toEqual([422, 'ORDER_CUTOFF_PASSED']);
    // A dish written before dishes kept their menu's cutoff is answered from the menu.
    const key = canteenKey.dish(canteenKey.menu(f.c.communityId, CANTEEN_ID, menu.date, menu.meal).pk, dishId);
    await documentClient.send(
      new UpdateCommand({ TableName: tableName, Key: key, UpdateExpression: 'REMOVE cutoffAt' }),
    );
    expect(await tryOrder(1)).toEqual([422, 'ORDER_CUTOFF_PASSED']);
    const dishNow = await dish(f, menu, dishId);
    expect([dishNow.left, holdsOn(dishNow)]).toEqual([0, []]);
  });

  it('refuses an order whose cutoff passes between its read and its transaction, on the dish, and gives the portion back', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ name: '红烧肉', portions: 5, perPersonLimit: 1 }]);
    const dishId = menu.dishes[0].dishId;
    const r = await diner(f.c, { age: 70 });
    // The menu still reads as open; the dish's copy of the cutoff (checked by the transaction) has passed.
    const key = canteenKey.dish(canteenKey.menu(f.c.communityId, CANTEEN_ID, menu.date, menu.meal).pk, dishId);
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET cutoffAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );
    const res = await order(api, f, menu, r.token, { lines: [{ dishId, quantity: 1 }] });
    expect([res.status, res.body.error.code]).toEqual([422, 'ORDER_CUTOFF_PASSED']);
    const after = await dish(f, menu, dishId);
    expect([after.left, holdsOn(after)]).toEqual([5, []]);
    expect(await ordersOf(f, menu)).toEqual([]);
  });

  it('takes all of an order’s dishes or none of them', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [
      { name: '米饭', portions: 100, perPersonLimit: 1 },
      { name: '清蒸鱼', portions: 5, perPersonLimit: 1 },
    ]);
    const [rice, fish] = menu.dishes.map((d: any) => d.dishId);
    const residents = await Promise.all(Array.from({ length: 20 }, () => diner(f.c, { age: 75 })));

    const answers = await Promise.all(
      residents.map((r) =>
        order(api, f, menu, r.token, {
          lines: [
            { dishId: rice, quantity: 1 },
            { dishId: fish, quantity: 1 },
          ],
        }),
      ),
    );

    expect(answers.filter((a) => a.status === 201)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(Array(15).fill('SOLD_OUT'));
    expect((await dish(f, menu, fish)).left).toBe(0);
    const riceLeft = await dish(f, menu, rice);
    expect(riceLeft.left).toBe(95);
    expect(holdsOn(riceLeft)).toEqual([]);
  });

  it('hands a meal over once when staff at two counters scan the same code at once, and gives a task to one volunteer', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ portions: 10 }]);
    const dishId = menu.dishes[0].dishId;
    const pickup = await order(api, f, menu, (await diner(f.c, { age: 70 })).token, {
      lines: [{ dishId, quantity: 1 }],
    });
    const elder = await diner(f.c, { age: 85 });
    await makeEligible(api, f, elder.memberId);
    const delivery = await order(api, f, menu, elder.token, {
      lines: [{ dishId, quantity: 1 }],
      fulfilment: 'delivery',
    });
    const volunteers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => actor([{ role: 'volunteer', communityId: f.c.communityId }], `志愿者${i}`)),
    );
    const handOver = `/community/${f.c.communityId}/canteens/${CANTEEN_ID}/menus/${menu.date}/${menu.meal}/hand-over`;
    await serveAt(f, menu);

    const [handed, claims] = await Promise.all([
      Promise.all(
        Array.from({ length: 4 }, () =>
          api.call<any>('POST', handOver, {
            token: f.staff.token,
            headers: idem(),
            body: { code: pickup.body.pickupCode },
          }),
        ),
      ),
      Promise.all(
        volunteers.map((v) =>
          api.call<any>('POST', `${orderPath(f, delivery.body.orderId)}/claim`, { token: v.token, headers: idem() }),
        ),
      ),
    ]);

    expect(handed.filter((a) => a.status === 200)).toHaveLength(1);
    expect(handed.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(
      Array(3).fill('ALREADY_HANDED_OVER'),
    );
    expect(claims.filter((a) => a.status === 200)).toHaveLength(1);
    expect(claims.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(
      Array(4).fill('DELIVERY_ALREADY_CLAIMED'),
    );
  });
});
