/**
 * The writes of one posting, as TransactWriteItems entries: the posting (unique on its key), one
 * entry per account, each account's balance moved with a condition that keeps a volunteer's or a
 * merchant's balance at or above zero, and the month figures. No client here: the seed builds
 * its demo posting with the same function the ledger uses.
 */
import { ISSUANCE_ACCOUNT, merchantAccount, mayGoNegative, parseAccount } from '@linli/shared/domain/points/ledger';
import { named, type NamedWrite } from '../platform/named-write';
import { ledgerIndex, ledgerKey } from './items';
import type { EntryRecord, PostingRecord } from './records';

/** Write shards of the issuance account (every award touches it; shards keep transactions from colliding). */
export const ISSUANCE_SHARDS = 8;

export interface PostingWriteOptions {
  /** Shard of the issuance account's balance and month figures this posting lands on. */
  shard: number;
  /** A merchant's monthly cap, checked on a redemption. */
  merchantCap?: number;
}

/** Names of a posting's writes whose conditions can fail, and what each failure means. */
export const POSTING_WRITE = {
  /** The posting exists already: the same award or redemption was posted before. */
  posting: 'posting',
  /** `balance:<account>`: the account would go below zero. */
  balance: 'balance:',
  /** The merchant's monthly cap would be exceeded. */
  merchantMonth: 'merchant-month',
} as const;

export function postingWrites(p: PostingRecord, tableName: string, options: PostingWriteOptions): NamedWrite[] {
  const audited = p.kind === 'adjust' || p.kind === 'reversal';
  const writes: NamedWrite[] = [
    named(POSTING_WRITE.posting, {
      Put: {
        TableName: tableName,
        Item: {
          ...ledgerKey.posting(p.communityId, p.postingKey),
          type: 'Posting',
          ...p,
          gsi2pk: ledgerIndex.postingId(p.postingId),
          gsi2sk: 'POSTING',
          ...(audited
            ? { gsi1pk: ledgerIndex.pointsAudit(p.communityId), gsi1sk: `${p.postedAt}#${p.postingId}` }
            : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),
  ];
  for (const e of p.entries) {
    const entry: EntryRecord = {
      communityId: p.communityId,
      account: e.account,
      postingId: p.postingId,
      postingKey: p.postingKey,
      kind: p.kind,
      amount: e.amount,
      reason: p.reason,
      postedAt: p.postedAt,
      month: p.month,
      redemption: p.redemption,
    };
    writes.push(
      named(`entry:${e.account}`, {
        Put: {
          TableName: tableName,
          Item: {
            ...ledgerKey.entry(p.communityId, e.account, p.month, p.postedAt, p.postingId),
            type: 'PointsEntry',
            ...entry,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
    );
  }
  for (const e of p.entries) {
    const issuance = e.account === ISSUANCE_ACCOUNT;
    const debit = e.amount < 0 && !mayGoNegative(e.account);
    writes.push(
      named(`${POSTING_WRITE.balance}${e.account}`, {
        Update: {
          TableName: tableName,
          Key: ledgerKey.balance(p.communityId, e.account, issuance ? options.shard : undefined),
          UpdateExpression: 'SET communityId = :c, account = :a, #type = :t ADD balance :amount',
          ...(debit ? { ConditionExpression: 'balance >= :need' } : {}),
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':c': p.communityId,
            ':a': e.account,
            ':t': 'PointsBalance',
            ':amount': e.amount,
            ...(debit ? { ':need': -e.amount } : {}),
          },
        },
      }),
    );
  }
  // Month figures: points the community issued (net of reversals), points each merchant accepted.
  const issued = -(p.entries.find((e) => e.account === ISSUANCE_ACCOUNT)?.amount ?? 0);
  if (issued !== 0) {
    writes.push(
      named('issuance-month', {
        Update: {
          TableName: tableName,
          Key: ledgerKey.month(p.communityId, ISSUANCE_ACCOUNT, p.month, options.shard),
          UpdateExpression: 'SET #month = :m, #type = :t ADD issued :issued',
          ExpressionAttributeNames: { '#month': 'month', '#type': 'type' },
          ExpressionAttributeValues: { ':m': p.month, ':t': 'PointsMonth', ':issued': issued },
        },
      }),
    );
  }
  const merchantEntry = p.entries.find((e) => parseAccount(e.account)?.kind === 'merchant');
  if (merchantEntry) {
    const merchantId = parseAccount(merchantEntry.account)!.id!;
    const accepted = merchantEntry.amount;
    const capped = p.kind === 'redeem' && options.merchantCap !== undefined;
    const count = p.kind === 'redeem' ? 1 : p.kind === 'reversal' && p.redemption ? -1 : 0;
    const fen = (p.redemption?.deductionFen ?? 0) * Math.sign(accepted);
    writes.push(
      named(POSTING_WRITE.merchantMonth, {
        Update: {
          TableName: tableName,
          Key: ledgerKey.month(p.communityId, merchantAccount(merchantId), p.month),
          UpdateExpression: 'SET #month = :m, #type = :t ADD redeemed :p, redemptions :n, deductionFen :fen',
          ...(capped
            ? { ConditionExpression: '(attribute_not_exists(redeemed) AND :p <= :cap) OR redeemed <= :room' }
            : {}),
          ExpressionAttributeNames: { '#month': 'month', '#type': 'type' },
          ExpressionAttributeValues: {
            ':m': p.month,
            ':t': 'PointsMonth',
            ':p': accepted,
            ':n': count,
            ':fen': fen,
            ...(capped ? { ':cap': options.merchantCap, ':room': options.merchantCap! - accepted } : {}),
          },
        },
      }),
    );
  }
  return writes;
}
