/**
 * Guess limiting for typed short codes. A 6-character code is short enough to read aloud, so
 * what keeps it from being guessed is how few tries anyone gets: each user may type at most
 * `CODE_ATTEMPTS_PER_MINUTE` codes that lead nowhere in a calendar minute, counted per scope
 * (redemption, activity). A try is reserved before the lookup with a conditional counter, so
 * concurrent guesses cannot slip past the limit, and handed back when the code was genuine.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@linli/shared/domain-error';
import { platformKey } from './table-items';
import { documentClient, tableName } from './dynamo';

export const CODE_ATTEMPTS_PER_MINUTE = 5;

export interface CodeAttempt {
  /** The code was genuine: the try does not count against the limit. */
  release(): Promise<void>;
}

/** Reserves one try for `userId` in `scope`, or refuses with CODE_ATTEMPTS_EXCEEDED (429). */
export async function reserveCodeAttempt(scope: string, userId: string, now = new Date()): Promise<CodeAttempt> {
  const minute = Math.floor(now.getTime() / 60_000);
  const itemKey = platformKey.codeAttempts(scope, userId, minute);
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: itemKey,
        UpdateExpression: 'ADD tries :one SET expiresAt = :expires, #type = :type',
        ConditionExpression: 'attribute_not_exists(tries) OR tries < :limit',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': CODE_ATTEMPTS_PER_MINUTE,
          ':expires': (minute + 2) * 60,
          ':type': 'CodeAttempts',
        },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new DomainError('CODE_ATTEMPTS_EXCEEDED');
    throw error;
  }
  return {
    release: async () => {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: itemKey,
          UpdateExpression: 'ADD tries :minusOne',
          ExpressionAttributeValues: { ':minusOne': -1 },
        }),
      );
    },
  };
}
