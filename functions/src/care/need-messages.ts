/** The messages a need step sends (notify.message outbox events written in the step's own transaction). */
import { links } from '@linli/shared/domain/notify/links';
import type { NotifyEvent } from '../notify';
import type { NeedRecord } from './need-records';

const message = (n: NeedRecord, userId: string, title: string, body: string): NotifyEvent => ({
  type: 'notify.message',
  communityId: n.communityId,
  userId,
  title,
  body,
  link: links.careNeed(n.communityId, n.needId),
});

/** The person's own user and the caregiver who asked for them, each once. */
export const requesterSide = (n: NeedRecord): string[] =>
  [...new Set([n.memberUserId, n.createdByRole === 'caregiver' ? n.createdByUserId : undefined])].filter(
    (x): x is string => Boolean(x),
  );

const shanghai = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(5, 16).replace('-', '月').replace('T', '日 ');

/** What each status change tells whom: the requester's side always, the assignee when it concerns them. */
export function needMessages(next: NeedRecord, seen: NeedRecord, note?: string): NotifyEvent[] {
  const what = `「${next.text}」`;
  const toRequester = (title: string, body: string) => requesterSide(next).map((u) => message(next, u, title, body));
  const toAssignee = (userId: string | undefined, title: string, body: string) =>
    userId ? [message(next, userId, title, body)] : [];
  switch (next.status) {
    case 'dispatched':
      return [
        ...toRequester('求助已派单', `您的求助${what}已派给${next.assignee?.name ?? ''}，请留意联系。`),
        ...toAssignee(
          next.assigneeUserId,
          '您有一条新任务',
          `社区派给您的求助${what}（${next.memberLabel}），请在 ${shanghai(next.dueAt)} 前办结，先点「接单」。`,
        ),
      ];
    case 'accepted':
      return toRequester('求助已接单', `${next.assignee?.name ?? ''}已接下您的求助${what}。`);
    case 'new':
      return seen.status === 'new' ? [] : toRequester('求助重新派单中', `您的求助${what}正在重新安排人手，请稍候。`);
    case 'done':
      return toRequester('求助已办结', `您的求助${what}已办结：${next.doneNote ?? ''}。请为这次服务打个分。`);
    case 'rated':
      return toAssignee(
        seen.assigneeUserId,
        '收到一条评价',
        `求助${what}收到 ${next.stars} 星评价${note ? `：${note}` : ''}。`,
      );
    case 'cancelled':
      return [
        ...toRequester('求助已取消', `求助${what}已取消。`),
        ...toAssignee(seen.assigneeUserId, '任务已取消', `派给您的求助${what}已取消，不用再办理。`),
      ];
    default:
      return [];
  }
}
