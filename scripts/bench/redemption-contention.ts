/**
 * Redemptions through the local API: throughput of merchants confirming codes of many
 * volunteers at once, and contention when 50 codes of one volunteer (30 points each, against a
 * balance of 100) arrive together, R rounds. Reports requests/s and latency percentiles.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { key } from '../../functions/src/table';
import { BENCH_COMMUNITY, apiCaller, percentile, staffToken } from './bench-kit';

export interface RedemptionBench {
  throughput: { requests: number; ok: number; errors5xx: number; requestsPerSecond: number; p50: number; p99: number };
  contention: {
    rounds: number;
    requests: number;
    succeeded: number[];
    refused: number;
    errors5xx: number;
    requestsPerSecond: number;
    p50: number;
    p99: number;
  };
}

export async function redemptionContention(
  apiUrl: string,
  client: DynamoDBClient,
  tableName: string,
  options: {
    volunteers?: number;
    perVolunteer?: number;
    rounds?: number;
    connections?: number;
    merchants?: number;
  } = {},
): Promise<RedemptionBench> {
  const volunteers = options.volunteers ?? 20;
  const perVolunteer = options.perVolunteer ?? 10;
  const rounds = options.rounds ?? 3;
  const connections = options.connections ?? 50;
  const merchants = options.merchants ?? 5;
  // Loaded here: the handlers' modules read the stack's environment when first imported.
  const { signAccessToken } = await import('../../functions/src/platform/auth');
  const { redemptionCode } = await import('../../functions/src/points/codes');
  const { volunteerItem } = await import('../../functions/src/points/items');
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const communityId = BENCH_COMMUNITY;
  const post = apiCaller(apiUrl);
  const call = (path: string, token: string, body: unknown) => post('POST', path, token, body);
  const staff = await staffToken();
  /** A merchant without a monthly cap, and a token of its operator. */
  const shop = async (n: number) => {
    const created = await call(`/community/${communityId}/points-merchants`, staff, {
      name: `压测商户${n}-${randomBytes(2).toString('hex')}`,
      address: '压测',
      category: '压测',
      agreement: {
        offers: [{ offerId: 'bench', kind: 'fixed', title: '压测兑换', points: 10 }],
        activeFrom: '2026-01-01',
      },
    });
    const merchantId = String(created.body.merchantId);
    const token = await signAccessToken({
      userId: `u-bench-operator-${n}`,
      name: '压测店员',
      grants: [{ role: 'merchant', communityId, merchantId }],
    });
    return { merchantId, token };
  };
  // A community's redemptions spread over its merchants; each merchant's own are serialized by its
  // balance and month figures (the monthly cap), which the contention part below measures.
  const shops = await Promise.all(Array.from({ length: merchants }, (_, n) => shop(n)));

  /** A volunteer with `points` posted by a staff adjustment. */
  const volunteer = async (i: number, points: number) => {
    const userId = `bench-vol-${i}-${randomBytes(3).toString('hex')}`;
    const name = `压测志愿者${i}`;
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...key.user(userId), userId, name, grants: [], tokenVersion: 1 },
      }),
    );
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: volunteerItem({ userId, communityId, name, showOnStarList: false, joinedAt: new Date().toISOString() }),
      }),
    );
    const credited = await call(`/community/${communityId}/points/adjustments`, staff, {
      userId,
      points,
      reason: '压测期初',
    });
    if (credited.status !== 201) throw new Error(`adjustment failed: ${credited.status}`);
    return userId;
  };
  type Shop = (typeof shops)[number];
  const codeOf = async (userId: string, points: number, at: Shop) => {
    const claims = {
      i: `bench${randomBytes(8).toString('hex')}`,
      c: communityId,
      u: userId,
      m: at.merchantId,
      o: 'bench',
      p: points,
    };
    return { at, code: (await redemptionCode(claims, new Date())).code };
  };

  const confirm = async ({ at, code }: { at: Shop; code: string }, latencies: number[]) => {
    const t = performance.now();
    const res = await call(`/community/${communityId}/merchant/redemptions`, at.token, { code });
    latencies.push(performance.now() - t);
    return res;
  };

  // Throughput: many volunteers' codes, `connections` at a time.
  const ids = await Promise.all(Array.from({ length: volunteers }, (_, i) => volunteer(i, perVolunteer * 10)));
  const codes = await Promise.all(
    ids.flatMap((id, v) =>
      Array.from({ length: perVolunteer }, (_, k) => codeOf(id, 10, shops[(v + k) % shops.length]!)),
    ),
  );
  const tLatencies: number[] = [];
  const statuses: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < codes.length) statuses.push((await confirm(codes[next++]!, tLatencies)).status);
    }),
  );
  const tMs = performance.now() - started;
  const tSorted = [...tLatencies].sort((a, b) => a - b);

  // Contention: 50 codes of 30 points against a balance of 100, all at once.
  const cLatencies: number[] = [];
  const succeeded: number[] = [];
  let refused = 0;
  let errors5xx = 0;
  let busyMs = 0;
  for (let round = 0; round < rounds; round += 1) {
    const id = await volunteer(1000 + round, 100);
    const burst = await Promise.all(Array.from({ length: 50 }, () => codeOf(id, 30, shops[0]!)));
    const t = performance.now();
    const answers = await Promise.all(burst.map((code) => confirm(code, cLatencies)));
    busyMs += performance.now() - t;
    succeeded.push(answers.filter((a) => a.status === 201).length);
    refused += answers.filter((a) => a.status === 422).length;
    errors5xx += answers.filter((a) => a.status >= 500).length;
  }
  const cSorted = [...cLatencies].sort((a, b) => a - b);
  return {
    throughput: {
      requests: statuses.length,
      ok: statuses.filter((s) => s === 201).length,
      errors5xx: statuses.filter((s) => s >= 500).length,
      requestsPerSecond: statuses.length / (tMs / 1000),
      p50: percentile(tSorted, 50),
      p99: percentile(tSorted, 99),
    },
    contention: {
      rounds,
      requests: cLatencies.length,
      succeeded,
      refused,
      errors5xx,
      requestsPerSecond: cLatencies.length / (busyMs / 1000),
      p50: percentile(cSorted, 50),
      p99: percentile(cSorted, 99),
    },
  };
}
