/** DynamoDB reads and writes of residents' co-signs (附议) and ratings (评价) of a topic, and the moderation of a rating's comment. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import { OPEN_STATES } from '@linli/shared/domain/agenda/state';
import { documentClient, tableName } from '../platform/dynamo';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { getItem, queryPartition } from '../platform/items';
import { ConditionsFailed, named, transact, writeWithReply } from '../platform/transactions';
import { agendaKey, cosignItem, ratingItem } from './items';
import type { CosignRecord, RatingRecord } from './records';

/** AP33 */
export const getCosign = (topicId: string, memberId: string) =>
  getItem<CosignRecord>(agendaKey.topicCosign(topicId, memberId), true);
export const getRating = (topicId: string, memberId: string) =>
  getItem<RatingRecord>(agendaKey.topicRating(topicId, memberId), true);

/** Every co-signer's member id, read consistently (a merge carries them over). */
export async function listCosigners(topicId: string): Promise<string[]> {
  const ids: string[] = [];
  const pages = paginateQuery(
    { client: documentClient },
    {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
      ExpressionAttributeValues: { ':pk': agendaKey.topic(topicId).pk, ':c': agendaKey.topicCosignPrefix },
      ProjectionExpression: 'memberId',
      ConsistentRead: true,
    },
  );
  for await (const page of pages) for (const item of page.Items ?? []) ids.push(item.memberId as string);
  return ids;
}

export const listRatings = (topicId: string) =>
  queryPartition<RatingRecord>(agendaKey.topic(topicId).pk, {
    sort: { beginsWith: agendaKey.topicRatingPrefix },
    newestFirst: true,
    limit: 50,
  });

export type CountOutcome = 'counted' | 'already' | 'topic-changed';

/** A co-sign: the member's COSIGN item (once) and the topic's count, only while the topic is open. */
export async function cosign(c: CosignRecord, completion?: IdempotencyCompletion): Promise<CountOutcome> {
  const open = Object.fromEntries(OPEN_STATES.map((s, i) => [`:s${i}`, s]));
  try {
    await transact(
      [
        named('cosign', {
          Put: {
            TableName: tableName,
            Item: cosignItem(c),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        named('topic', {
          Update: {
            TableName: tableName,
            Key: agendaKey.topic(c.topicId),
            UpdateExpression: 'ADD cosignCount :one',
            ConditionExpression: `#status IN (${Object.keys(open).join(', ')})`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':one': 1, ...open },
          },
        }),
      ],
      completion,
    );
    return 'counted';
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    return error.has('cosign') ? 'already' : 'topic-changed';
  }
}

/** A rating: the member's RATING item (once) and the topic's sum and count, only once it is done. */
export async function rate(r: RatingRecord, completion?: IdempotencyCompletion): Promise<CountOutcome> {
  try {
    await transact(
      [
        named('rating', {
          Put: {
            TableName: tableName,
            Item: ratingItem(r),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        named('topic', {
          Update: {
            TableName: tableName,
            Key: agendaKey.topic(r.topicId),
            UpdateExpression: 'ADD ratingSum :stars, ratingCount :one',
            ConditionExpression: '#status = :done',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':stars': r.stars, ':one': 1, ':done': 'done' },
          },
        }),
      ],
      completion,
    );
    return 'counted';
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    return error.has('rating') ? 'already' : 'topic-changed';
  }
}

/** Sets or clears the hold or the hiding of a rating's comment (staff moderation). */
export async function moderateRating(
  topicId: string,
  memberId: string,
  change: { release: true } | { hide: { reason: string; at: string } },
  completion?: IdempotencyCompletion,
): Promise<boolean> {
  try {
    await writeWithReply(
      {
        Update: {
          TableName: tableName,
          Key: agendaKey.topicRating(topicId, memberId),
          UpdateExpression: 'release' in change ? 'REMOVE commentHeld' : 'SET commentHidden = :hide REMOVE commentHeld',
          ConditionExpression: 'attribute_exists(pk) AND attribute_exists(#comment)',
          ExpressionAttributeNames: { '#comment': 'comment' },
          ...('hide' in change ? { ExpressionAttributeValues: { ':hide': change.hide } } : {}),
        },
      },
      completion,
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
