/**
 * The floor for any function that touches the table: the document client and one GetItem.
 * Every Linli function's bundle size and cold require time are compared with this one.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event: { pk: string; sk: string }) =>
  (await client.send(new GetCommand({ TableName: process.env.TABLE_NAME ?? 'linli', Key: event }))).Item ?? null;
