import { startDynamoDbLocal } from '../../scripts/lib/dynamodb-local';
import { localFunctionEnv } from '../../scripts/lib/local-stack';
import { ensureTable, localClient } from '../../scripts/lib/table-setup';
import { clearRouteCoverage } from './route-coverage-files';

/** One in-memory DynamoDB Local per run; each test scopes its data by fresh ids. */
export default async function integrationGlobalSetup(): Promise<void> {
  clearRouteCoverage();
  const db = await startDynamoDbLocal();
  const tableName = `linli-it-${Date.now()}`;
  const client = localClient(db.endpoint);
  await ensureTable(client, tableName);
  client.destroy();
  // Workers start after this and inherit the environment, as a Lambda inherits its configuration.
  Object.assign(process.env, localFunctionEnv(db.endpoint, tableName), {
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'SILENT',
  });
  (globalThis as { __linliDynamo?: { stop(): Promise<void> } }).__linliDynamo = db;
}
