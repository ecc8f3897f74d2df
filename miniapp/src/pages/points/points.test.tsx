import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { navigateTo } from '../../../../tests/helpers/taro-mock';
import { me, newcomer, residentGrant } from '../../../../tests/helpers/miniapp-fixtures';
import { signedInAs } from '../../../../tests/helpers/signed-in';
import PointsPage from './index';
import { resetClientState } from '../../../../tests/helpers/client-state';

const volunteerGrant = { role: 'volunteer' as const, communityId: 'anjuyuan' };

beforeEach(() => {
  resetClientState();
});

describe('积分', () => {
  it('says what points are and offers 登录 when signed out', () => {
    render(<PointsPage />);

    expect(screen.getByText(/以服务换积分，以积分换服务/)).toBeTruthy();
    fireEvent.click(screen.getByText('登录'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/account/login/index' });
  });

  it('asks a newcomer to be verified first', async () => {
    signedInAs(newcomer());

    render(<PointsPage />);

    expect(await screen.findByText('先完成居民认证')).toBeTruthy();
  });

  it('lets a verified resident join as a volunteer, with the 志愿之星 choice sent along', async () => {
    const sent = signedInAs(me(), {
      'POST /community/anjuyuan/volunteers': {
        userId: 'u-1',
        name: '王桂芳',
        balance: 0,
        showOnStarList: false,
        joinedAt: '2026-11-22T01:00:00.000Z',
      },
    });
    render(<PointsPage />);

    fireEvent.click(await screen.findByLabelText('在志愿之星显示我的名字'));
    fireEvent.click(screen.getAllByText('成为志愿者').at(-1)!);

    await waitFor(() =>
      expect(sent.some((r) => r.method === 'POST' && r.path === '/community/anjuyuan/volunteers')).toBe(true),
    );
    const join = sent.find((r) => r.path === '/community/anjuyuan/volunteers')!;
    expect(join.data).toEqual({ showOnStarList: false });
    expect(join.header['Idempotency-Key']).toBeTruthy();
  });

  it('shows a volunteer the balance, the points waiting for confirmation and where to go', async () => {
    signedInAs(me({ grants: [residentGrant, volunteerGrant] }), {
      'GET /community/anjuyuan/points/me': { balance: 320, pendingPoints: 20, entries: [] },
    });

    render(<PointsPage />);

    expect(await screen.findByText('320')).toBeTruthy();
    expect(screen.getByText('另有 20 积分待社区确认时长')).toBeTruthy();
    fireEvent.click(screen.getByText('爱心商户'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/points/merchants/index' });
    expect(screen.queryByText('成为志愿者')).toBeNull();
  });
});
