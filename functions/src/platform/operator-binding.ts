import type { RoleGrant } from '@linli/shared/contract/principal';
import { tableName } from './dynamo';
import type { IdempotencyCompletion } from './idempotency';
import { ConditionsFailed, named, transact } from './transactions';

type Key = { pk: string; sk: string };

/** What binding an operator by invite code writes; the feature supplies its own keys and item. */
export interface OperatorBinding {
  userId: string;
  at: string;
  inviteKey: Key;
  /** The user's operator record: one per user, so a user operates one unit at most. */
  operatorItem: Key & Record<string, unknown>;
  userKey: Key;
  /** The merchant or partner unit that gains its operator. */
  ownerKey: Key;
  grant: RoleGrant;
  /** The request's idempotency completion, committed with the binding (see completionPut). */
  completion?: IdempotencyCompletion;
}

export type BindOutcome = 'bound' | 'invite-used' | 'already-operator' | 'no-user';

/**
 * Binds a user to a merchant or partner unit in one transaction: the invite is used once, the
 * operator record is created once, the user gains the grant, and the unit records its operator.
 */
export async function bindOperatorByInvite(b: OperatorBinding): Promise<BindOutcome> {
  try {
    await transact(
      [
        named('invite', {
          Update: {
            TableName: tableName,
            Key: b.inviteKey,
            UpdateExpression: 'SET #status = :used, usedBy = :u, usedAt = :at',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':used': 'used', ':open': 'open', ':u': b.userId, ':at': b.at },
          },
        }),
        named('operator', {
          Put: {
            TableName: tableName,
            Item: b.operatorItem,
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        named('user', {
          Update: {
            TableName: tableName,
            Key: b.userKey,
            UpdateExpression: 'SET grants = list_append(grants, :grant)',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':grant': [b.grant] },
          },
        }),
        named('owner', {
          Update: {
            TableName: tableName,
            Key: b.ownerKey,
            UpdateExpression: 'SET operatorUserId = :u REMOVE inviteCode',
            ExpressionAttributeValues: { ':u': b.userId },
          },
        }),
      ],
      b.completion,
    );
    return 'bound';
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    if (error.has('invite')) return 'invite-used';
    if (error.has('operator')) return 'already-operator';
    return 'no-user';
  }
}
