/**
 * A user's roles as appointments change them (the PROFILE item belongs to identity): read with
 * its revision, and written back only while that revision still holds, so two appointments never
 * overwrite each other. Used by street appointments and by grid-worker appointments alike.
 */
import type { RoleGrant } from '@linli/shared/contract/principal';
import { tableName } from './dynamo';
import { getItem } from './items';
import { key } from '../table';

/** The fields of a user's PROFILE item that appointments change. */
export interface UserGrants {
  userId: string;
  name: string;
  grants: RoleGrant[];
  tokenVersion: number;
  /** Bumped on every change of `grants`, so two changes never overwrite each other. */
  grantsRev?: number;
}

export const getUserGrants = (userId: string) => getItem<UserGrants>(key.user(userId), true);

/**
 * The grants update of a user, guarded by the revision that was read. `revokeSessions` moves the
 * token version on, which stops every refresh token the user holds, as at logout.
 */
export function userGrantsUpdate(user: UserGrants, grants: RoleGrant[], revokeSessions: boolean) {
  const rev = user.grantsRev ?? 0;
  return {
    Update: {
      TableName: tableName,
      Key: key.user(user.userId),
      UpdateExpression: `SET grants = :grants, grantsRev = :next${revokeSessions ? ', tokenVersion = tokenVersion + :one' : ''}`,
      ConditionExpression:
        'attribute_exists(pk) AND (grantsRev = :rev OR (attribute_not_exists(grantsRev) AND :rev = :zero))',
      ExpressionAttributeValues: {
        ':grants': grants,
        ':next': rev + 1,
        ':rev': rev,
        ':zero': 0,
        ...(revokeSessions ? { ':one': 1 } : {}),
      },
    },
  };
}
