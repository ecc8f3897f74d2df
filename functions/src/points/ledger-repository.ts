/** Reads and writes of the points ledger: postings, balances, month figures and settings. */
import { ISSUANCE_ACCOUNT } from '@linli/shared/domain/points/ledger';
import { tableName } from '../platform/dynamo';
import { batchGetItems, getItem, queryIndex, queryPartition } from '../platform/items';
import { outboxPut } from '../platform/outbox';
import type { PointsEvent as OutboxEvent } from './events';
import { withOptimisticRetry } from '../platform/retry';
import type { IdempotencyCompletion } from '../platform/idempotency';
import { ConditionsFailed, named, transact, writeWithReply, type NamedWrite } from '../platform/transactions';
import { ledgerIndex, ledgerKey, pointsKey, settingsItem } from './items';
import { ISSUANCE_SHARDS, POSTING_WRITE, postingWrites } from './ledger-items';
import { DEFAULT_POINTS_SETTINGS, type EntryRecord, type PointsSettings, type PostingRecord } from './records';

// ── the ledger ───────────────────────────────────────────────────────────────

export type PostOutcome =
  | { outcome: 'posted' }
  | { outcome: 'duplicate' }
  | { outcome: 'insufficient'; account: string }
  | { outcome: 'cap' }
  /** One of the caller's own writes failed its condition (its name among `extra`). */
  | { outcome: 'extra-failed'; name: string };

/**
 * Appends a posting in one transaction with its entries, the balances, the month figures, the
 * caller's own writes (`extra`, e.g. a signup marked confirmed) and outbox events. Nothing is
 * written unless all of it is, and with it the request's idempotency completion when given.
 */
export async function post(
  p: PostingRecord,
  options: {
    merchantCap?: number;
    /** The caller's own writes, each named with the `extra:` prefix. */
    extra?: NamedWrite[];
    events?: OutboxEvent[];
    completion?: IdempotencyCompletion;
  } = {},
): Promise<PostOutcome> {
  const shard = Math.floor(Math.random() * ISSUANCE_SHARDS);
  const writes = [
    ...postingWrites(p, tableName, { shard, merchantCap: options.merchantCap }),
    ...(options.extra ?? []),
    ...(options.events ?? []).map((e) => named('outbox', outboxPut(e))),
  ];
  // Transactions that collide on a balance are tried again (with backoff); conditions decide the rest.
  return withOptimisticRetry(async () => {
    try {
      await transact(writes, options.completion);
      return { outcome: 'posted' } as const;
    } catch (error) {
      if (!(error instanceof ConditionsFailed)) throw error;
      return outcomeOf(error);
    }
  }, 20);
}

function outcomeOf(failed: ConditionsFailed): PostOutcome {
  if (failed.has(POSTING_WRITE.posting)) return { outcome: 'duplicate' };
  const balance = failed.hasPrefix(POSTING_WRITE.balance);
  if (balance) return { outcome: 'insufficient', account: balance.slice(POSTING_WRITE.balance.length) };
  if (failed.has(POSTING_WRITE.merchantMonth)) return { outcome: 'cap' };
  const extra = failed.hasPrefix(EXTRA);
  if (extra) return { outcome: 'extra-failed', name: extra };
  throw new Error(`posting failed its conditions: ${[...failed.failed.keys()].join(', ')}`);
}

/** Prefix of the names of a caller's own writes in a posting's transaction. */
export const EXTRA = 'extra:';

export const getPostingByKey = (communityId: string, postingKey: string) =>
  getItem<PostingRecord>(ledgerKey.posting(communityId, postingKey), true);

export async function getPostingById(postingId: string): Promise<PostingRecord | undefined> {
  return (await queryIndex<PostingRecord>('gsi2', ledgerIndex.postingId(postingId), { limit: 1 }))[0];
}

