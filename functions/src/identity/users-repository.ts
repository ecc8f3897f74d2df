/** DynamoDB reads and writes of users: profiles, the openid behind a login, token versions, demo logins. */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../platform/dynamo';
import { getItem, queryIndex } from '../platform/items';
import { ConditionsFailed, named, transact } from '../platform/transactions';
import { identityIndex, identityKey, openidItem, userItem } from './items';
import type { UserRecord } from './records';

export const getUser = (userId: string) => getItem<UserRecord>(identityKey.user(userId));

export async function findUserIdByOpenid(openid: string): Promise<string | undefined> {
  return (await getItem<{ userId: string }>(identityKey.openid(openid)))?.userId;
}

/** Creates the user and its openid mapping together; if another login won the race, returns its user. */
export async function createUserForOpenid(openid: string, user: UserRecord): Promise<string> {
  try {
    await transact([
      named('openid', {
        Put: {
          TableName: tableName,
          Item: openidItem(openid, user.userId),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
      named('user', {
        Put: { TableName: tableName, Item: userItem(user), ConditionExpression: 'attribute_not_exists(pk)' },
      }),
    ]);
    return user.userId;
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    const existing = await findUserIdByOpenid(openid);
    if (!existing) throw error;
    return existing;
  }
}

/** Revokes every refresh token of the user: refresh checks the version it was issued with. */
export async function bumpTokenVersion(userId: string): Promise<boolean> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: identityKey.user(userId),
        UpdateExpression: 'ADD #tokenVersion :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#tokenVersion': 'tokenVersion' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    return true;
  } catch (error) {
    // No such user (a token outliving its account): nothing to revoke.
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function listDevLogins(): Promise<{ devCode: string; name: string; roleLabel: string }[]> {
  return queryIndex('gsi1', identityIndex.devLogins());
}
