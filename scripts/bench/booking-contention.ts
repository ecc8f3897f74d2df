/**
 * Booking contention: R rounds of 100 residents booking the same 20-seat session at once
 * through the local API. Reports requests/s over each burst and the latency percentiles.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { householdKey } from '../../shared/src/domain/identity/person';
import { memberItem } from '../../functions/src/identity/items';

export interface ContentionResult {
  rounds: number;
  requests: number;
  booked: number;
  waitlisted: number;
  errors5xx: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function bookingContention(
  apiUrl: string,
  client: DynamoDBClient,
  tableName: string,
  options: { rounds?: number; residents?: number; seats?: number } = {},
): Promise<ContentionResult> {
  const rounds = options.rounds ?? 3;
  const residents = options.residents ?? 100;
  const seats = options.seats ?? 20;
  // Loaded here: the handlers' modules read the stack's environment when first imported.
  const { signAccessToken } = await import('../../functions/src/platform/auth');
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const communityId = 'anjuyuan';
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
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const staff = await signAccessToken({ userId: 'u-staff', name: '刘晶', grants: [{ role: 'staff', communityId }] });
  const venue = await call('POST', `/community/${communityId}/venues`, staff, {
    name: `压测场所${randomBytes(2).toString('hex')}`,
    place: '压测',
    capacity: seats,
  });
  const latencies: number[] = [];
  let booked = 0;
  let waitlisted = 0;
  let errors5xx = 0;
  let busyMs = 0;
  for (let round = 0; round < rounds; round += 1) {
    const start = Date.now() + (round + 1) * 3 * 3600_000;
    const session = await call('POST', `/community/${communityId}/sessions`, staff, {
      title: `压测议事会${round + 1}`,
      venueId: venue.body.venueId,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3600_000).toISOString(),
      audience: { kind: 'community' },
    });
    const tokens = await Promise.all(
      Array.from({ length: residents }, async (_, i) => {
        const memberId = `bench-${round}-${i}-${randomBytes(3).toString('hex')}`;
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
              birthDate: '1950-01-01',
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
        const res = await call(
          'POST',
          `/community/${communityId}/sessions/${String(session.body.sessionId)}/bookings`,
          token,
        );
        latencies.push(performance.now() - t);
        return res;
      }),
    );
    busyMs += performance.now() - burstStart;
    for (const a of answers) {
      if (a.status >= 500) errors5xx += 1;
      if (a.body.status === 'booked') booked += 1;
      if (a.body.status === 'waitlisted') waitlisted += 1;
    }
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    rounds,
    requests: latencies.length,
    booked,
    waitlisted,
    errors5xx,
    requestsPerSecond: latencies.length / (busyMs / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}