/** An account's balance (the issuance account's is the sum of its shards). */
export async function balanceOf(communityId: string, account: string): Promise<number> {
  if (account === ISSUANCE_ACCOUNT) {
    const shards = await queryPartition<{ balance?: number }>(ledgerKey.balance(communityId, account).pk, {
      sort: { beginsWith: ledgerKey.balance(communityId, account).sk },
    });
    return shards.reduce((sum, s) => sum + (s.balance ?? 0), 0);
  }
  return (await getItem<{ balance?: number }>(ledgerKey.balance(communityId, account), true))?.balance ?? 0;
}

/** AP55: the balances of several (non-issuance) accounts, missing ones as 0, in one batch read per 100. */
export async function balancesOf(communityId: string, accounts: string[]): Promise<number[]> {
  const found = await batchGetItems<{ account: string; balance?: number }>(
    accounts.map((a) => ledgerKey.balance(communityId, a)),
  );
  const byAccount = new Map(found.map((b) => [b.account, b.balance ?? 0]));
  return accounts.map((a) => byAccount.get(a) ?? 0);
}

/** AP56: an account's entries, newest first (of one month, when given). */
export function accountEntries(communityId: string, account: string, options: { month?: string; limit?: number } = {}) {
  return queryPartition<EntryRecord>(ledgerKey.balance(communityId, account).pk, {
    sort: { beginsWith: ledgerKey.entryPrefix(options.month) },
    newestFirst: true,
    limit: options.limit,
  });
}

export interface MonthRow {
  month: string;
  issued?: number;
  redeemed?: number;
  redemptions?: number;
  deductionFen?: number;
}

/** AP59: an account's month figures, the issuance account's shards summed. */
export async function monthFigures(communityId: string, account: string): Promise<MonthRow[]> {
  const rows = await queryPartition<MonthRow>(ledgerKey.balance(communityId, account).pk, {
    sort: { beginsWith: ledgerKey.monthPrefix },
  });
  const byMonth = new Map<string, MonthRow>();
  for (const r of rows) {
    const m = byMonth.get(r.month) ?? { month: r.month };
    m.issued = (m.issued ?? 0) + (r.issued ?? 0);
    m.redeemed = (m.redeemed ?? 0) + (r.redeemed ?? 0);
    m.redemptions = (m.redemptions ?? 0) + (r.redemptions ?? 0);
    m.deductionFen = (m.deductionFen ?? 0) + (r.deductionFen ?? 0);
    byMonth.set(r.month, m);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export const listAudit = (communityId: string) =>
  queryIndex<PostingRecord>('gsi1', ledgerIndex.pointsAudit(communityId), { newestFirst: true, limit: 200 });

/** The writes that mark a posting and its entries reversed, to go with the reversal. */
export function markReversedWrites(original: PostingRecord, reversalId: string): NamedWrite[] {
  return [
    named(`${EXTRA}original-unreversed`, {
      Update: {
        TableName: tableName,
        Key: ledgerKey.posting(original.communityId, original.postingKey),
        UpdateExpression: 'SET reversedBy = :r',
        ConditionExpression: 'attribute_not_exists(reversedBy)',
        ExpressionAttributeValues: { ':r': reversalId },
      },
    }),
    ...original.entries.map((e) =>
      named(`${EXTRA}entry-reversed:${e.account}`, {
        Update: {
          TableName: tableName,
          Key: ledgerKey.entry(original.communityId, e.account, original.month, original.postedAt, original.postingId),
          UpdateExpression: 'SET reversed = :yes',
          ExpressionAttributeValues: { ':yes': true },
        },
      }),
    ),
  ];
}

export async function getSettings(communityId: string): Promise<PointsSettings> {
  const stored = await getItem<Partial<PointsSettings>>(pointsKey.settings(communityId));
  return { ...DEFAULT_POINTS_SETTINGS, ...stored };
}

export async function putSettings(
  communityId: string,
  settings: PointsSettings,
  completion?: IdempotencyCompletion,
): Promise<void> {
  await writeWithReply(
    {
      Put: {
        TableName: tableName,
        Item: settingsItem(communityId, settings),
      },
    },
    completion,
  );
}
