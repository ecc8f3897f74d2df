import { renderTemplate } from '@linli/shared/domain/notify/templates';
import { planFor, type Facts, type SessionFacts } from '../../functions/src/notify/plans';
import type { OutboxEvent } from '../../functions/src/events';

const session: SessionFacts = {
  title: '三号楼加装电梯议事会',
  startsAt: '2026-11-22T01:30:00Z',
  venueName: '社区活动中心',
  venuePlace: '二楼会议室',
};

const seatPromoted: OutboxEvent = {
  type: 'council.seat_promoted',
  communityId: 'c-01',
  sessionId: 's-01',
  memberId: 'm-01',
  bookedByUserId: 'u-caregiver',
};

const sessionCancelled: OutboxEvent = {
  type: 'council.session_cancelled',
  communityId: 'c-01',
  sessionId: 's-01',
  reason: '会议室临时维修',
};

const sessionLink = '/packages/council/session/index?communityId=c-01&sessionId=s-01';

describe('planFor council.seat_promoted', () => {
  const facts: Facts = { session, usersOf: ['u-member', 'u-caregiver'], memberName: '王秀英' };

  it('tells the member’s own user and the caregiver who booked', () => {
    const plan = planFor(seatPromoted, facts);

    expect(plan?.userIds).toEqual(['u-member', 'u-caregiver']);
  });

  it('tells a member who booked for themselves only once', () => {
    const plan = planFor(seatPromoted, { ...facts, usersOf: ['u-member', 'u-member'] });

    expect(plan?.userIds).toEqual(['u-member']);
  });

  it('is titled 候补成功 and names the session, its Shanghai time and the venue', () => {
    const plan = planFor(seatPromoted, facts);

    expect(plan?.title).toBe('候补成功');
    expect(plan?.body).toContain('「三号楼加装电梯议事会」');
    expect(plan?.body).toContain('王秀英');
    expect(plan?.body).toContain('2026年11月22日 09:30');
    expect(plan?.body).toContain('社区活动中心（二楼会议室）');
  });

  it('addresses the reader as 您 when the member’s name is unknown', () => {
    const plan = planFor(seatPromoted, { session, usersOf: ['u-member'] });

    expect(plan?.body).toContain('已为您保留座位');
  });

  it('links to the session page of its community', () => {
    const plan = planFor(seatPromoted, facts);

    expect(plan?.link).toBe(sessionLink);
  });

  it('encodes ids in the link so they cannot break the query string', () => {
    const plan = planFor({ ...seatPromoted, communityId: 'c&1', sessionId: 's=1' }, facts);

    expect(plan?.link).toBe('/packages/council/session/index?communityId=c%261&sessionId=s%3D1');
  });

  it('carries a seat subscribe message whose values render', () => {
    const plan = planFor(seatPromoted, facts);

    expect(plan?.wechat?.template).toBe('seat');
    expect(plan?.wechat?.values).toEqual({
      thing1: '三号楼加装电梯议事会',
      time2: '2026年11月22日 09:30',
      thing3: '社区活动中心',
      phrase4: '候补成功',
    });
    expect(() => renderTemplate('seat', plan?.wechat?.values ?? {})).not.toThrow();
  });

  it('still renders the seat message when the session title is longer than WeChat allows', () => {
    const longTitle = { ...session, title: '关于三号楼加装电梯的费用分摊方案以及施工期间停车安排的居民议事会' };

    const plan = planFor(seatPromoted, { ...facts, session: longTitle });
    const data = renderTemplate('seat', plan?.wechat?.values ?? {});

    const title = data.thing1?.value ?? '';
    expect([...title]).toHaveLength(20);
    expect(title.endsWith('…')).toBe(true);
  });

  it('plans nothing without the session’s facts', () => {
    expect(planFor(seatPromoted, { usersOf: ['u-member'] })).toBeUndefined();
  });
});

describe('planFor council.session_cancelled', () => {
  it('tells every user with a live booking exactly once', () => {
    const plan = planFor(sessionCancelled, { session, audienceUserIds: ['u-1', 'u-2', 'u-1', 'u-3', 'u-2'] });

    expect(plan?.userIds).toEqual(['u-1', 'u-2', 'u-3']);
  });

  it('gives the reason, the Shanghai time and the venue', () => {
    const plan = planFor(sessionCancelled, { session, audienceUserIds: ['u-1'] });

    expect(plan?.title).toBe('议事会已取消');
    expect(plan?.body).toContain('原因：会议室临时维修');
    expect(plan?.body).toContain('2026年11月22日 09:30');
    expect(plan?.body).toContain('社区活动中心');
    expect(plan?.body).toContain('「三号楼加装电梯议事会」');
    expect(plan?.link).toBe(sessionLink);
  });

  it('carries a council subscribe message with the reason that renders', () => {
    const plan = planFor(sessionCancelled, { session, audienceUserIds: ['u-1'] });

    expect(plan?.wechat).toEqual({
      template: 'council',
      values: { thing1: session.title, time2: '2026年11月22日 09:30', thing3: '已取消', thing4: '会议室临时维修' },
    });
    expect(() => renderTemplate('council', plan?.wechat?.values ?? {})).not.toThrow();
  });

  it('tells nobody when nobody had booked', () => {
    const plan = planFor(sessionCancelled, { session });

    expect(plan?.userIds).toEqual([]);
  });

  it('plans nothing without the session’s facts', () => {
    expect(planFor(sessionCancelled, { audienceUserIds: ['u-1'] })).toBeUndefined();
  });
});

