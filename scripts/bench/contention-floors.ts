/**
 * The floors under the contention benches, measured on the same DynamoDB Local in the same run:
 * N bare conditional decrements of one item, and N two-item transactions (decrement the stock,
 * put an order) at once, each retried with jittered backoff when DynamoDB reports a transaction
 * conflict. No API, no reads: what a contended write costs at the least. The caller warms the
 * database first and runs a burst before each contended round, combining them (combineFloors; see
 * contentionPass in scripts/bench.ts).
 */
import { randomBytes } from 'node:crypto';
import { TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { percentile } from './bench-kit';

export interface FloorResult {
  requests: number;
  succeeded: number;
  p50: number;
  p99: number;
  /** The longest burst's time from first request to last answer. */
  totalMs: number;
  /** Every request's latency, ascending. */
  latencies: number[];
  bursts: number;
}

/** Several bursts of one floor as one: percentiles over all their requests. */
export function combineFloors(results: FloorResult[]): FloorResult {
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    requests: results.reduce((n, r) => n + r.requests, 0),
    succeeded: results.reduce((n, r) => n + r.succeeded, 0),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    totalMs: Math.max(...results.map((r) => r.totalMs)),
    latencies,
    bursts: results.reduce((n, r) => n + r.bursts, 0),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function burst(n: number, one: () => Promise<boolean>): Promise<FloorResult> {
  const latencies: number[] = [];
  const start = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: n }, async () => {
      const t = performance.now();
      const ok = await one();
      latencies.push(performance.now() - t);
      return ok;
    }),
  );
  const totalMs = performance.now() - start;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: n,
    succeeded: outcomes.filter(Boolean).length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    totalMs,
    latencies: sorted,
    bursts: 1,
  };
}

export async function contentionFloors(
  client: DynamoDBClient,
  tableName: string,
  options: { requests?: number; stock?: number } = {},
): Promise<{ decrement: FloorResult; transaction: FloorResult }> {
  const n = options.requests ?? 300;
  const stock = options.stock ?? 50;
  const doc = DynamoDBDocumentClient.from(client);
  const run = randomBytes(4).toString('hex');
  const stockKey = (kind: string) => ({ pk: `BENCH#${run}#${kind}`, sk: 'STOCK' });
  const decrement = (kind: string) => ({
    TableName: tableName,
    Key: stockKey(kind),
    UpdateExpression: 'SET #left = #left - :one',
    ConditionExpression: '#left > :zero',
    ExpressionAttributeNames: { '#left': 'left' },
    ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
  });
  for (const kind of ['decrement', 'transaction']) {
    await doc.send(new PutCommand({ TableName: tableName, Item: { ...stockKey(kind), left: stock } }));
  }

  const bare = await burst(n, async () => {
    try {
      await doc.send(new UpdateCommand(decrement('decrement')));
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  });

  const transaction = await burst(n, async () => {
    const orderId = randomBytes(8).toString('hex');
    for (let attempt = 0; ; attempt += 1) {
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: decrement('transaction') },
              {
                Put: {
                  TableName: tableName,
                  Item: { pk: `BENCH#${run}#ORDER#${orderId}`, sk: 'ORDER', createdAt: new Date().toISOString() },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
        return true;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) return false;
        if (attempt >= 50) throw error;
        await sleep(Math.random() * Math.min(100, 5 * 2 ** attempt));
      }
    }
  });
  return { decrement: bare, transaction };
}
