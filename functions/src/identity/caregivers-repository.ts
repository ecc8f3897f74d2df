/** DynamoDB reads and writes of dependent links (代办) and the care grants that let a caregiver act for a member. */
import { DomainError } from '@linli/shared/domain-error';
import { tableName } from '../platform/dynamo';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { getItem, queryIndex } from '../platform/items';
import { outboxPut } from '../platform/outbox';
import { ConditionsFailed, named, transact, type NamedWrite } from '../platform/transactions';
import type { IdentityEvent as OutboxEvent } from './events';
import { careGrantItem, identityIndex, identityKey, linkItem, memberItem } from './items';
import type { LinkRecord, MemberRecord } from './records';

/**
 * Files a link request: the care grant (pending) guards against a second request for the same
 * pair; a new dependent's member record is created pending in the same transaction.
 */
export async function createLink(
  link: LinkRecord,
  newDependent?: MemberRecord,
  completion?: IdempotencyCompletion,
): Promise<void> {
  const writes: NamedWrite[] = [
    named('care-grant', {
      Put: {
        TableName: tableName,
        Item: careGrantItem(link.dependentMemberId, link.caregiverUserId, 'pending', link.linkId),
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :rejected',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':rejected': 'rejected' },
      },
    }),
    named('link', {
      Put: { TableName: tableName, Item: linkItem(link), ConditionExpression: 'attribute_not_exists(pk)' },
    }),
  ];
  if (newDependent) {
    writes.push(
      named('dependent', {
        Put: { TableName: tableName, Item: memberItem(newDependent), ConditionExpression: 'attribute_not_exists(pk)' },
      }),
    );
  }
  try {
    await transact(writes, completion);
  } catch (error) {
    if (error instanceof ConditionsFailed) throw new DomainError('DEPENDENT_ALREADY_LINKED');
    throw error;
  }
}

export const getLink = (linkId: string) => getItem<LinkRecord>(identityKey.link(linkId));

export const listUserLinks = (userId: string) => queryIndex<LinkRecord>('gsi1', identityIndex.userLinks(userId));

export const listCommunityLinks = (communityId: string, status: string) =>
  queryIndex<LinkRecord>('gsi2', identityIndex.communityLinks(communityId, status));

/** Confirms or refuses a link; the care grant and a new dependent's record follow in one transaction. */
export async function decideLink(
  link: LinkRecord,
  outcome: { status: 'active' | 'rejected'; reason?: string },
  dependentWasPending: boolean,
  staffUserId: string,
  at: string,
  event: OutboxEvent,
  completion?: IdempotencyCompletion,
): Promise<void> {
  const names = { '#status': 'status' };
  const writes: NamedWrite[] = [
    named('outbox', outboxPut(event)),
    named('link', {
      Update: {
        TableName: tableName,
        Key: identityKey.link(link.linkId),
        UpdateExpression: `SET #status = :status, decidedAt = :at, decidedBy = :by, gsi2pk = :gsi2pk${
          outcome.reason ? ', reason = :reason' : ''
        }`,
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ':status': outcome.status,
          ':pending': 'pending',
          ':at': at,
          ':by': staffUserId,
          ':gsi2pk': identityIndex.communityLinks(link.communityId, outcome.status),
          ...(outcome.reason ? { ':reason': outcome.reason } : {}),
        },
      },
    }),
    named('care-grant', {
      Update: {
        TableName: tableName,
        Key: identityKey.careGrant(link.dependentMemberId, link.caregiverUserId),
        UpdateExpression: 'SET #status = :status',
        ConditionExpression: 'linkId = :linkId AND #status = :pending',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':status': outcome.status, ':linkId': link.linkId, ':pending': 'pending' },
      },
    }),
  ];
  if (dependentWasPending) {
    writes.push(
      named('dependent', {
        Update: {
          TableName: tableName,
          Key: identityKey.member(link.dependentMemberId),
          UpdateExpression: 'SET #status = :status',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: {
            ':status': outcome.status === 'active' ? 'verified' : 'rejected',
            ':pending': 'pending',
          },
        },
      }),
    );
  }
  try {
    await transact(writes, completion);
  } catch (error) {
    if (error instanceof ConditionsFailed) throw new DomainError('ALREADY_DECIDED');
    throw error;
  }
}

/** AP12: the status of user's right to act for member, if any. */
export async function careGrantStatus(memberId: string, userId: string): Promise<string | undefined> {
  return (await getItem<{ status: string }>(identityKey.careGrant(memberId, userId)))?.status;
}
