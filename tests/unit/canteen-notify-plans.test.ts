import { planFor } from '../../functions/src/notify/plans';
import type { OutboxEvent } from '../../functions/src/events';

const link = '/packages/canteen/order/index?communityId=c-01&orderId=o-01';

describe('planFor canteen deliveries', () => {
  const facts = { usersOf: ['u-member', 'u-daughter', 'u-member'], memberName: '李秀英' };

  it('tells the member’s side once each that a volunteer is on the way', () => {
    const event: OutboxEvent = {
      type: 'canteen.out_for_delivery',
      communityId: 'c-01',
      orderId: 'o-01',
      memberId: 'm-01',
      placedByUserId: 'u-daughter',
      volunteerName: '张伟',
    };

    const plan = planFor(event, facts);

    expect(plan).toMatchObject({ userIds: ['u-member', 'u-daughter'], title: '送餐出发了', link });
    expect(plan?.body).toContain('张伟');
    expect(plan?.body).toContain('李秀英');
  });

  it('asks the member’s side to confirm a delivered meal', () => {
    const event: OutboxEvent = {
      type: 'canteen.delivered',
      communityId: 'c-01',
      orderId: 'o-01',
      memberId: 'm-01',
      placedByUserId: 'u-daughter',
    };

    const plan = planFor(event, facts);

    expect(plan).toMatchObject({ userIds: ['u-member', 'u-daughter'], title: '餐已送达', link });
    expect(plan?.body).toContain('确认收到');
  });

  it('leaves the confirmation to the points feature: nobody is messaged', () => {
    const event: OutboxEvent = {
      type: 'canteen.delivery_confirmed',
      communityId: 'c-01',
      orderId: 'o-01',
      volunteerUserId: 'u-volunteer',
      confirmedAt: '2030-05-02T04:00:00.000Z',
    };

    expect(planFor(event, {})).toBeUndefined();
  });
});
