import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { canteenIndex, canteenKey } from '../../functions/src/canteen/items';
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
  tomorrow,
  type CanteenFixture,
} from '../helpers/canteen-fixtures';
import { idem, grantCare } from '../helpers/fixtures';
import { scanWhere } from '../helpers/table-scan';
import { platformKey } from '../../functions/src/platform/table-items';

const api = apiForThisFile();

const dishLeft = async (f: CanteenFixture, menu: any, dishId: string) =>
  (
    await documentClient.send(
      new GetCommand({
        TableName: tableName,
        Key: canteenKey.dish(canteenKey.menu(f.c.communityId, CANTEEN_ID, menu.date, menu.meal).pk, dishId),
        ConsistentRead: true,
      }),
    )
  ).Item!.left as number;

const ordersOfMember = async (memberId: string) =>
  (
    await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': canteenIndex.memberMealOrders(memberId) },
      }),
    )
  ).Items ?? [];

async function outboxOf(orderId: string) {
  return scanWhere('begins_with(pk, :p) AND payload.orderId = :o', { ':p': platformKey.outboxPrefix, ':o': orderId });
}

const post = (path: string, token: string, body?: unknown, headers: Record<string, string> = idem()) =>
  api.call<any>('POST', path, { token, headers, body });

describe('canteen setup', () => {
  it('refuses meals whose cutoff is after the pickup window, and subsidy bands that overlap', async () => {
    const f = await canteenSetup(api);
    const badMeals = await api.call<any>('PUT', f.path, {
      token: f.staff.token,
      headers: idem(),
      body: {
        name: '食堂',
        place: '一楼',
        meals: [{ meal: 'lunch', cutoff: '12:00', pickupStart: '11:30', pickupEnd: '13:00' }],
        deliveryFee: { feeFen: 0 },
      },
    });
    expect(badMeals.status).toBe(422);
    expect(badMeals.body.error.code).toBe('MEAL_TIMES_INVALID');

    const overlapping = await api.call<any>('PUT', `/community/${f.c.communityId}/canteen-settings`, {
      token: f.staff.token,
      headers: idem(),
      body: {
        subsidyBands: [
          { minAge: 60, maxAge: 75, subsidyFen: 100 },
          { minAge: 70, subsidyFen: 200 },
        ],
      },
    });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.error.code).toBe('SUBSIDY_BANDS_INVALID');
    const settings = await api.call<any>('GET', `/community/${f.c.communityId}/canteen-settings`, {
      token: f.staff.token,
    });
    expect(settings.body.subsidyBands).toEqual([
      { minAge: 60, maxAge: 69, subsidyFen: 100 },
      { minAge: 70, maxAge: 79, subsidyFen: 200 },
      { minAge: 80, subsidyFen: 300 },
    ]);
    const canteens = await api.call<any>('GET', `/community/${f.c.communityId}/canteens`, { token: f.volunteer.token });
    expect(canteens.body.canteens).toHaveLength(1);
    expect(canteens.body.canteens[0].meals.map((m: any) => m.meal)).toEqual(['lunch', 'dinner']);
  });

  it('applies the community’s own subsidy bands once staff set them', async () => {
    const f = await canteenSetup(api);
    const saved = await api.call<any>('PUT', `/community/${f.c.communityId}/canteen-settings`, {
      token: f.staff.token,
      headers: idem(),
      body: { subsidyBands: [{ minAge: 65, subsidyFen: 500 }] },
    });
    expect(saved.status).toBe(200);
    const menu = await publish(api, f, [{ priceFen: 1500 }]);
    const r = await diner(f.c, { age: 67 });
    const placed = await order(api, f, menu, r.token, { lines: [{ dishId: menu.dishes[0].dishId, quantity: 1 }] });
    expect(placed.body.price).toEqual({
      itemsFen: 1500,
      subsidyFen: 500,
      deliveryFeeFen: 0,
      amountDueFen: 1000,
      band: '65+',
    });
  });
});

