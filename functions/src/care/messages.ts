/** The messages a wish step sends, as notify.message outbox events written in the step's own transaction. */
import { links } from '@linli/shared/domain/notify/links';
import type { NotifyEvent } from '../notify';
import type { CareEvent } from './events';

type OutboxEvent = CareEvent | NotifyEvent;
import type { WishRecord } from './records';

const message = (w: WishRecord, userId: string, title: string, body: string): OutboxEvent => ({
  type: 'notify.message',
  communityId: w.communityId,
  userId,
  title,
  body,
  link: links.careWish(w.communityId, w.wishId),
});

/** The wisher's user and the caregiver who posted for them, each once. */
export const wisherSide = (w: WishRecord) =>
  [...new Set([w.memberUserId, w.via === 'caregiver' ? w.recordedByUserId : undefined])].filter((x): x is string =>
    Boolean(x),
  );

/** What each status change tells whom. */
export function messagesFor(next: WishRecord, note?: string): OutboxEvent[] {
  const toWisher = (title: string, body: string) => wisherSide(next).map((u) => message(next, u, title, body));
  const what = `「${next.text}」`;
  switch (next.status) {
    case 'open':
      return next.claimer === undefined && note?.startsWith('放弃认领')
        ? toWisher('心愿回到心愿墙', `心愿${what}的认领人放弃了认领，心愿已回到心愿墙等待新的认领。`)
        : toWisher('心愿已上墙', `心愿${what}已通过社区审核，登上心愿墙等待认领。`);
    case 'declined':
      return toWisher('心愿未通过审核', `心愿${what}未通过社区审核。原因：${note ?? '未说明'}`);
    case 'claimed':
      return toWisher('心愿已被认领', `心愿${what}已由${next.claimer?.name ?? '爱心人士'}认领。`);
    case 'delivered':
      return toWisher('心愿已送达', `心愿${what}已送达：${next.deliveryNote ?? ''}。收到后请点「确认圆梦」。`);
    case 'fulfilled':
      return next.claimer
        ? [
            message(next, next.claimer.userId, '心愿已圆梦', `您认领的心愿${what}已确认圆梦，谢谢您的爱心！`),
            ...toWisher('心愿已圆梦', `心愿${what}已圆梦。`),
          ]
        : [];
    default:
      return [];
  }
}
