/** What the canteen feature's events mean to people: who hears of them and what they read. */
import { links } from '@linli/shared/domain/notify/links';
import { unique, type PlanTable } from '../notify';
import type { CanteenEvent } from './events';

export const canteenPlans: PlanTable<CanteenEvent> = {
  'canteen.out_for_delivery': (event, facts) => {
    return {
      userIds: unique(facts.usersOf ?? []),
      title: '送餐出发了',
      body: `志愿者${event.volunteerName}正在为${facts.memberName ?? '您'}送餐，请留意敲门。`,
      link: links.canteenOrder(event.communityId, event.orderId),
    };
  },
  'canteen.delivered': (event, facts) => {
    return {
      userIds: unique(facts.usersOf ?? []),
      title: '餐已送达',
      body: `${facts.memberName ?? '您'}的餐已送达，收到后请在订单里点「确认收到」。`,
      link: links.canteenOrder(event.communityId, event.orderId),
    };
  },
};
