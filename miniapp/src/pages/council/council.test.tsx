import { fireEvent, render, screen, within } from '@testing-library/react';
import { navigateTo } from '../../../../tests/helpers/taro-mock';
import { booking, community, session } from '../../../../tests/helpers/council-fixtures';
import { me, newcomer } from '../../../../tests/helpers/miniapp-fixtures';
import { signedInAs as signIn } from '../../../../tests/helpers/signed-in';
import { startActingFor } from '../../services/acting-for';
import { type Me } from '../../services/me';
import CouncilPage from './index';
import { resetClientState } from '../../../../tests/helpers/client-state';

/** Signed in, with 安居苑 answering as the community. */
const signedInAs = (answer: Me, routes: Record<string, unknown> = {}) =>
  signIn(answer, { 'GET /community/anjuyuan': community, ...(routes as object) });

beforeEach(() => {
  resetClientState();
});

describe('议事 tab', () => {
  it('asks a signed-out visitor to log in first', () => {
    render(<CouncilPage />);

    expect(screen.getByText('登录后预约议事会')).toBeTruthy();
    fireEvent.click(screen.getByText('登录'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/account/login/index' });
  });

  it('sends a signed-in newcomer to 申请居民认证', async () => {
    signedInAs(newcomer());

    render(<CouncilPage />);

    expect(await screen.findByText('认证居民才能预约议事会')).toBeTruthy();
    fireEvent.click(screen.getByText('申请居民认证'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/account/apply/index' });
  });

  it('lists upcoming sessions in Shanghai time with venue, audience, seats and my bookings', async () => {
    const sent = signedInAs(me(), {
      'GET /community/anjuyuan/sessions': {
        sessions: [
          session(),
          session({
            sessionId: 'session-2',
            title: '板凳会：楼道堆物',
            audience: { kind: 'buildings', buildingIds: ['b1', 'b2'] },
            seatsLeft: 0,
            waiting: 3,
          }),
          session({ sessionId: 'session-3', title: '停车位划线', status: 'cancelled', cancelReason: '天气原因' }),
        ],
      },
      'GET /me/bookings': {
        bookings: [
          { booking: booking(), session: session() },
          {
            booking: booking({ bookingId: 'b-2', sessionId: 'session-2', status: 'waitlisted', waitlistPosition: 2 }),
            session: session({ sessionId: 'session-2' }),
          },
        ],
      },
    });

    render(<CouncilPage />);

    const first = within(await screen.findByRole('link', { name: /^老旧小区加装电梯意见征集/ }));
    expect(first.getByText('11月23日 周一 09:30–11:00', { exact: false })).toBeTruthy();
    expect(first.getByText('红色议事厅 · 社区服务中心二楼')).toBeTruthy();
    expect(first.getByText('全社区居民')).toBeTruthy();
    expect(first.getByText('还剩 25 个座位')).toBeTruthy();
    expect(first.getByText('已预约')).toBeTruthy();
    const second = within(screen.getByRole('link', { name: /^板凳会：楼道堆物/ }));
    expect(await second.findByText('1号楼、2号楼居民')).toBeTruthy();
    expect(second.getByText('已满 · 3 人候补')).toBeTruthy();
    expect(second.getByText('候补第2位')).toBeTruthy();
    const third = within(screen.getByRole('link', { name: /^停车位划线/ }));
    expect(third.getByText('已取消')).toBeTruthy();
    expect(third.getByText('取消原因：天气原因')).toBeTruthy();
    expect(screen.getByText('已预约 1 场 · 候补 1 场')).toBeTruthy();
    expect(sent.find((r) => r.path === '/community/anjuyuan/sessions')?.query.get('when')).toBe('upcoming');

    fireEvent.click(screen.getByRole('link', { name: /^板凳会：楼道堆物/ }));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/packages/council/session/index?communityId=anjuyuan&sessionId=session-2',
    });
  });

  it('shows the sessions of the member a caregiver acts for, asking with X-Acting-For', async () => {
    startActingFor({ memberId: 'm-li', realName: '李秀英', age: 86, userId: 'u-1' });
    const sent = signedInAs(
      me({
        dependents: [
          {
            linkId: 'link-1',
            communityId: 'anjuyuan',
            caregiverUserId: 'u-1',
            caregiverName: '王桂芳',
            relation: '父母',
            dependent: { ...me().member!, memberId: 'm-li', realName: '李秀英', age: 86, hasWeChat: false },
            status: 'active',
            createdAt: '2026-11-20T01:30:00.000Z',
          },
        ],
      }),
      { 'GET /community/anjuyuan/sessions': { sessions: [] }, 'GET /me/bookings': { bookings: [] } },
    );

    render(<CouncilPage />);

    expect(await screen.findByText('近期没有面向李秀英的议事会')).toBeTruthy();
    expect(screen.getByText('李秀英的预约')).toBeTruthy();
    const list = sent.find((r) => r.path === '/community/anjuyuan/sessions');
    expect(list?.header['X-Acting-For']).toBe('m-li');
  });

  it('shows staff every session, each opening its attendee list', async () => {
    const staff = me({ grants: [{ role: 'staff', communityId: 'anjuyuan' }], member: null });
    signedInAs(staff, { 'GET /community/anjuyuan/sessions': { sessions: [session()] } });

    render(<CouncilPage />);

    fireEvent.click(await screen.findByRole('link', { name: /^老旧小区加装电梯意见征集/ }));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/council/attendees/index?sessionId=session-1' });
    expect(screen.getByText('议事会管理')).toBeTruthy();
  });
});
