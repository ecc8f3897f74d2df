/** Canteen data a test owns: a community with a canteen, staff, volunteers and diners of chosen ages. */
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RoleGrant } from '@linli/shared';
import { memberItem } from '../../functions/src/identity/items';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { canteenIndex, canteenKey } from '../../functions/src/canteen/items';
import { householdKey, todayInShanghai } from '../../shared/src/domain/identity/person';
import type { TestApi } from './api';
import { createCommunity, idem, type CommunityFixture } from './fixtures';
import { freshId } from './ids';
import { tokenFor } from './tokens';

export const CANTEEN_ID = 'canteen-t';

/** Tomorrow in Shanghai: a lunch cutoff of 10:00 tomorrow is always ahead of the clock. */
export const tomorrow = () => {
  const d = new Date(`${todayInShanghai()}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** A birth date that makes someone exactly `age` years old on every day of tomorrow's year. */
export const bornYearsAgo = (age: number) => `${Number(tomorrow().slice(0, 4)) - age}-01-01`;

export interface Actor {
  userId: string;
  name: string;
  token: string;
}

export async function actor(grants: RoleGrant[], name: string): Promise<Actor> {
  const userId = freshId('u');
  return { userId, name, token: await tokenFor({ userId, name, grants }) };
}

export interface Diner extends Actor {
  memberId: string;
}

/** A verified member who is `age` on tomorrow's date, with a resident token. */
export async function diner(
  c: CommunityFixture,
  options: { age: number; buildingId?: string; unitId?: string; room?: string; name?: string; withUser?: boolean },
): Promise<Diner> {
  const memberId = freshId('m');
  const userId = freshId('u');
  const buildingId = options.buildingId ?? 'b1';
  const unitId = options.unitId ?? 'u1';
  const name = options.name ?? `居民${memberId.slice(-4)}`;
  const address = {
    communityId: c.communityId,
    communityName: '测试社区',
    buildingId,
    buildingName: buildingId === 'b1' ? '1号楼' : '2号楼',
    unitId,
    unitName: unitId === 'u1' ? '1单元' : '2单元',
    room: options.room ?? memberId.slice(-3).toUpperCase(),
  };
  const withUser = options.withUser ?? true;
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: memberItem({
        memberId,
        ...address,
        householdKey: householdKey(address),
        realName: name,
        birthDate: bornYearsAgo(options.age),
        userId: withUser ? userId : undefined,
        status: 'verified',
        registeredBy: 'test',
        createdAt: new Date().toISOString(),
      }),
    }),
  );
  const token = await tokenFor({
    userId,
    name,
    grants: [{ role: 'resident', communityId: c.communityId, buildingId, memberId }],
  });
  return { memberId, userId, name, token };
}

export interface CanteenFixture {
  c: CommunityFixture;
  staff: Actor;
  volunteer: Actor;
  path: string;
}

/** A fresh community with a canteen serving lunch (cutoff 10:00, pickup 11:30–13:00) and dinner, delivery 2 元 (free from 90). */
export async function canteenSetup(api: TestApi): Promise<CanteenFixture> {
  const c = await createCommunity();
  const staff = await actor([{ role: 'staff', communityId: c.communityId }], '刘晶');
  const volunteer = await actor([{ role: 'volunteer', communityId: c.communityId }], '张伟');
  const res = await api.call<any>('PUT', `/community/${c.communityId}/canteens/${CANTEEN_ID}`, {
    token: staff.token,
    headers: idem(),
    body: {
      name: '测试长者食堂',
      place: '服务中心一楼',
      meals: [
        { meal: 'lunch', cutoff: '10:00', pickupStart: '11:30', pickupEnd: '13:00' },
        { meal: 'dinner', cutoff: '16:00', pickupStart: '17:30', pickupEnd: '19:00' },
      ],
      deliveryFee: { feeFen: 200, freeFromAge: 90 },
    },
  });
  if (res.status !== 200) throw new Error(`saveCanteen: ${res.status} ${JSON.stringify(res.body)}`);
  return { c, staff, volunteer, path: `/community/${c.communityId}/canteens/${CANTEEN_ID}` };
}

export interface DishSpec {
  name?: string;
  priceFen?: number;
  portions?: number;
  perPersonLimit?: number;
  tags?: string[];
}

/** Publishes tomorrow's lunch (by default) with the given dishes; returns the menu. */
export async function publish(
  api: TestApi,
  f: CanteenFixture,
  dishes: DishSpec[],
  options: { date?: string; meal?: string } = {},
): Promise<any> {
  const res = await api.call<any>('POST', `${f.path}/menus`, {
    token: f.staff.token,
    headers: idem(),
    body: {
      date: options.date ?? tomorrow(),
      meal: options.meal ?? 'lunch',
      dishes: dishes.map((d, i) => ({
        name: d.name ?? `菜${i + 1}`,
        priceFen: d.priceFen ?? 1200,
        portions: d.portions ?? 50,
        perPersonLimit: d.perPersonLimit ?? 2,
        ...(d.tags ? { tags: d.tags } : {}),
      })),
    },
  });
  if (res.status !== 201) throw new Error(`publishMenu: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const menuPath = (f: CanteenFixture, menu: { date: string; meal: string }) =>
  `${f.path}/menus/${menu.date}/${menu.meal}`;

/**
 * Moves a published menu's cutoff (and optionally date) into the past, as if time had passed:
 * on the menu and on the copy each of its dishes keeps (see dishItem).
 */
export async function closeMenu(f: CanteenFixture, menu: { date: string; meal: string }, date?: string) {
  const past = new Date(Date.now() - 60_000).toISOString();
  const key = canteenKey.menu(f.c.communityId, CANTEEN_ID, menu.date, menu.meal);
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: date ? 'SET cutoffAt = :past, #date = :date' : 'SET cutoffAt = :past',
      ExpressionAttributeNames: date ? { '#date': 'date' } : undefined,
      ExpressionAttributeValues: { ':past': past, ...(date ? { ':date': date } : {}) },
    }),
  );
  const dishes = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :dish)',
      ExpressionAttributeValues: { ':pk': key.pk, ':dish': canteenKey.dishPrefix },
    }),
  );
  for (const d of dishes.Items ?? []) {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: d.pk, sk: d.sk },
        UpdateExpression: 'SET cutoffAt = :past',
        ExpressionAttributeValues: { ':past': past },
      }),
    );
  }
}

