/**
 * Booking contention: R rounds of 100 residents booking the same 20-seat session at once
 * through the local API. Reports requests/s over each burst and the latency percentiles.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BENCH_COMMUNITY, apiCaller, percentile, residentTokens, staffToken } from './bench-kit';

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

export async function bookingContention(
  apiUrl: string,
  client: DynamoDBClient,
  tableName: string,
  /** `beforeBurst`: runs once a round is set up, just before its burst (the bench measures its floors there). */
  options: { rounds?: number; residents?: number; seats?: number; beforeBurst?: () => Promise<void> } = {},
): Promise<ContentionResult> {
  const rounds = options.rounds ?? 3;
  const residents = options.residents ?? 100;
  const seats = options.seats ?? 20;
  const communityId = BENCH_COMMUNITY;
  const call = apiCaller(apiUrl);
  const staff = await staffToken();
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
    const tokens = await residentTokens(client, tableName, residents, {
      idPrefix: `bench-${round}`,
      birthDate: '1950-01-01',
    });
    await options.beforeBurst?.();
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
