/**
 * The local stand-in for Lambda's DynamoDB Streams event source: reads the table's stream on
 * DynamoDB Local and hands each batch to the same notifier handler Lambda runs, retrying from
 * the first record the handler reports as failed.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { localClient } from './table-setup';

export interface StreamPoller {
  stop(): Promise<void>;
  /** Records handed to the handler so far (including retried ones). */
  delivered(): number;
  /** Resolves after a whole pass over the stream, begun after the call, found nothing new. */
  caughtUp(): Promise<void>;
}

type Handler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

export async function startStreamPoller(options: {
  endpoint: string;
  tableName: string;
  handler: Handler;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): Promise<StreamPoller> {
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: 'cn-northwest-1', credentials });
  const db = localClient(options.endpoint);
  const table = await db.send(new DescribeTableCommand({ TableName: options.tableName }));
  db.destroy();
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);

  let running = true;
  let delivered = 0;
  let pass = 0;
  const waiting: { afterPass: number; resolve: () => void }[] = [];
  const passEnded = (idle: boolean) => {
    pass += 1;
    for (const w of [...waiting]) {
      if (!idle && running) continue;
      if (pass <= w.afterPass && running) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };
  const iterators = new Map<string, string | undefined>();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const refreshShards = async () => {
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of description.StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      const it = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      iterators.set(shard.ShardId, it.ShardIterator);
    }
  };

  const handleBatch = async (shardId: string, records: _Record[]): Promise<boolean> => {
    const event = { Records: records } as unknown as DynamoDBStreamEvent;
    delivered += records.length;
    const result = await options.handler(event);
    const failed = result?.batchItemFailures?.[0]?.itemIdentifier;
    if (!failed) return true;
    // Lambda's behaviour: retry from the first failed record on.
    const it = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        SequenceNumber: failed,
      }),
    );
    iterators.set(shardId, it.ShardIterator);
    return false;
  };

  const loop = async () => {
    while (running) {
      try {
        await refreshShards();
        let idle = true;
        for (const [shardId, iterator] of iterators) {
          if (!iterator || !running) continue;
          const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
          const records = out.Records ?? [];
          if (records.length > 0) {
            idle = false;
            const ok = await handleBatch(shardId, records);
            if (!ok) continue;
          }
          iterators.set(shardId, out.NextShardIterator);
        }
        passEnded(idle);
        if (idle) await sleep(options.intervalMs ?? 200);
      } catch (error) {
        options.onError?.(error);
        await sleep(500);
      }
    }
    passEnded(true);
  };
  const done = loop();
  return {
    delivered: () => delivered,
    // The pass under way may have begun before the records the caller cares about were written.
    caughtUp: () => new Promise<void>((resolve) => waiting.push({ afterPass: pass + 1, resolve })),
    stop: async () => {
      running = false;
      await done;
      streams.destroy();
    },
  };
}