describe('menus', () => {
  it('publishes a menu once per canteen, date and meal, with dishes, tags, set meals and stock', async () => {
    const f = await canteenSetup(api);
    const res = await api.call<any>('POST', `${f.path}/menus`, {
      token: f.staff.token,
      headers: idem(),
      body: {
        date: tomorrow(),
        meal: 'lunch',
        dishes: [
          { name: '清蒸鲈鱼', priceFen: 1200, portions: 30, perPersonLimit: 1, tags: ['低盐', '软烂'] },
          { name: '营养套餐', priceFen: 1500, portions: 40, perPersonLimit: 2, setItems: ['米饭', '青菜', '汤'] },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.dishes[0]).toMatchObject({ name: '清蒸鲈鱼', left: 30, tags: ['低盐', '软烂'] });
    expect(res.body.dishes[1].setItems).toEqual(['米饭', '青菜', '汤']);
    // 10:00 on the day in Shanghai is 02:00 UTC.
    expect(res.body.cutoffAt).toBe(`${tomorrow()}T02:00:00.000Z`);

    const again = await publish(api, f, [{}]).catch((e: Error) => e.message);
    expect(again).toContain('MENU_ALREADY_PUBLISHED');
    const list = await api.call<any>('GET', `/community/${f.c.communityId}/menus`, { token: f.volunteer.token });
    expect(list.body.menus.map((m: any) => [m.date, m.meal])).toEqual([[tomorrow(), 'lunch']]);
  });

  it('refuses a meal the canteen does not serve, a past date and an unknown canteen', async () => {
    const f = await canteenSetup(api);
    const body = (over: Record<string, unknown>) => ({
      date: tomorrow(),
      meal: 'lunch',
      dishes: [{ name: '面条', priceFen: 800, portions: 10, perPersonLimit: 1 }],
      ...over,
    });
    const breakfast = await post(`${f.path}/menus`, f.staff.token, body({ meal: 'breakfast' }));
    expect([breakfast.status, breakfast.body.error.code]).toEqual([422, 'MEAL_NOT_SERVED']);
    const past = await post(`${f.path}/menus`, f.staff.token, body({ date: '2020-01-01' }));
    expect([past.status, past.body.error.code]).toEqual([422, 'MENU_DATE_INVALID']);
    const unknown = await post(`/community/${f.c.communityId}/canteens/nope/menus`, f.staff.token, body({}));
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'CANTEEN_NOT_FOUND']);
  });
});

describe('prices and subsidies', () => {
  it('shows an 80-year-old the subsidy, the delivery fee and the amount due, computed by the server', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ priceFen: 1200 }, { priceFen: 300 }]);
    const elder = await diner(f.c, { age: 80 });
    await makeEligible(api, f, elder.memberId);

    const detail = await api.call<any>('GET', menuPath(f, menu), { token: elder.token });
    expect(detail.body.diner).toMatchObject({
      age: 80,
      band: '80+',
      subsidyFen: 300,
      subsidyUsed: false,
      deliveryEligible: true,
      deliveryFeeFen: 200,
    });
    const quote = await post(`${menuPath(f, menu)}/quote`, elder.token, {
      lines: [
        { dishId: menu.dishes[0].dishId, quantity: 1 },
        { dishId: menu.dishes[1].dishId, quantity: 2 },
      ],
      fulfilment: 'delivery',
    });
    expect(quote.status).toBe(200);
    expect(quote.body.price).toEqual({
      itemsFen: 1800,
      subsidyFen: 300,
      deliveryFeeFen: 200,
      amountDueFen: 1700,
      band: '80+',
    });
    // A quote writes nothing.
    expect(await dishLeft(f, menu, menu.dishes[0].dishId)).toBe(50);
  });

  it('grants the subsidy once per person per meal per day, and again after that order is cancelled', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ priceFen: 1000, perPersonLimit: 5 }]);
    const r = await diner(f.c, { age: 65 });
    const line = { lines: [{ dishId: menu.dishes[0].dishId, quantity: 1 }] };

    const first = await order(api, f, menu, r.token, line);
    const second = await order(api, f, menu, r.token, line);
    expect([first.body.price.subsidyFen, second.body.price.subsidyFen]).toEqual([100, 0]);
    const cancelled = await post(`${orderPath(f, first.body.orderId)}/cancel`, r.token);
    expect(cancelled.body.status).toBe('cancelled');
    const third = await order(api, f, menu, r.token, line);
    expect(third.body.price.subsidyFen).toBe(100);
    // Dinner is another meal: its subsidy is separate.
    const dinner = await publish(api, f, [{ priceFen: 1000 }], { meal: 'dinner' });
    const evening = await order(api, f, dinner, r.token, { lines: [{ dishId: dinner.dishes[0].dishId, quantity: 1 }] });
    expect(evening.body.price.subsidyFen).toBe(100);
  });

  it('never subsidises below zero and gives no subsidy under 60', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ priceFen: 150 }]);
    const elder = await diner(f.c, { age: 85 });
    const young = await diner(f.c, { age: 45 });
    const line = { lines: [{ dishId: menu.dishes[0].dishId, quantity: 1 }] };
    const cheap = await order(api, f, menu, elder.token, line);
    expect(cheap.body.price).toMatchObject({ itemsFen: 150, subsidyFen: 150, amountDueFen: 0 });
    const full = await order(api, f, menu, young.token, line);
    expect(full.body.price).toMatchObject({ itemsFen: 150, subsidyFen: 0, amountDueFen: 150 });
    expect(full.body.price.band).toBeUndefined();
  });
});

