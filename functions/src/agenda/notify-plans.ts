/** What the agenda feature's events mean to people: who hears of them and what they read. */
import { links } from '@linli/shared/domain/notify/links';
import { unique, type PlanTable } from '../notify';
import type { AgendaEvent } from './events';

/** How a topic's status reads in a message to its author. */
const TOPIC_STATUS_TEXT: Record<string, string> = {
  submitted: '已提交，等待社区审核',
  approved: '已通过审核',
  rejected: '未被受理',
  merged: '已与相同议题合并',
  withdrawn: '已撤回',
  scheduled: '已安排上议事会',
  decided: '议事会已作出决定',
  in_progress: '正在办理',
  done: '已办结，欢迎评价',
};

/** WeChat's phrase fields take at most 5 characters. */
const TOPIC_STATUS_PHRASE: Record<string, string> = {
  submitted: '待审核',
  approved: '已通过',
  rejected: '未受理',
  merged: '已合并',
  withdrawn: '已撤回',
  scheduled: '已排会',
  decided: '已决定',
  in_progress: '办理中',
  done: '已办结',
};

export const agendaPlans: PlanTable<AgendaEvent> = {
  'agenda.topic_changed': (event, facts) => {
    const status = TOPIC_STATUS_TEXT[event.to] ?? '有新进展';
    const whose = event.caregiverUserId && facts.memberName ? `${facts.memberName}提出的` : '您提出的';
    return {
      userIds: unique(facts.usersOf ?? []),
      title: `议题${TOPIC_STATUS_PHRASE[event.to] ?? '有进展'}`,
      body: `${whose}议题「${event.title}」${status}。${event.note ? `说明：${event.note}` : ''}`,
      link: links.agendaTopic(event.communityId, event.topicId),
      wechat: {
        template: 'topic',
        values: {
          thing1: event.title,
          phrase2: TOPIC_STATUS_PHRASE[event.to] ?? '有进展',
          thing3: event.note ?? status,
        },
      },
    };
  },
};
