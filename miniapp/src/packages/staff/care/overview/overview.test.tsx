import { fireEvent, render, screen } from '@testing-library/react';
import { community } from '../../../../../../tests/helpers/council-fixtures';
import { wish } from '../../../../../../tests/helpers/care-fixtures';
import { me } from '../../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs } from '../../../../../../tests/helpers/signed-in';
import CareOverviewPage from './index';
import { resetClientState } from '../../../../../../tests/helpers/client-state';

const staff = me({ name: '刘晶', grants: [{ role: 'staff', communityId: 'anjuyuan' }], member: null });
const year = String(new Date().getFullYear());

const overview = (y: number) => ({
  year: y,
  counts: { pending_review: 1, open: 2, claimed: 3, delivered: 1, fulfilled: 515 },
  overdueDays: 7,
  overdue: [
    {
      wish: wish({
        wishId: 'w-late',
        text: '帮忙修一下门锁',
        status: 'claimed',
        claimer: { kind: 'volunteer', name: '张伟' },
        claimedAt: '2026-11-20T01:30:00.000Z',
      }),
      waitingDays: 9,
      overdue: true,
    },
  ],
  claimers: [
    { kind: 'partner', claimerId: 'p-clinic', name: '社区卫生服务站', claimed: 424, fulfilled: 400 },
    { kind: 'partner', claimerId: 'p-school', name: '金凤区实验小学', claimed: 20, fulfilled: 15 },
    { kind: 'volunteer', claimerId: 'u-v', name: '张伟', claimed: 3, fulfilled: 2 },
  ],
});

beforeEach(() => {
  resetClientState();
});

describe('心愿总览 page', () => {
  it('shows the counts, the overdue claims, and the year’s 认领/圆梦 per partner unit and person; a year back on request', async () => {
    const sent = signedInAs(
      staff,
      {
        'GET /community/anjuyuan': community,
        'GET /community/anjuyuan/wish-overview': (s: { query: URLSearchParams }) =>
          overview(Number(s.query.get('year'))),
      },
      '刘晶',
    );

    render(<CareOverviewPage />);

    expect(await screen.findByText('515')).toBeTruthy();
    expect(screen.getByText('超期未送达（认领超过 7 天）')).toBeTruthy();
    expect(screen.getByText('帮忙修一下门锁')).toBeTruthy();
    expect(screen.getByText('认领 424 个 · 圆梦 400 个')).toBeTruthy();
    expect(screen.getByText('合计：认领 444 个，圆梦 415 个')).toBeTruthy();
    expect(screen.getByText('志愿者 张伟：认领 3 个 · 圆梦 2 个')).toBeTruthy();
    fireEvent.click(screen.getByText(`看 ${Number(year) - 1} 年`));
    expect(await screen.findByText(`${Number(year) - 1} 年共建单位`)).toBeTruthy();
    expect(sent.filter((s) => s.path.endsWith('/wish-overview')).map((s) => s.query.get('year'))).toEqual([
      year,
      String(Number(year) - 1),
    ]);
  });
});
