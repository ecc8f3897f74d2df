/** What the identity feature's events mean to people: who hears of them and what they read. */
import { links } from '@linli/shared/domain/notify/links';
import { type PlanTable } from '../notify';
import type { IdentityEvent } from './events';

export const identityPlans: PlanTable<IdentityEvent> = {
  'identity.application_decided': (event) => {
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
  },
  'identity.link_decided': (event) => {
    return {
      userIds: [event.caregiverUserId],
      title: event.approved ? '代办绑定已确认' : '代办绑定未通过',
      body: event.approved
        ? `社区已确认，您现在可以在「我的」里切换为${event.dependentName}代办。`
        : `社区未确认您与${event.dependentName}的代办绑定。原因：${event.reason ?? '未说明'}。`,
      link: links.mine(),
    };
  },
};
