/**
 * What an event means to people: who hears of it, the in-app message, and the WeChat
 * subscribe message where one fits. Pure: the notifier loads the facts it needs first.
 */
import type { TemplateKey } from '@linli/shared/contract/notify';
import { links } from '@linli/shared/domain/notify/links';
import { wechatTime } from '@linli/shared/domain/notify/templates';
import type { OutboxEvent } from '../events';

export interface SessionFacts {
  title: string;
  startsAt: string;
  venueName: string;
  venuePlace: string;
}

export interface Facts {
  session?: SessionFacts;
  /** Users to tell about a member: the member's own user and whoever booked for them. */
  usersOf?: string[];
  memberName?: string;
  /** For a cancelled session: every user with a live booking of it; for a reminder: every seat holder's. */
  audienceUserIds?: string[];
}

export interface Plan {
  userIds: string[];
  title: string;
  body: string;
  link?: string;
  wechat?: { template: TemplateKey; values: Record<string, string> };
}

const when = (s: SessionFacts) => wechatTime(s.startsAt);

/** How a topic's status reads in a message to its author. */
export const TOPIC_STATUS_TEXT: Record<string, string> = {
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

/** The notifications an event produces (none for events that people need not hear of). */
export function planFor(event: OutboxEvent, facts: Facts): Plan | undefined {
  const unique = (ids: (string | undefined)[]) => [...new Set(ids.filter((x): x is string => Boolean(x)))];
  switch (event.type) {
    case 'council.seat_promoted': {
      const s = facts.session;
      if (!s) return undefined;
      return {
        userIds: unique(facts.usersOf ?? []),
        title: '候补成功',
        body: `「${s.title}」有空位了，已为${facts.memberName ?? '您'}保留座位。时间：${when(s)}，地点：${s.venueName}（${s.venuePlace}）。`,
        link: links.councilSession(event.communityId, event.sessionId),
        wechat: {
          template: 'seat',
          values: { thing1: s.title, time2: when(s), thing3: s.venueName, phrase4: '候补成功' },
        },
      };
    }
    case 'council.booking_confirmed': {
      const s = facts.session;
      if (!s) return undefined;
      return {
        userIds: unique(facts.usersOf ?? []),
        title: '预约成功',
        body: `已为${facts.memberName ?? '您'}预约「${s.title}」。时间：${when(s)}，地点：${s.venueName}（${s.venuePlace}）。请凭预约二维码签到。`,
        link: links.councilSession(event.communityId, event.sessionId),
      };
    }
    case 'council.waitlisted': {
      const s = facts.session;
      if (!s) return undefined;
      return {
        userIds: unique(facts.usersOf ?? []),
        title: '已加入候补',
        body: `「${s.title}」座位已满，${facts.memberName ?? '您'}已在候补名单中。有人取消时将按顺序自动递补并通知您。`,
        link: links.councilSession(event.communityId, event.sessionId),
      };
    }
    case 'council.session_cancelled': {
      const s = facts.session;
      if (!s) return undefined;
      return {
        userIds: unique(facts.audienceUserIds ?? []),
        title: '议事会已取消',
        body: `原定${when(s)}在${s.venueName}举行的「${s.title}」已取消。原因：${event.reason}`,
        link: links.councilSession(event.communityId, event.sessionId),
        wechat: {
          template: 'council',
          values: { thing1: s.title, time2: when(s), thing3: '已取消', thing4: event.reason },
        },
      };
    }
    case 'council.session_reminder': {
      const s = facts.session;
      if (!s) return undefined;
      return {
        userIds: unique(facts.audienceUserIds ?? []),
        title: '议事会明天召开',
        body: `「${s.title}」将于${when(s)}在${s.venueName}（${s.venuePlace}）召开，请准时参加，签到时出示预约二维码。`,
        link: links.councilSession(event.communityId, event.sessionId),
        wechat: {
          template: 'council',
          values: { thing1: s.title, time2: when(s), thing3: s.venueName, thing4: '明天召开，请准时参加' },
        },
      };
    }
    case 'identity.application_decided':
      return {
        userIds: [event.userId],
        title: event.approved ? '居民认证已通过' : '居民认证未通过',
        body: event.approved
          ? '社区已确认您的住址信息，现在可以预约议事会、在食堂点餐了。'
          : `社区未通过您的认证申请。原因：${event.reason ?? '未说明'}。可修改后重新申请。`,
        link: links.mine(),
        wechat: {
          template: 'topic',
          values: {
            thing1: '居民认证',
            phrase2: event.approved ? '已通过' : '未通过',
            thing3: event.reason ?? '欢迎加入社区',
          },
        },
      };
    case 'identity.link_decided':
      return {
        userIds: [event.caregiverUserId],
        title: event.approved ? '代办绑定已确认' : '代办绑定未通过',
        body: event.approved
          ? `社区已确认，您现在可以在「我的」里切换为${event.dependentName}代办。`
          : `社区未确认您与${event.dependentName}的代办绑定。原因：${event.reason ?? '未说明'}。`,
        link: links.mine(),
      };
    case 'agenda.topic_changed': {
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
    }
    case 'canteen.out_for_delivery':
      return {
        userIds: unique(facts.usersOf ?? []),
        title: '送餐出发了',
        body: `志愿者${event.volunteerName}正在为${facts.memberName ?? '您'}送餐，请留意敲门。`,
        link: links.canteenOrder(event.communityId, event.orderId),
      };
    case 'canteen.delivered':
      return {
        userIds: unique(facts.usersOf ?? []),
        title: '餐已送达',
        body: `${facts.memberName ?? '您'}的餐已送达，收到后请在订单里点「确认收到」。`,
        link: links.canteenOrder(event.communityId, event.orderId),
      };
    case 'points.hours_confirmed':
      return {
        userIds: [event.userId],
        title: event.adjusted ? '志愿时长已调整确认' : '志愿时长已确认',
        body: event.adjusted
          ? `「${event.activityTitle}」的志愿时长经社区调整为 ${event.minutes} 分钟（原因：${event.reason ?? '未说明'}），${event.points} 积分已到账。`
          : `「${event.activityTitle}」的志愿时长 ${event.minutes} 分钟已确认，${event.points} 积分已到账。`,
        link: links.points(),
      };
    case 'points.changed': {
      const what = { delivery: '送餐积分', adjust: '积分调整', reversal: '积分冲正', wish: '圆梦积分' }[event.kind];
      const amount = event.amount > 0 ? `增加 ${event.amount}` : `扣减 ${-event.amount}`;
      return {
        userIds: [event.userId],
        title: event.amount > 0 ? `${what}到账` : what,
        body: `您的积分${amount}。原因：${event.reason}`,
        link: links.points(),
      };
    }
    case 'points.redeemed':
      return {
        userIds: [event.userId, event.operatorUserId],
        title: '积分兑换成功',
        body: `${event.maskedName}在${event.merchantName}兑换「${event.offerTitle}」，使用 ${event.points} 积分。`,
        link: links.points(),
      };
    case 'notify.message':
      return { userIds: [event.userId], title: event.title, body: event.body, link: event.link };
    default:
      return undefined;
  }
}
