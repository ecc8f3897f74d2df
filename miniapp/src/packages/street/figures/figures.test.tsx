import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { resetTaroMock } from '../../../../../tests/helpers/taro-mock';
import { newcomer } from '../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs } from '../../../../../tests/helpers/signed-in';
import { resetMeStore } from '../../../services/me';
import { resetSessionCache } from '../../../services/session';
import StreetFiguresPage from './index';
import { shiftMonth, thisMonth } from './measures';

const row = (communityId: string, name: string, over: object = {}) => ({
  communityId,
  name,
  verifiedMembers: 120,
  sessionsHeld: 2,
  seatsBooked: 40,
  attended: 35,
  topicsByStatus: { done: 3, submitted: 1 },
  topicsDone: 3,
  averageRating: 4.5,
  mealsServed: 300,
  subsidyFen: 45000,
  volunteerMinutes: 600,
  pointsIssued: 900,
  pointsRedeemed: 200,
  ...over,
});

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('街道数据', () => {
  it("shows each community's month in words and numbers, and asks for the month before", async () => {
    const sent = signedInAs(newcomer({ grants: [{ role: 'street', streetId: 'st1' }] }), {
      'GET /streets/st1/figures': (r: { query: URLSearchParams }) => ({
        streetId: 'st1',
        streetName: '满城北街街道',
        month: r.query.get('month'),
        communities: [
          row('c1', '安居苑社区'),
          row('c2', '新华苑社区', { averageRating: undefined, topicsByStatus: {} }),
        ],
      }),
    });

    render(<StreetFiguresPage />);

    const first = await screen.findByRole('group', { name: '安居苑社区' });
    expect(within(first).getByText('120 人')).toBeTruthy();
    expect(within(first).getByText('2 场 · 预约 40 座 · 到会 35 人次')).toBeTruthy();
    expect(within(first).getByText('已办结 3、待审核 1')).toBeTruthy();
    expect(within(first).getByText('平均 4.5 分（满分 5 分）')).toBeTruthy();
    expect(within(first).getByText('300 份 · 补贴 450.00 元')).toBeTruthy();
    expect(within(first).getByText('10.0 小时')).toBeTruthy();
    const second = screen.getByRole('group', { name: '新华苑社区' });
    expect(within(second).getByText('暂无评分')).toBeTruthy();
    expect(sent.find((r) => r.path === '/streets/st1/figures')!.query.get('month')).toBe(thisMonth());

    fireEvent.click(screen.getByText('上个月'));
    await waitFor(() =>
      expect(
        sent.some((r) => r.path === '/streets/st1/figures' && r.query.get('month') === shiftMonth(thisMonth(), -1)),
      ).toBe(true),
    );
  });
});

describe('shiftMonth', () => {
  it('crosses year ends both ways', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
  });
});
