/**
 * Canteen ordering contention: R rounds of 300 residents ordering the same 50-portion dish at
 * once through the local API. Reports accepted orders/s and requests/s over each burst and the
 * latency percentiles of all the requests.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { todayInShanghai } from '../../shared/src/domain/identity/person';
import { addDays } from '../../shared/src/domain/canteen/rules';
import { BENCH_COMMUNITY, apiCaller, percentile, residentTokens, staffToken } from './bench-kit';

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

export async function orderingContention(
  apiUrl: string,
  client: DynamoDBClient,
  tableName: string,
  /** `firstDay`: days ahead of the first round's lunch (each round is a day later), so passes differ. */
  /** `beforeBurst`: runs once a round is set up, just before its burst (the bench measures its floors there). */
  options: {
    rounds?: number;
    residents?: number;
    portions?: number;
    firstDay?: number;
    beforeBurst?: () => Promise<void>;
  } = {},
): Promise<OrderingResult> {
  const rounds = options.rounds ?? 3;
  const residents = options.residents ?? 300;
  const portions = options.portions ?? 50;
  const communityId = BENCH_COMMUNITY;
  const canteen = `/community/${communityId}/canteens/canteen-1`;
  const call = apiCaller(apiUrl);
  const staff = await staffToken();
  const latencies: number[] = [];
  let accepted = 0;
  let soldOut = 0;
  let errors5xx = 0;
  let busyMs = 0;
  for (let round = 0; round < rounds; round += 1) {
    // Lunch of a day ahead (10:00 cutoff tomorrow or later), a later day each round.
    const date = addDays(todayInShanghai(), (options.firstDay ?? 7) + round);
    const menu = await call<{ dishes?: { dishId: string }[] }>('POST', `${canteen}/menus`, staff, {
      date,
      meal: 'lunch',
      dishes: [{ name: '压测红烧肉', priceFen: 1200, portions, perPersonLimit: 1 }],
    });
    if (menu.status !== 201) throw new Error(`publishMenu: ${menu.status} ${JSON.stringify(menu.body)}`);
    const dishId = menu.body.dishes![0]!.dishId;
    const tokens = await residentTokens(client, tableName, residents, {
      idPrefix: `bench-meal-${round}`,
      birthDate: '1944-01-01',
    });
    await options.beforeBurst?.();
    const burstStart = performance.now();
    const answers = await Promise.all(
      tokens.map(async (token) => {
        const t = performance.now();
        const res = await call<{ error?: { code: string } }>('POST', `${canteen}/menus/${date}/lunch/orders`, token, {
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
