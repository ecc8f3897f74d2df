/** What the notify feature's events mean to people: who hears of them and what they read. */

import type { PlanTable } from './plan-kit';
import type { NotifyEvent } from './events';

export const notifyPlans: PlanTable<NotifyEvent> = {
  'notify.message': (event) => {
    return { userIds: [event.userId], title: event.title, body: event.body, link: event.link };
  },
};