describe('orders that break a rule change nothing', () => {
  it.each([
    ['after the cutoff', 'ORDER_CUTOFF_PASSED', 422],
    ['for a past date', 'ORDER_DATE_PAST', 422],
    ['from an unpublished menu', 'MENU_NOT_PUBLISHED', 404],
    ['of a dish of another canteen', 'DISH_NOT_ON_MENU', 422],
    ['with quantity 0', 'VALIDATION_FAILED', 400],
    ['with delivery but no eligibility', 'DELIVERY_NOT_ELIGIBLE', 422],
    ['above the per-person limit', 'ORDER_LIMIT_EXCEEDED', 409],
    ['naming a dish twice', 'ORDER_LINES_INVALID', 422],
  ])('refuses an order %s with %s', async (what, code, status) => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ perPersonLimit: 2 }]);
    const dishId = menu.dishes[0].dishId;
    const r = await diner(f.c, { age: 70 });
    let target = menu;
    let body: any = { lines: [{ dishId, quantity: 1 }] };
    if (what === 'after the cutoff') await closeMenu(f, menu);
    if (what === 'for a past date') await closeMenu(f, menu, '2020-01-01');
    if (what === 'from an unpublished menu') target = { ...menu, meal: 'dinner' };
    if (what === 'of a dish of another canteen') {
      const other = await canteenSetup(api);
      const theirs = await publish(api, other, [{}]);
      body = { lines: [{ dishId: theirs.dishes[0].dishId, quantity: 1 }] };
    }
    if (what === 'with quantity 0') body = { lines: [{ dishId, quantity: 0 }] };
    if (what === 'with delivery but no eligibility') body = { ...body, fulfilment: 'delivery' };
    if (what === 'above the per-person limit') body = { lines: [{ dishId, quantity: 3 }] };
    if (what === 'naming a dish twice') body = { lines: [body.lines[0], body.lines[0]] };

    const res = await order(api, f, target, r.token, body);

    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await dishLeft(f, menu, dishId)).toBe(50);
    expect(await ordersOfMember(r.memberId)).toEqual([]);
  });

  it('gives the portions back on a cancel before the cutoff, and refuses a cancel after it', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ perPersonLimit: 3 }]);
    const dishId = menu.dishes[0].dishId;
    const r = await diner(f.c, { age: 62 });
    const a = await order(api, f, menu, r.token, { lines: [{ dishId, quantity: 2 }] });
    const b = await order(api, f, menu, r.token, { lines: [{ dishId, quantity: 1 }] });
    expect(await dishLeft(f, menu, dishId)).toBe(47);

    const cancelled = await post(`${orderPath(f, a.body.orderId)}/cancel`, r.token);
    expect(cancelled.status).toBe(200);
    expect(await dishLeft(f, menu, dishId)).toBe(49);
    const twice = await post(`${orderPath(f, a.body.orderId)}/cancel`, r.token);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ORDER_NOT_CANCELLABLE']);

    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: canteenKey.mealOrder(b.body.orderId),
        UpdateExpression: 'SET cutoffAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 60_000).toISOString() },
      }),
    );
    const late = await post(`${orderPath(f, b.body.orderId)}/cancel`, r.token);
    expect([late.status, late.body.error.code]).toEqual([422, 'ORDER_CUTOFF_PASSED']);
    expect(await dishLeft(f, menu, dishId)).toBe(49);
  });
});

