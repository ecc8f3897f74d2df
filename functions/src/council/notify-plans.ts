/** What the council feature's events mean to people: who hears of them and what they read. */
import { links } from '@linli/shared/domain/notify/links';
import { wechatTime } from '@linli/shared/domain/notify/templates';
import { unique, type PlanTable } from '../notify';
import type { CouncilEvent } from './events';

const when = (s: { startsAt: string }) => wechatTime(s.startsAt);

export const councilPlans: PlanTable<CouncilEvent> = {
  'council.seat_promoted': (event, facts) => {
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
  },
  'council.booking_confirmed': (event, facts) => {
    const s = facts.session;
    if (!s) return undefined;
    return {
      userIds: unique(facts.usersOf ?? []),
      title: '预约成功',
      body: `已为${facts.memberName ?? '您'}预约「${s.title}」。时间：${when(s)}，地点：${s.venueName}（${s.venuePlace}）。请凭预约二维码签到。`,
      link: links.councilSession(event.communityId, event.sessionId),
    };
  },
  'council.waitlisted': (event, facts) => {
    const s = facts.session;
    if (!s) return undefined;
    return {
      userIds: unique(facts.usersOf ?? []),
      title: '已加入候补',
      body: `「${s.title}」座位已满，${facts.memberName ?? '您'}已在候补名单中。有人取消时将按顺序自动递补并通知您。`,
      link: links.councilSession(event.communityId, event.sessionId),
    };
  },
  'council.session_cancelled': (event, facts) => {
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
  },
  'council.session_reminder': (event, facts) => {
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
  },
};
