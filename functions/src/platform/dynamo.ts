import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { optionalEnv, requireEnv } from './env';

/** The table every repository reads and writes. */
export const tableName = requireEnv('TABLE_NAME');

const endpoint = optionalEnv('DYNAMODB_ENDPOINT');

/**
 * Low-level client; DYNAMODB_ENDPOINT points it at DynamoDB Local in dev and tests.
 * Local credentials are dummies because DynamoDB Local accepts any.
 */
export const dynamoClient = new DynamoDBClient(
  endpoint
    ? {
        endpoint,
        region: process.env.AWS_REGION ?? 'cn-northwest-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }
    : {},
);

/** Document client: plain JS values in and out; undefined attributes are dropped, not errors. */
export const documentClient = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true },
});
