import { planFor } from '../../functions/src/notify/plans';

describe('points notifications', () => {
  it('tells the volunteer their confirmed hours and the points credited', () => {
    const plan = planFor(
      {
        type: 'points.hours_confirmed',
        communityId: 'c-01',
        userId: 'u-vol',
        activityTitle: '敲门探访独居老人',
        minutes: 90,
        points: 30,
        adjusted: false,
      },
      {},
    );

    expect(plan).toMatchObject({ userIds: ['u-vol'], title: '志愿时长已确认', link: '/pages/points/index' });
    expect(plan?.body).toBe('「敲门探访独居老人」的志愿时长 90 分钟已确认，30 积分已到账。');
  });

  it('gives the reason when staff adjusted the hours', () => {
    const plan = planFor(
      {
        type: 'points.hours_confirmed',
        communityId: 'c-01',
        userId: 'u-vol',
        activityTitle: '环境整治',
        minutes: 60,
        points: 20,
        adjusted: true,
        reason: '提前离开',
      },
      {},
    );

    expect(plan?.title).toBe('志愿时长已调整确认');
    expect(plan?.body).toContain('原因：提前离开');
  });

  it('words a credit and a deduction differently', () => {
    const credit = planFor(
      { type: 'points.changed', communityId: 'c', userId: 'u', amount: 10, kind: 'delivery', reason: '助餐送餐' },
      {},
    );
    const debit = planFor(
      { type: 'points.changed', communityId: 'c', userId: 'u', amount: -40, kind: 'reversal', reason: '录入错误' },
      {},
    );

    expect([credit?.title, credit?.body]).toEqual(['送餐积分到账', '您的积分增加 10。原因：助餐送餐']);
    expect([debit?.title, debit?.body]).toEqual(['积分冲正', '您的积分扣减 40。原因：录入错误']);
  });

  it('sends the redemption receipt to the volunteer and the merchant operator', () => {
    const plan = planFor(
      {
        type: 'points.redeemed',
        communityId: 'c',
        userId: 'u-vol',
        operatorUserId: 'u-op',
        merchantName: '老马理发店',
        offerTitle: '理发一次',
        maskedName: '张*',
        points: 100,
        codeId: 'code-1',
      },
      {},
    );

    expect(plan?.userIds).toEqual(['u-vol', 'u-op']);
    expect(plan?.body).toBe('张*在老马理发店兑换「理发一次」，使用 100 积分。');
  });

  it('has nothing to say about a delivery event itself (the ledger credits it)', () => {
    expect(
      planFor(
        {
          type: 'canteen.delivery_confirmed',
          communityId: 'c',
          orderId: 'o',
          volunteerUserId: 'u',
          confirmedAt: '2026-11-22T01:00:00.000Z',
        },
        {},
      ),
    ).toBeUndefined();
  });
});