describe('ordering for someone else', () => {
  it('lets a caregiver order for a dependent with the elder’s band, and records who placed it', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ priceFen: 1000 }]);
    const elder = await diner(f.c, { age: 86, withUser: false, name: '李秀英' });
    const daughter = await diner(f.c, { age: 55, name: '王桂芳' });
    await grantCare(elder.memberId, daughter.userId, 'l1');
    const line = { lines: [{ dishId: menu.dishes[0].dishId, quantity: 1 }] };

    const res = await order(api, f, menu, daughter.token, line, { ...idem(), 'x-acting-for': elder.memberId });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      memberId: elder.memberId,
      memberName: '李秀英',
      placedBy: { userId: daughter.userId, name: '王桂芳', via: 'caregiver' },
      price: { subsidyFen: 300, band: '80+' },
    });
    const mine = await api.call<any>('GET', '/me/canteen-orders', {
      token: daughter.token,
      headers: { 'x-acting-for': elder.memberId },
    });
    expect(mine.body.orders.map((o: any) => o.orderId)).toEqual([res.body.orderId]);
    const stranger = await diner(f.c, { age: 40 });
    const refused = await order(api, f, menu, stranger.token, line, { ...idem(), 'x-acting-for': elder.memberId });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'ACTING_FOR_NOT_ALLOWED']);
  });

  it('lets staff take a phone order for a member without WeChat', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ priceFen: 1000 }]);
    const elder = await diner(f.c, { age: 78, withUser: false });
    const res = await order(
      api,
      f,
      menu,
      f.staff.token,
      { lines: [{ dishId: menu.dishes[0].dishId, quantity: 1 }] },
      { ...idem(), 'x-acting-for': elder.memberId },
    );
    expect(res.status).toBe(201);
    expect(res.body.placedBy).toEqual({ userId: f.staff.userId, name: '刘晶', via: 'staff' });
    expect(res.body.price.subsidyFen).toBe(200);
  });
});

describe('retries with an Idempotency-Key', () => {
  it('places, cancels and hands over once however often the same request is retried', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{}]);
    const dishId = menu.dishes[0].dishId;
    const r = await diner(f.c, { age: 70 });
    const placeKey = idem();
    const [a, b] = await Promise.all([
      order(api, f, menu, r.token, { lines: [{ dishId, quantity: 2 }] }, placeKey),
      order(api, f, menu, r.token, { lines: [{ dishId, quantity: 2 }] }, placeKey),
    ]);
    const again = await order(api, f, menu, r.token, { lines: [{ dishId, quantity: 2 }] }, placeKey);
    const created = [a, b].filter((x) => x.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(again.status).toBe(201);
    expect(again.body.orderId).toBe(created[0]!.body.orderId);
    expect(await dishLeft(f, menu, dishId)).toBe(48);

    const cancelKey = idem();
    const c1 = await post(`${orderPath(f, again.body.orderId)}/cancel`, r.token, undefined, cancelKey);
    const c2 = await post(`${orderPath(f, again.body.orderId)}/cancel`, r.token, undefined, cancelKey);
    expect([c1.status, c2.status]).toEqual([200, 200]);
    expect(await dishLeft(f, menu, dishId)).toBe(50);

    const pickup = await order(api, f, menu, r.token, { lines: [{ dishId, quantity: 1 }] });
    await serveAt(f, menu);
    const handKey = idem();
    const h1 = await post(`${menuPath(f, menu)}/hand-over`, f.staff.token, { code: pickup.body.pickupCode }, handKey);
    const h2 = await post(`${menuPath(f, menu)}/hand-over`, f.staff.token, { code: pickup.body.pickupCode }, handKey);
    expect([h1.status, h2.status]).toEqual([200, 200]);
    expect(h2.body).toEqual(h1.body);
  });
});