describe('planFor identity.application_decided', () => {
  const decided = (approved: boolean, reason?: string): OutboxEvent => ({
    type: 'identity.application_decided',
    communityId: 'c-01',
    userId: 'u-applicant',
    approved,
    reason,
  });

  it('tells the applicant that the application was approved', () => {
    const plan = planFor(decided(true), {});

    expect(plan?.userIds).toEqual(['u-applicant']);
    expect(plan?.title).toBe('居民认证已通过');
    expect(plan?.body).toContain('可以预约议事会');
    expect(plan?.link).toBe('/pages/mine/index');
    expect(plan?.wechat?.template).toBe('topic');
    expect(plan?.wechat?.values.phrase2).toBe('已通过');
  });

  it('tells the applicant that the application was rejected, and why', () => {
    const plan = planFor(decided(false, '门牌号与登记不符'), {});

    expect(plan?.title).toBe('居民认证未通过');
    expect(plan?.body).toContain('原因：门牌号与登记不符');
    expect(plan?.body).toContain('可修改后重新申请');
    expect(plan?.wechat?.values).toEqual({ thing1: '居民认证', phrase2: '未通过', thing3: '门牌号与登记不符' });
  });

  it('says 未说明 when a rejection has no reason', () => {
    const plan = planFor(decided(false), {});

    expect(plan?.body).toContain('原因：未说明');
  });

  it.each([true, false])('renders its topic message (approved: %s)', (approved) => {
    const plan = planFor(decided(approved), {});

    expect(() => renderTemplate('topic', plan?.wechat?.values ?? {})).not.toThrow();
  });
});

describe('planFor notify.message', () => {
  it('passes title, body and link through to the one user', () => {
    const event: OutboxEvent = {
      type: 'notify.message',
      communityId: 'c-01',
      userId: 'u-9',
      title: '食堂通知',
      body: '明日午餐供应饺子。',
      link: '/pages/canteen/index',
    };

    const plan = planFor(event, {});

    expect(plan).toEqual({
      userIds: ['u-9'],
      title: '食堂通知',
      body: '明日午餐供应饺子。',
      link: '/pages/canteen/index',
    });
  });
});

describe('planFor events that nobody needs to hear of', () => {
  const silent: OutboxEvent[] = [
    { type: 'council.checked_in', communityId: 'c-01', sessionId: 's-01', memberId: 'm-01' },
    { type: 'council.booking_cancelled', communityId: 'c-01', sessionId: 's-01', memberId: 'm-01' },
    { type: 'council.session_scheduled', communityId: 'c-01', sessionId: 's-01' },
  ];

  it.each(silent.map((event) => [event.type, event] as const))('plans nothing for %s', (_type, event) => {
    expect(planFor(event, { session, usersOf: ['u-member'], audienceUserIds: ['u-1'] })).toBeUndefined();
  });
});

describe('planFor agenda.topic_changed', () => {
  const event: OutboxEvent = {
    type: 'agenda.topic_changed',
    communityId: 'c-01',
    topicId: 't-01',
    title: '3号楼楼道灯不亮',
    authorMemberId: 'm-01',
    to: 'rejected',
    note: '该问题属于物业服务范围，已转交物业公司处理',
  };

  it('tells the author’s own user, with the new status and the note', () => {
    const plan = planFor(event, { usersOf: ['u-member'], memberName: '王桂芳' });

    expect(plan?.userIds).toEqual(['u-member']);
    expect(plan?.title).toBe('议题未受理');
    expect(plan?.body).toBe(
      '您提出的议题「3号楼楼道灯不亮」未被受理。说明：该问题属于物业服务范围，已转交物业公司处理',
    );
  });

  it('tells the caregiver who raised it too, naming the elder', () => {
    const plan = planFor(
      { ...event, caregiverUserId: 'u-caregiver', to: 'scheduled', note: undefined },
      { usersOf: ['u-caregiver'], memberName: '李秀英' },
    );

    expect(plan?.userIds).toEqual(['u-caregiver']);
    expect(plan?.body).toBe('李秀英提出的议题「3号楼楼道灯不亮」已安排上议事会。');
  });

  it('links to the topic page of its community', () => {
    expect(planFor(event, { usersOf: ['u-member'] })?.link).toBe(
      '/packages/agenda/topic/index?communityId=c-01&topicId=t-01',
    );
  });

  it('carries a topic subscribe message whose values render', () => {
    const plan = planFor({ ...event, to: 'done', note: undefined }, { usersOf: ['u-member'] });

    expect(plan?.wechat?.template).toBe('topic');
    expect(plan?.wechat?.values).toEqual({ thing1: '3号楼楼道灯不亮', phrase2: '已办结', thing3: '已办结，欢迎评价' });
    expect(() => renderTemplate('topic', plan!.wechat!.values)).not.toThrow();
  });
});
