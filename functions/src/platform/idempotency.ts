import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { TABLE_KEYS, TTL_ATTRIBUTE } from '../table';
import { dynamoClient, tableName } from './dynamo';

/** How long a finished request's answer is replayed for a retry with the same key. */
const REPLAY_WINDOW_SECONDS = 24 * 60 * 60;

let persistenceStore: DynamoDBPersistenceLayer | undefined;

function store(): DynamoDBPersistenceLayer {
  persistenceStore ??= new DynamoDBPersistenceLayer({
    tableName,
    awsSdkV3Client: dynamoClient,
    keyAttr: TABLE_KEYS.partitionKey,
    sortKeyAttr: TABLE_KEYS.sortKey,
    expiryAttr: TTL_ATTRIBUTE,
  });
  return persistenceStore;
}

/**
 * Powertools idempotency keyed on (caller, route, Idempotency-Key): a retry replays the first
 * answer, and the same key with a different body is refused (IdempotencyValidationError → 409).
 */
export function idempotencyMiddleware() {
  return makeHandlerIdempotent({
    persistenceStore: store(),
    config: new IdempotencyConfig({
      eventKeyJmesPath: 'linli.idempotency',
      payloadValidationJmesPath: 'linli.validBody',
      throwOnNoIdempotencyKey: true,
      expiresAfterSeconds: REPLAY_WINDOW_SECONDS,
    }),
  });
}