describe('pickup', () => {
  it('hands a meal over by typed code or scanned QR once, and refuses a second pickup with 409', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{}]);
    const dishId = menu.dishes[0].dishId;
    const r1 = await diner(f.c, { age: 70 });
    const r2 = await diner(f.c, { age: 71 });
    const o1 = await order(api, f, menu, r1.token, { lines: [{ dishId, quantity: 1 }] });
    const o2 = await order(api, f, menu, r2.token, { lines: [{ dishId, quantity: 1 }] });
    expect(o1.body.pickupCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(o1.body.paymentStatus).toBe('unpaid');
    await serveAt(f, menu);

    const typed = await post(`${menuPath(f, menu)}/hand-over`, f.staff.token, {
      code: o1.body.pickupCode.toLowerCase(),
    });
    expect(typed.status).toBe(200);
    expect(typed.body).toMatchObject({ status: 'picked_up', paymentStatus: 'paid_at_pickup' });
    expect(typed.body.pickupCode).toBeUndefined();
    const scanned = await post(`${menuPath(f, menu)}/hand-over`, f.staff.token, { code: o2.body.qrPayload });
    expect(scanned.body.orderId).toBe(o2.body.orderId);
    const second = await post(`${menuPath(f, menu)}/hand-over`, f.staff.token, { code: o1.body.pickupCode });
    expect([second.status, second.body.error.code]).toEqual([409, 'ALREADY_HANDED_OVER']);
    const wrongMenu = await publish(api, f, [{}], { meal: 'dinner' });
    const elsewhere = await post(`${menuPath(f, wrongMenu)}/hand-over`, f.staff.token, { code: o1.body.qrPayload });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([404, 'PICKUP_CODE_INVALID']);
    const cancelLate = await post(`${orderPath(f, o1.body.orderId)}/cancel`, r1.token);
    expect(cancelLate.body.error.code).toBe('ORDER_NOT_CANCELLABLE');
  });
});

