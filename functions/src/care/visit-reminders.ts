/**
 * The daily message to each grid worker about their overdue visits (run by the daily reminders
 * job). The outbox event's id is derived from the Shanghai date, the community and the worker,
 * so running the job twice on a day sends each worker one message.
 */
import { links } from '@linli/shared/domain/notify/links';
import { todayInShanghai } from '@linli/shared/domain/common/shanghai-time';
import { overdueFirst } from '@linli/shared/domain/care/visits';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { NotifyEvent } from '../notify';
import { documentClient } from '../platform/dynamo';
import { queryIndex } from '../platform/items';
import { outboxPut } from '../platform/outbox';
import { index } from '../table';
import { gridRows, loadContext } from './grid-people';
import { overdueReminderId } from './visit-items';
import * as repo from './visit-repository';

/** The message a grid worker reads; the three who waited longest are named. */
export function overdueMessage(
  communityId: string,
  userId: string,
  people: { name: string; buildingName: string; overdueDays: number }[],
): NotifyEvent {
  const named = people
    .slice(0, 3)
    .map((p) => `${p.buildingName} ${p.name}（超期 ${p.overdueDays} 天）`)
    .join('、');
  return {
    type: 'notify.message',
    communityId,
    userId,
    title: `有 ${people.length} 位老人超期未探访`,
    body: `${named}${people.length > 3 ? ' 等' : ''}。请安排上门或电话探访，并在「我的网格」记录。`,
    link: links.gridHome(communityId),
  };
}

async function writeOnce(event: NotifyEvent, now: Date, eventId: string): Promise<boolean> {
  try {
    await documentClient.send(new TransactWriteCommand({ TransactItems: [outboxPut(event, now, eventId)] }));
    return true;
  } catch (error) {
    if (
      error instanceof TransactionCanceledException &&
      (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed')
    )
      return false;
    throw error;
  }
}

/** Writes today's overdue messages of one community; returns how many were new. */
export async function writeCommunityVisitReminders(communityId: string, now = new Date()): Promise<number> {
  const workers = await repo.listGridWorkers(communityId);
  if (workers.length === 0) return 0;
  const ctx = await loadContext(communityId, now);
  const rowsByGrid = new Map<string, Awaited<ReturnType<typeof gridRows>>>();
  const rowsOf = async (gridId: string) => {
    if (!rowsByGrid.has(gridId)) rowsByGrid.set(gridId, await gridRows(communityId, gridId, ctx));
    return rowsByGrid.get(gridId)!;
  };
  let written = 0;
  for (const w of workers) {
    const rows = overdueFirst((await Promise.all(w.gridIds.map(rowsOf))).flat());
    if (rows.length === 0) continue;
    const id = overdueReminderId(communityId, todayInShanghai(now), w.userId);
    if (await writeOnce(overdueMessage(communityId, w.userId, rows), now, id)) written += 1;
  }
  return written;
}

/** AP30: every community, then its grid workers' messages. */
export async function writeVisitReminders(now = new Date()): Promise<number> {
  const communities = await queryIndex<{ id: string }>('gsi2', index.communities());
  let written = 0;
  for (const c of communities) written += await writeCommunityVisitReminders(c.id, now);
  return written;
}
