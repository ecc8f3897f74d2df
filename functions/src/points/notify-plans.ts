/** What the points feature's events mean to people: who hears of them and what they read. */
import { links } from '@linli/shared/domain/notify/links';
import { type PlanTable } from '../notify';
import type { PointsEvent } from './events';

export const pointsPlans: PlanTable<PointsEvent> = {
  'points.hours_confirmed': (event) => {
    return {
      userIds: [event.userId],
      title: event.adjusted ? '志愿时长已调整确认' : '志愿时长已确认',
      body: event.adjusted
        ? `「${event.activityTitle}」的志愿时长经社区调整为 ${event.minutes} 分钟（原因：${event.reason ?? '未说明'}），${event.points} 积分已到账。`
        : `「${event.activityTitle}」的志愿时长 ${event.minutes} 分钟已确认，${event.points} 积分已到账。`,
      link: links.points(),
    };
  },
  'points.changed': (event) => {
    const what = { delivery: '送餐积分', adjust: '积分调整', reversal: '积分冲正', wish: '圆梦积分' }[event.kind];
    const amount = event.amount > 0 ? `增加 ${event.amount}` : `扣减 ${-event.amount}`;
    return {
      userIds: [event.userId],
      title: event.amount > 0 ? `${what}到账` : what,
      body: `您的积分${amount}。原因：${event.reason}`,
      link: links.points(),
    };
  },
  'points.redeemed': (event) => {
    return {
      userIds: [event.userId, event.operatorUserId],
      title: '积分兑换成功',
      body: `${event.maskedName}在${event.merchantName}兑换「${event.offerTitle}」，使用 ${event.points} 积分。`,
      link: links.points(),
    };
  },
};