describe('delivery', () => {
  it('runs a delivery from order to confirmation, and writes the points event with the confirmation', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{ name: '软烂炖菜', priceFen: 1200, tags: ['软烂'] }]);
    const elder = await diner(f.c, { age: 82, buildingId: 'b2', unitId: 'u2', room: '301', name: '刘淑珍' });
    const neighbour = await diner(f.c, { age: 88, buildingId: 'b1', room: '101' });
    await makeEligible(api, f, elder.memberId);
    await makeEligible(api, f, neighbour.memberId);
    const other = await actor([{ role: 'volunteer', communityId: f.c.communityId }], '马丽');
    const line = { lines: [{ dishId: menu.dishes[0].dishId, quantity: 1 }], fulfilment: 'delivery' as const };
    const placed = await order(api, f, menu, elder.token, line);
    await order(api, f, menu, neighbour.token, line);
    expect(placed.status).toBe(201);
    expect(placed.body.price).toMatchObject({ subsidyFen: 300, deliveryFeeFen: 200, amountDueFen: 1100 });
    expect(placed.body.pickupCode).toBeUndefined();
    const orderId = placed.body.orderId;

    const tasks = await api.call<any>('GET', `/community/${f.c.communityId}/canteen-deliveries?date=${tomorrow()}`, {
      token: f.volunteer.token,
    });
    expect(tasks.body.groups.map((g: any) => [g.buildingName, g.unitName, g.orders.length])).toEqual([
      ['1号楼', '1单元', 1],
      ['2号楼', '2单元', 1],
    ]);

    const early = await post(`${orderPath(f, orderId)}/confirm-delivery`, elder.token);
    expect([early.status, early.body.error.code]).toEqual([409, 'DELIVERY_NOT_DELIVERED']);
    const claimed = await post(`${orderPath(f, orderId)}/claim`, f.volunteer.token);
    expect(claimed.body).toMatchObject({ status: 'out_for_delivery', volunteer: { name: '张伟' } });
    const stolen = await post(`${orderPath(f, orderId)}/claim`, other.token);
    expect([stolen.status, stolen.body.error.code]).toEqual([409, 'DELIVERY_ALREADY_CLAIMED']);
    await serveAt(f, menu);
    const notTheirs = await post(`${orderPath(f, orderId)}/delivered`, other.token);
    expect([notTheirs.status, notTheirs.body.error.code]).toEqual([403, 'DELIVERY_NOT_YOURS']);
    const cancel = await post(`${orderPath(f, orderId)}/cancel`, elder.token);
    expect(cancel.body.error.code).toBe('ORDER_NOT_CANCELLABLE');
    const delivered = await post(`${orderPath(f, orderId)}/delivered`, f.volunteer.token);
    expect(delivered.body.status).toBe('delivered');

    const confirmed = await post(`${orderPath(f, orderId)}/confirm-delivery`, elder.token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'received', paymentStatus: 'paid_on_delivery' });
    const twice = await post(`${orderPath(f, orderId)}/confirm-delivery`, f.staff.token);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'DELIVERY_ALREADY_CONFIRMED']);

    const events = await outboxOf(orderId);
    expect(events.map((e) => e.eventType).sort()).toEqual([
      'canteen.delivered',
      'canteen.delivery_confirmed',
      'canteen.out_for_delivery',
    ]);
    // The notifier tells 刘淑珍 that her meal is on its way and then that it arrived.
    const { notify } = await import('../../functions/src/notify/notifier');
    for (const e of events) {
      await notify(e.eventId, e.payload, e.createdAt, { sender: { send: jest.fn() }, templateIds: {} });
    }
    const inbox = await api.call<any>('GET', '/me/messages', { token: elder.token });
    expect(inbox.body.messages.map((m: any) => m.title).sort()).toEqual(['送餐出发了', '餐已送达']);
    expect(inbox.body.messages[0].link).toBe(
      `/packages/canteen/order/index?communityId=${f.c.communityId}&orderId=${orderId}`,
    );
    const points = events.find((e) => e.eventType === 'canteen.delivery_confirmed')!;
    expect(points.payload).toEqual({
      type: 'canteen.delivery_confirmed',
      communityId: f.c.communityId,
      orderId,
      volunteerUserId: f.volunteer.userId,
      confirmedAt: confirmed.body.receivedAt,
    });
    // The points ledger credits the volunteer from this event, once however often it arrives.
    const { creditDelivery } = await import('../../functions/src/points');
    expect(await creditDelivery(points.payload)).toBe('posted');
    expect(await creditDelivery(points.payload)).toBe('duplicate');
  });

  it('lets staff confirm a delivery for an elder, and only volunteers claim tasks', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{}]);
    const elder = await diner(f.c, { age: 91, withUser: false });
    await makeEligible(api, f, elder.memberId);
    const placed = await order(
      api,
      f,
      menu,
      f.staff.token,
      { lines: [{ dishId: menu.dishes[0].dishId, quantity: 1 }], fulfilment: 'delivery' },
      { ...idem(), 'x-acting-for': elder.memberId },
    );
    // 90 and older deliver free.
    expect(placed.body.price.deliveryFeeFen).toBe(0);
    const byStaff = await post(`${orderPath(f, placed.body.orderId)}/claim`, f.staff.token);
    expect(byStaff.status).toBe(403);
    await post(`${orderPath(f, placed.body.orderId)}/claim`, f.volunteer.token);
    await serveAt(f, menu);
    await post(`${orderPath(f, placed.body.orderId)}/delivered`, f.volunteer.token);
    const confirmed = await post(`${orderPath(f, placed.body.orderId)}/confirm-delivery`, f.staff.token);
    expect(confirmed.body.status).toBe('received');
  });
});

