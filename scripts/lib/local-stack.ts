import { rm } from 'node:fs/promises';
import { startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local';
import { seed } from './seed';
import { startStreamPoller } from './stream-poller';
import { ensureTable, localClient } from './table-setup';

// Node 20 is supported here; Lambda runs Node 22. The SDK's notice about that is noise locally.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface LocalStackOptions {
  /** Keep data in this folder across restarts; omit for in-memory. */
  dbPath?: string;
  /** Wipe dbPath first. */
  fresh?: boolean;
  /** Port of the local API (0 = any free port). */
  apiPort?: number;
  tableName?: string;
  /** Seed the demo community (default true). */
  seedDemo?: boolean;
  log?: (line: string) => void;
}

export interface LocalStack {
  apiUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  /** Resolves once every outbox subscriber has handled what is on the stream so far. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** Environment the handlers read; the local stack sets it before loading them. */
export function localFunctionEnv(endpoint: string, tableName: string): Record<string, string> {
  return {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    AWS_REGION: 'cn-northwest-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    // Dev-only signing key; AWS deployments read theirs from Secrets Manager.
    JWT_SECRET: process.env.JWT_SECRET ?? 'linli-local-dev-secret-not-for-production',
    WECHAT_MODE: 'dev',
    POWERTOOLS_SERVICE_NAME: 'linli-local',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** DynamoDB Local + the table + demo data + the local API, all on 127.0.0.1. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const tableName = options.tableName ?? 'linli';
  if (options.dbPath && options.fresh) await rm(options.dbPath, { recursive: true, force: true });
  const db: RunningDynamoDb = await startDynamoDbLocal({ dbPath: options.dbPath, log });
  try {
    const client = localClient(db.endpoint);
    const table = await ensureTable(client, tableName);
    log(`table ${tableName}: ${table}`);
    if (options.seedDemo !== false) {
      const { written, kept } = await seed(client, tableName);
      log(`seed: ${written} written, ${kept} already there`);
    }
    client.destroy();
    Object.assign(process.env, localFunctionEnv(db.endpoint, tableName));
    // Loaded only now: the handlers read their environment at module load, as in Lambda.
    const { startLocalApi } = await import('../../functions/src/local/server');
    const { subscriptions } = await import('../../functions/src/subscriptions');
    const { writeReminders } = await import('../../functions/src/notify/reminders');
    const { writeVisitReminders } = await import('../../functions/src/care');
    const api = await startLocalApi(options.apiPort ?? 0);
    // One stream poller per outbox subscriber, as each has its own event source in AWS.
    const pollers = await Promise.all(
      subscriptions.map(async (subscriber) => {
        const { handler } = (await import(subscriber.entry)) as {
          handler: Parameters<typeof startStreamPoller>[0]['handler'];
        };
        return startStreamPoller({
          endpoint: db.endpoint,
          tableName,
          handler,
          onError: (error) => log(`${subscriber.name}: ${error instanceof Error ? error.message : String(error)}`),
        });
      }),
    );
    // In AWS an EventBridge schedule runs the reminder job daily; locally, at start and hourly.
    const remind = () =>
      Promise.all([writeReminders(), writeVisitReminders()]).catch((error: unknown) =>
        log(`reminders: ${error instanceof Error ? error.message : String(error)}`),
      );
    void remind();
    const reminderTimer = setInterval(remind, 3600_000);
    reminderTimer.unref();
    return {
      apiUrl: api.url,
      dynamoEndpoint: db.endpoint,
      tableName,
      settled: async () => {
        await Promise.all(pollers.map((p) => p.caughtUp()));
      },
      stop: async () => {
        clearInterval(reminderTimer);
        await Promise.all(pollers.map((p) => p.stop()));
        await api.close();
        await db.stop();
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}
