/**
 * Canteen ordering contention: R rounds of 300 residents ordering the same 50-portion dish at
 * once through the local API. Reports accepted orders/s and requests/s over each burst and the
 * latency percentiles of all the requests.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { householdKey, todayInShanghai } from '../../shared/src/domain/identity/person';
import { addDays } from '../../shared/src/domain/canteen/rules';
import { memberItem } from '../../functions/src/identity/items';

export interface OrderingResult {
  rounds: number;
  requests: number;
  accepted: number;
  soldOut: number;
  errors5xx: number;
  portions: number;
  acceptedPerSecond: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function orderingContention(
  apiUrl: string,
  client: DynamoDBClient,
  tableName: string,
  options: { rounds?: number; residents?: number; portions?: number } = {},
): Promise<OrderingResult> {
  const rounds = options.rounds ?? 3;
  const residents = options.residents ?? 300;
  const portions = options.portions ?? 50;
  const { signAccessToken } = await import('../../functions/src/platform/auth');
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const communityId = 'anjuyuan';
  const canteen = `/community/${communityId}/canteens/canteen-1`;
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomBytes(12).toString('hex'),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as { dishes?: { dishId: string }[]; error?: { code: string } },
    };
  };
  const staff = await signAccessToken({ userId: 'u-staff', name: '刘晶', grants: [{ role: 'staff', communityId }] });
  const latencies: number[] = [];
  let accepted = 0;
  let soldOut = 0;
  let errors5xx = 0;
  let busyMs = 0;
  for (let round = 0; round < rounds; round += 1) {
    // Lunch of a day ahead (10:00 cutoff tomorrow or later), a later day each round.
    const date = addDays(todayInShanghai(), 7 + round);
    const menu = await call('POST', `${canteen}/menus`, staff, {
      date,
      meal: 'lunch',
      dishes: [{ name: '压测红烧肉', priceFen: 1200, portions, perPersonLimit: 1 }],
    });
    if (menu.status !== 201) throw new Error(`publishMenu: ${menu.status} ${JSON.stringify(menu.body)}`);
    const dishId = menu.body.dishes![0]!.dishId;
    const tokens = await Promise.all(
      Array.from({ length: residents }, async (_, i) => {
        const memberId = `bench-meal-${round}-${i}-${randomBytes(3).toString('hex')}`;
        const address = {
          communityId,
          communityName: '安居苑社区',
          buildingId: 'b1',
          buildingName: '1号楼',
          unitId: 'u1',
          unitName: '1单元',
          room: String(100 + i),
        };
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: memberItem({
              memberId,
              ...address,
              householdKey: householdKey(address),
              realName: `压测居民${i}`,
              birthDate: '1944-01-01',
              userId: memberId,
              status: 'verified',
              registeredBy: 'bench',
              createdAt: new Date().toISOString(),
            }),
          }),
        );
        return signAccessToken({
          userId: memberId,
          name: `压测居民${i}`,
          grants: [{ role: 'resident', communityId, buildingId: 'b1', memberId }],
        });
      }),
    );
    const burstStart = performance.now();
    const answers = await Promise.all(
      tokens.map(async (token) => {
        const t = performance.now();
        const res = await call('POST', `${canteen}/menus/${date}/lunch/orders`, token, {
          lines: [{ dishId, quantity: 1 }],
          fulfilment: 'pickup',
        });
        latencies.push(performance.now() - t);
        return res;
      }),
    );
    busyMs += performance.now() - burstStart;
    for (const a of answers) {
      if (a.status >= 500) errors5xx += 1;
      if (a.status === 201) accepted += 1;
      if (a.status === 409 && a.body.error?.code === 'SOLD_OUT') soldOut += 1;
    }
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    rounds,
    requests: latencies.length,
    accepted,
    soldOut,
    errors5xx,
    portions,
    acceptedPerSecond: accepted / (busyMs / 1000),
    requestsPerSecond: latencies.length / (busyMs / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}