describe('kitchen and settlement', () => {
  it('tallies dishes by pickup and delivery, groups deliveries, and settles the day with subsidies by band', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [
      { name: '红烧肉', priceFen: 1500, portions: 20 },
      { name: '米饭', priceFen: 100, portions: 100, perPersonLimit: 3 },
    ]);
    const [pork, rice] = menu.dishes.map((d: any) => d.dishId);
    const a65 = await diner(f.c, { age: 65, name: '甲' });
    const a75 = await diner(f.c, { age: 75, name: '乙' });
    const a85 = await diner(f.c, { age: 85, buildingId: 'b2', name: '丙' });
    const a40 = await diner(f.c, { age: 40, name: '丁' });
    await makeEligible(api, f, a85.memberId);
    const o65 = await order(api, f, menu, a65.token, {
      lines: [
        { dishId: pork, quantity: 1 },
        { dishId: rice, quantity: 2 },
      ],
    });
    await order(api, f, menu, a75.token, { lines: [{ dishId: pork, quantity: 1 }] });
    await order(api, f, menu, a85.token, { lines: [{ dishId: rice, quantity: 1 }], fulfilment: 'delivery' });
    const o40 = await order(api, f, menu, a40.token, { lines: [{ dishId: pork, quantity: 2 }] });
    await post(`${orderPath(f, o40.body.orderId)}/cancel`, a40.token);
    await serveAt(f, menu);
    await post(`${menuPath(f, menu)}/hand-over`, f.staff.token, { code: o65.body.pickupCode });

    const kitchen = await api.call<any>('GET', `${menuPath(f, menu)}/kitchen`, { token: f.staff.token });
    expect(kitchen.status).toBe(200);
    expect(kitchen.body.tally.map((t: any) => [t.name, t.ordered, t.left, t.pickup, t.delivery])).toEqual([
      ['红烧肉', 2, 18, 2, 0],
      ['米饭', 3, 97, 2, 1],
    ]);
    expect(kitchen.body.orders).toEqual({ pickup: 2, delivery: 1, cancelled: 1, handedOver: 1 });
    expect(kitchen.body.deliveries.map((g: any) => [g.buildingName, g.orders[0].memberName])).toEqual([
      ['2号楼', '丙'],
    ]);

    const settlement = await api.call<any>('GET', `${f.path}/settlement?date=${tomorrow()}`, { token: f.staff.token });
    expect(settlement.body).toMatchObject({
      orders: 3,
      cancellations: 1,
      mealsServed: 3,
      itemsFen: 1700 + 1500 + 100,
      subsidyFen: 100 + 200 + 100,
      deliveryFeeFen: 200,
      revenueFen: 1600 + 1300 + 200,
      byBand: [
        { band: '60-69', orders: 1, subsidyFen: 100 },
        { band: '70-79', orders: 1, subsidyFen: 200 },
        { band: '80+', orders: 1, subsidyFen: 100 },
      ],
      byMeal: [{ meal: 'lunch', orders: 3, revenueFen: 3100 }],
    });
    const csv = await api.call<any>('GET', `${f.path}/settlement/export?date=${tomorrow()}`, { token: f.staff.token });
    expect(csv.body.filename).toBe(`${tomorrow()}-测试长者食堂-日结.csv`);
    const rows = csv.body.csv.trim().split('\r\n');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('补贴(元)');
    expect(csv.body.csv).toContain('红烧肉×1、米饭×2');
    const month = await api.call<any>('GET', `${f.path}/settlement/month?month=${tomorrow().slice(0, 7)}`, {
      token: f.staff.token,
    });
    expect(month.body.days.find((d: any) => d.date === tomorrow())).toEqual({
      date: tomorrow(),
      orders: 3,
      meals: 5,
      served: 3,
    });
  });

  it('keeps the kitchen and settlement to staff', async () => {
    const f = await canteenSetup(api);
    const menu = await publish(api, f, [{}]);
    const r = await diner(f.c, { age: 70 });
    const kitchen = await api.call<any>('GET', `${menuPath(f, menu)}/kitchen`, { token: r.token });
    expect(kitchen.status).toBe(403);
    const tasks = await api.call<any>('GET', `/community/${f.c.communityId}/canteen-deliveries`, { token: r.token });
    expect(tasks.status).toBe(403);
  });
});
