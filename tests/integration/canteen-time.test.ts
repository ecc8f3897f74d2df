/**
 * The meal's time rule through the API: hand-over (取餐核销) and delivery (已送达) only while the
 * meal is served (half an hour before its pickup window to an hour after); outside it staff may
 * act with a reason, which the order keeps; refusals change nothing. Time is moved the way the
 * other canteen tests move it: the menu's and orders' windows are shifted relative to the clock.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SERVICE_CLOSES_AFTER_MINUTES, SERVICE_OPENS_BEFORE_MINUTES } from '@linli/shared/domain/canteen/rules';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { key } from '../../functions/src/table';
import { canteenKey } from '../../functions/src/canteen/items';
import { apiForThisFile } from '../helpers/api';
import {
  actor,
  canteenSetup,
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

const api = apiForThisFile();

const post = (path: string, token: string, body?: unknown) =>
  api.call<any>('POST', path, { token, headers: idem(), body });

const stored = async (orderId: string) =>
  (
    await documentClient.send(
      new GetCommand({ TableName: tableName, Key: canteenKey.mealOrder(orderId), ConsistentRead: true }),
    )
  ).Item!;

const setPhone = (memberId: string, phone: string) =>
  documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key.member(memberId),
      UpdateExpression: 'SET phone = :phone',
      ExpressionAttributeValues: { ':phone': phone },
    }),
  );

async function pickupOrder(f: CanteenFixture) {
  const menu = await publish(api, f, [{ name: '清蒸鲈鱼', priceFen: 1500 }]);
  const r = await diner(f.c, { age: 82 });
  const placed = await order(api, f, menu, r.token, { lines: [{ dishId: menu.dishes[0].dishId, quantity: 1 }] });
  expect(placed.status).toBe(201);
  return { menu, placed: placed.body };
}

async function claimedDelivery(
  f: CanteenFixture,
  options: { withUser?: boolean; meal?: 'lunch' | 'dinner'; room?: string } = {},
) {
  const menu = await publish(api, f, [{ name: '软烂炖菜', priceFen: 1200 }], { meal: options.meal });
  const elder = await diner(f.c, {
    age: 84,
    buildingId: 'b2',
    unitId: 'u2',
    room: options.room ?? '301',
    name: '刘淑珍',
    withUser: options.withUser,
  });
  await makeEligible(api, f, elder.memberId);
  const placed = await order(
    api,
    f,
    menu,
    options.withUser === false ? f.staff.token : elder.token,
    { lines: [{ dishId: menu.dishes[0].dishId, quantity: 1 }], fulfilment: 'delivery' },
    options.withUser === false ? { ...idem(), 'x-acting-for': elder.memberId } : idem(),
  );
  expect(placed.status).toBe(201);
  const claimed = await post(`${orderPath(f, placed.body.orderId)}/claim`, f.volunteer.token);
  expect(claimed.status).toBe(200);
  return { menu, elder, orderId: placed.body.orderId as string };
}

describe('hand-over (取餐核销) and the meal’s time', () => {
  it('refuses tomorrow’s lunch today with 409 and the window’s times, and leaves the order as it was', async () => {
    const f = await canteenSetup(api);
    const { menu, placed } = await pickupOrder(f);

    const early = await post(`${menuPath(f, menu)}/hand-over`, f.staff.token, { code: placed.pickupCode });

    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'OUTSIDE_MEAL_TIME',
      details: {
        opensAt: new Date(Date.parse(placed.pickupStartsAt) - SERVICE_OPENS_BEFORE_MINUTES * 60_000).toISOString(),
        closesAt: new Date(Date.parse(placed.pickupEndsAt) + SERVICE_CLOSES_AFTER_MINUTES * 60_000).toISOString(),
      },
    });
    expect(early.body.error.message).toContain('不是这一餐的取餐、送餐时间');
    expect(await stored(placed.orderId)).toMatchObject({ status: 'placed', paymentStatus: 'unpaid' });
  });

  it('hands over while the meal is served, from half an hour before pickup starts, and says what to collect', async () => {
    const f = await canteenSetup(api);
    const { menu, placed } = await pickupOrder(f);
    await serveAt(f, menu, SERVICE_OPENS_BEFORE_MINUTES - 5, 120);

    const handed = await post(`${menuPath(f, menu)}/hand-over`, f.staff.token, { code: placed.pickupCode });

    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ status: 'picked_up', price: { amountDueFen: 1200 } });
    expect(handed.body.timeOverride).toBeUndefined();
  });

  it('refuses after the meal has closed, and lets staff hand over with a reason that the order keeps', async () => {
    const f = await canteenSetup(api);
    const { menu, placed } = await pickupOrder(f);
    await serveAt(f, menu, -180, -SERVICE_CLOSES_AFTER_MINUTES - 5);
    const path = `${menuPath(f, menu)}/hand-over`;

    const late = await post(path, f.staff.token, { code: placed.pickupCode });
    const blank = await post(path, f.staff.token, { code: placed.pickupCode, overrideReason: ' ' });
    const overridden = await post(path, f.staff.token, {
      code: placed.pickupCode,
      overrideReason: '老人腿脚不便来晚了',
    });

    expect([late.status, late.body.error.code]).toEqual([409, 'OUTSIDE_MEAL_TIME']);
    expect(blank.status).toBe(400);
    expect(overridden.status).toBe(200);
    expect(overridden.body).toMatchObject({
      status: 'picked_up',
      timeOverride: { action: 'hand_over', reason: '老人腿脚不便来晚了', byName: '刘晶' },
    });
    expect((await stored(placed.orderId)).timeOverride).toMatchObject({
      action: 'hand_over',
      reason: '老人腿脚不便来晚了',
      byUserId: f.staff.userId,
    });
  });
});

describe('delivery (已送达) and the meal’s time', () => {
  it('refuses the volunteer outside the meal, and an override from anyone but staff, changing nothing', async () => {
    const f = await canteenSetup(api);
    const { orderId } = await claimedDelivery(f);

    const early = await post(`${orderPath(f, orderId)}/delivered`, f.volunteer.token);
    const selfExcused = await post(`${orderPath(f, orderId)}/delivered`, f.volunteer.token, {
      overrideReason: '提前送到了',
    });

    expect([early.status, early.body.error.code]).toEqual([409, 'OUTSIDE_MEAL_TIME']);
    expect([selfExcused.status, selfExcused.body.error.code]).toEqual([403, 'MEAL_TIME_OVERRIDE_STAFF_ONLY']);
    const order = await stored(orderId);
    expect(order.status).toBe('out_for_delivery');
    expect(order.deliveredAt).toBeUndefined();
  });

  it('lets the volunteer mark it delivered while the meal is served, and staff outside it with a reason', async () => {
    const f = await canteenSetup(api);
    const served = await claimedDelivery(f, { meal: 'lunch' });
    const outside = await claimedDelivery(f, { meal: 'dinner', room: '302' });
    await serveAt(f, served.menu);

    const byVolunteer = await post(`${orderPath(f, served.orderId)}/delivered`, f.volunteer.token);
    const byStaff = await post(`${orderPath(f, outside.orderId)}/delivered`, f.staff.token, {
      overrideReason: '老人要外出，提前送到',
    });

    expect(byVolunteer.status).toBe(200);
    expect(byVolunteer.body.status).toBe('delivered');
    expect(byStaff.status).toBe(200);
    expect(byStaff.body).toMatchObject({
      status: 'delivered',
      volunteer: { name: '张伟' },
      timeOverride: { action: 'delivered', reason: '老人要外出，提前送到', byName: '刘晶' },
    });
  });
});

describe('calling the household from a delivery', () => {
  it('gives the delivering volunteer the member’s phone, or a housemate’s, and nobody else', async () => {
    const f = await canteenSetup(api);
    const own = await claimedDelivery(f, { meal: 'lunch', room: '301' });
    await setPhone(own.elder.memberId, '13995067788');
    const viaFamily = await claimedDelivery(f, { meal: 'dinner', room: '302', withUser: false });
    const daughter = await diner(f.c, { age: 55, buildingId: 'b2', unitId: 'u2', room: '302', name: '王桂芳' });
    await setPhone(daughter.memberId, '13895012345');
    const f2 = await canteenSetup(api);
    const noPhone = await claimedDelivery(f2, { withUser: false });
    const other = await actor([{ role: 'volunteer', communityId: f.c.communityId }], '马丽');
    const contact = (orderId: string, token: string, fixture = f) =>
      api.call<any>('GET', `${orderPath(fixture, orderId)}/contact`, { token });

    const mine = await contact(own.orderId, f.volunteer.token);
    const family = await contact(viaFamily.orderId, f.volunteer.token);
    const notMine = await contact(own.orderId, other.token);
    const staff = await contact(own.orderId, f.staff.token);
    const nobody = await contact(noPhone.orderId, f2.volunteer.token, f2);

    expect(mine.body).toEqual({ name: '刘淑珍', phone: '13995067788' });
    expect(family.body).toEqual({ name: '王桂芳', phone: '13895012345' });
    expect([notMine.status, notMine.body.error.code]).toEqual([403, 'DELIVERY_NOT_YOURS']);
    expect(staff.body.phone).toBe('13995067788');
    expect([nobody.status, nobody.body.error.code]).toEqual([404, 'NO_PHONE_ON_FILE']);
  });
});