/**
 * Moves a menu's pickup window, and that of every order placed on it, to `from`..`to` minutes
 * from now, as if the clock had reached the meal (default: served right now, 11:30–13:00 style).
 */
export async function serveAt(f: CanteenFixture, menu: { date: string; meal: string }, from = -10, to = 80) {
  const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  const window = {
    UpdateExpression: 'SET pickupStartsAt = :start, pickupEndsAt = :end',
    ExpressionAttributeValues: { ':start': at(from), ':end': at(to) },
  };
  const orders = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': canteenIndex.canteenOrders(f.c.communityId, CANTEEN_ID),
        ':prefix': `${menu.date}#${menu.meal}#`,
      },
    }),
  );
  await Promise.all([
    documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: canteenKey.menu(f.c.communityId, CANTEEN_ID, menu.date, menu.meal),
        ...window,
      }),
    ),
    ...(orders.Items ?? []).map((o) =>
      documentClient.send(
        new UpdateCommand({ TableName: tableName, Key: canteenKey.mealOrder(o.orderId as string), ...window }),
      ),
    ),
  ]);
}

export async function makeEligible(api: TestApi, f: CanteenFixture, memberId: string) {
  const res = await api.call<any>('PUT', `/community/${f.c.communityId}/canteen-delivery/${memberId}`, {
    token: f.staff.token,
    headers: idem(),
    body: { eligible: true, reason: '高龄' },
  });
  if (res.status !== 200) throw new Error(`eligibility: ${res.status} ${JSON.stringify(res.body)}`);
}

export const order = (
  api: TestApi,
  f: CanteenFixture,
  menu: { date: string; meal: string },
  token: string,
  body: { lines: { dishId: string; quantity: number }[]; fulfilment?: 'pickup' | 'delivery' },
  headers: Record<string, string> = idem(),
) =>
  api.call<any>('POST', `${menuPath(f, menu)}/orders`, {
    token,
    headers,
    body: { fulfilment: 'pickup', ...body },
  });

export const orderPath = (f: CanteenFixture, orderId: string) =>
  `/community/${f.c.communityId}/canteen-orders/${orderId}`;
