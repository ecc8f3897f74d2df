/**
 * Finds every item that carries a person's data, through the access patterns the features keep
 * (no Scan), and rewrites or deletes them. The only DynamoDB code of account erasure and data copy.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { volunteerAccount } from '@linli/shared/domain/points/ledger';
import { documentClient, tableName } from '../platform/dynamo';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { writeWithReply } from '../platform/transactions';
import { agendaIndex, agendaKey } from '../agenda/items';
import { canteenIndex } from '../canteen/items';
import { councilIndex } from '../council/items';
import { identityIndex } from '../identity/items';
import { ledgerKey, pointsIndex, pointsKey } from '../points/items';
import { GSI, key } from '../table';
import { privacyConsentItem, privacyKey } from './items';

export type RawItem = Record<string, unknown> & { pk: string; sk: string };

async function rawQuery(pkValue: string, gsi?: keyof typeof GSI, beginsWith?: string): Promise<RawItem[]> {
  const names = gsi ? { pk: GSI[gsi].partitionKey, sk: GSI[gsi].sortKey } : { pk: 'pk', sk: 'sk' };
  const items: RawItem[] = [];
  const pages = paginateQuery(
    { client: documentClient },
    {
      TableName: tableName,
      IndexName: gsi ? GSI[gsi].name : undefined,
      KeyConditionExpression: beginsWith ? '#pk = :pk AND begins_with(#sk, :sk)' : '#pk = :pk',
      ExpressionAttributeNames: { '#pk': names.pk, ...(beginsWith ? { '#sk': names.sk } : {}) },
      ExpressionAttributeValues: { ':pk': pkValue, ...(beginsWith ? { ':sk': beginsWith } : {}) },
      ConsistentRead: gsi ? undefined : true,
    },
  );
  for await (const page of pages) items.push(...((page.Items ?? []) as RawItem[]));
  return items;
}

/** An item whole: keys, index attributes and type tag included, so a rewrite keeps it in its indexes. */
async function withKeys(k: { pk: string; sk: string }): Promise<RawItem | undefined> {
  const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: k, ConsistentRead: true }));
  return out.Item as RawItem | undefined;
}

/** Index results carry the item as it was; read each again from the table before rewriting it. */
async function fresh(items: RawItem[]): Promise<RawItem[]> {
  const again = await Promise.all(items.map((i) => withKeys({ pk: i.pk, sk: i.sk })));
  return again.filter((i): i is RawItem => i !== undefined);
}

export const getUserItem = (userId: string) => withKeys(key.user(userId));
export const getMemberItem = (memberId: string) => withKeys(key.member(memberId));

/** Everything the person's records reach: their own partitions, and items about them elsewhere. */
export async function personalItems(ids: { userId?: string; memberId?: string; communityId?: string }) {
  const { userId, memberId, communityId } = ids;
  const found: RawItem[] = [];
  if (userId) {
    found.push(...(await rawQuery(key.user(userId).pk)));
    for (const pk of [
      identityIndex.userApplications(userId),
      identityIndex.userLinks(userId),
      pointsIndex.userSignups(userId),
    ]) {
      found.push(...(await fresh(await rawQuery(pk, 'gsi1'))));
    }
  }
  if (memberId) {
    found.push(...(await rawQuery(key.member(memberId).pk)));
    found.push(...(await fresh(await rawQuery(councilIndex.memberBookings(memberId), 'gsi1'))));
    found.push(...(await fresh(await rawQuery(canteenIndex.memberMealOrders(memberId), 'gsi2'))));
    found.push(...(await fresh(await rawQuery(agendaIndex.memberRatings(memberId), 'gsi1'))));
    // Topics the member raised, with every timeline entry (entries name who entered them).
    const topicLinks = found.filter(
      (i) => i.pk === key.member(memberId).pk && i.sk.startsWith(agendaKey.memberTopicPrefix),
    );
    for (const link of topicLinks) found.push(...(await rawQuery(agendaKey.topic(String(link.topicId)).pk)));
  }
  if (userId && communityId) {
    // The volunteer's points account, the postings it took part in, and their 志愿之星 months.
    const account = await rawQuery(ledgerKey.account(communityId, volunteerAccount(userId)));
    found.push(...account);
    const entries = account.filter((i) => i.sk.startsWith(ledgerKey.entryPrefix()));
    for (const postingKey of new Set(entries.map((e) => String(e.postingKey)))) {
      const posting = await withKeys(ledgerKey.posting(communityId, postingKey));
      if (!posting) continue;
      found.push(posting);
      // The other side of each posting (the community's account) repeats its reason.
      const { month, postedAt, postingId } = posting as unknown as {
        month: string;
        postedAt: string;
        postingId: string;
      };
      for (const entry of (posting.entries as { account: string }[] | undefined) ?? []) {
        const side = await withKeys(ledgerKey.entry(communityId, entry.account, month, postedAt, postingId));
        if (side) found.push(side);
      }
    }
    for (const month of new Set(entries.map((e) => String(e.month)))) {
      const star = await withKeys(pointsKey.volunteerStar(communityId, month, userId));
      if (star) found.push(star);
    }
  }
  const seen = new Set<string>();
  return found.filter((i) => {
    const id = `${i.pk}\u0000${i.sk}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Writes an item back as rewritten, only if it still exists. */
export async function rewrite(item: RawItem, completion?: IdempotencyCompletion): Promise<void> {
  await writeWithReply(
    { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_exists(pk)' } },
    completion,
  );
}

export async function remove(item: Pick<RawItem, 'pk' | 'sk'>): Promise<void> {
  await documentClient.send(new DeleteCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }));
}

/** The erased user: no name, no roles, no openid; every refresh token stops working. */
export async function eraseUserProfile(userId: string, at: string, completion?: IdempotencyCompletion): Promise<void> {
  await writeWithReply(
    {
      Update: {
        TableName: tableName,
        Key: key.user(userId),
        UpdateExpression:
          'SET #name = :name, grants = :none, erasedAt = :at ADD tokenVersion :one REMOVE openid, memberId',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':name': ERASED_NAME, ':none': [], ':at': at, ':one': 1 },
      },
    },
    completion,
  );
}

/** What stays in place of a name on records that must be kept (ledger, settlements, attendance). */
export const ERASED_NAME = '已注销用户';

/** A privacy-guide consent as stored (AP97). */
export interface ConsentItem {
  version: string;
  platform: 'weapp' | 'h5';
  agreedAt: string;
}

/**
 * Keeps the first agreement to a version: a repeat (another device, a retry) writes nothing and
 * returns the one on record.
 */
export async function putPrivacyConsent(userId: string, consent: ConsentItem): Promise<ConsentItem> {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: privacyConsentItem(userId, consent),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return consent;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const kept = await withKeys(privacyKey.consent(userId, consent.version));
    return kept as unknown as ConsentItem;
  }
}

/** Every version of the privacy guide the user agreed to, oldest first. */
export async function privacyConsents(userId: string): Promise<ConsentItem[]> {
  return (await rawQuery(key.user(userId).pk, undefined, privacyKey.consentPrefix)) as unknown as ConsentItem[];
}
