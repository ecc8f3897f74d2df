/**
 * transact() reports a cancelled transaction by the names of the writes whose conditions
 * failed, on DynamoDB Local, and a completion that lost its claim as IDEMPOTENCY_IN_PROGRESS
 * (not as one of the effect's own conditions, which would tell a retry the wrong answer).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@linli/shared/errors';
import { ulid } from 'ulidx';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { ConditionsFailed, named, transact } from '../../functions/src/platform/transactions';

const pk = () => `TEST#transact#${ulid()}`;

const create = (key: { pk: string; sk: string }, extra: Record<string, unknown> = {}) => ({
  Put: { TableName: tableName, Item: { ...key, ...extra }, ConditionExpression: 'attribute_not_exists(pk)' },
});

describe('transact', () => {
  it('writes every named write together', async () => {
    const a = { pk: pk(), sk: 'A' };
    const b = { pk: pk(), sk: 'B' };
    await transact([named('a', create(a)), named('b', create(b))]);
    const got = await documentClient.send(new GetCommand({ TableName: tableName, Key: b, ConsistentRead: true }));
    expect(got.Item).toEqual(b);
  });

  it('names the writes that failed, with the old item when asked, and writes nothing', async () => {
    const taken = { pk: pk(), sk: 'TAKEN' };
    await documentClient.send(new PutCommand({ TableName: tableName, Item: { ...taken, owner: 'first' } }));
    const fresh = { pk: pk(), sk: 'FRESH' };
    const attempt = transact([
      named('fresh', create(fresh)),
      named('taken', {
        Put: {
          ...create(taken, { owner: 'second' }).Put,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      }),
    ]);
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConditionsFailed);
    const failed = error as ConditionsFailed;
    expect([...failed.failed.keys()]).toEqual(['taken']);
    expect(failed.has('fresh')).toBe(false);
    expect(failed.old('taken')).toMatchObject({ owner: 'first' });
    const got = await documentClient.send(new GetCommand({ TableName: tableName, Key: fresh, ConsistentRead: true }));
    expect(got.Item).toBeUndefined();
  });

  it('finds a failed write by the prefix of its name', async () => {
    const stock = { pk: pk(), sk: 'dish-d2' };
    await documentClient.send(new PutCommand({ TableName: tableName, Item: { ...stock, left: 0 } }));
    const error = await transact([
      named('stock:d2', {
        Update: {
          TableName: tableName,
          Key: stock,
          UpdateExpression: 'SET #left = #left - :one',
          ConditionExpression: '#left >= :one',
          ExpressionAttributeNames: { '#left': 'left' },
          ExpressionAttributeValues: { ':one': 1 },
        },
      }),
    ]).catch((e: unknown) => e);
    expect((error as ConditionsFailed).hasPrefix('stock:')).toBe('stock:d2');
    expect((error as ConditionsFailed).hasPrefix('limit:')).toBeUndefined();
  });

  it('answers IDEMPOTENCY_IN_PROGRESS when only the completion lost its claim', async () => {
    const record = { pk: pk(), sk: 'IDEMPOTENCY' };
    await documentClient.send(new PutCommand({ TableName: tableName, Item: { ...record, claimId: 'someone-else' } }));
    const completion = {
      Put: {
        TableName: tableName,
        Item: { ...record, claimId: 'mine', status: 'COMPLETED' },
        ConditionExpression: '#claimId = :claimId',
        ExpressionAttributeNames: { '#claimId': 'claimId' },
        ExpressionAttributeValues: { ':claimId': 'mine' },
      },
    };
    const effect = { pk: pk(), sk: 'EFFECT' };
    const error = await transact([named('effect', create(effect))], completion).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('IDEMPOTENCY_IN_PROGRESS');
    const got = await documentClient.send(new GetCommand({ TableName: tableName, Key: effect, ConsistentRead: true }));
    expect(got.Item).toBeUndefined();
  });
});
