/** Every DynamoDB read and write of photo tickets. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../platform/dynamo';
import { getItem } from '../platform/items';
import { named, type NamedWrite } from '../platform/transactions';
import { TTL_ATTRIBUTE } from '../table';
import { photoKey, ticketItem, type PhotoTicketRecord } from './items';

/** AP130 */
export const getTicket = (photoId: string) => getItem<PhotoTicketRecord>(photoKey.ticket(photoId), true);

export async function putTicket(t: PhotoTicketRecord): Promise<void> {
  await documentClient.send(
    new PutCommand({ TableName: tableName, Item: ticketItem(t), ConditionExpression: 'attribute_not_exists(pk)' }),
  );
}

/** The name the attach write's failed condition is reported by. */
export const ATTACH_WRITE = 'photo:attach';

/**
 * Marks the ticket attached to `target`, in the transaction of what it is attached to: only the
 * uploader's ticket, only once (the same target again is a retry and passes), and kept for good.
 */
export function attachWrite(t: PhotoTicketRecord, target: string, at: string): NamedWrite {
  return named(ATTACH_WRITE, {
    Update: {
      TableName: tableName,
      Key: photoKey.ticket(t.photoId),
      UpdateExpression: 'SET attachedTo = :target, attachedAt = if_not_exists(attachedAt, :at) REMOVE #ttl',
      ConditionExpression:
        'uploaderUserId = :uploader AND purpose = :purpose AND (attribute_not_exists(attachedTo) OR attachedTo = :target)',
      ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':target': target, ':at': at, ':uploader': t.uploaderUserId, ':purpose': t.purpose },
    },
  });
}
