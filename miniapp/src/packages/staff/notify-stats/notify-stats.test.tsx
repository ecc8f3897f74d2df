import { render, screen, within } from '@testing-library/react';
import { resetTaroMock } from '../../../../../tests/helpers/taro-mock';
import { me, newcomer } from '../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs } from '../../../../../tests/helpers/signed-in';
import { todayInShanghai } from '../../../services/form-rules';
import { resetMeStore } from '../../../services/me';
import { resetSessionCache } from '../../../services/session';
import StaffNotifyStatsPage from './index';

const staff = newcomer({ name: '刘晶', grants: [{ role: 'staff', communityId: 'anjuyuan' }] });

/** The last 7 Shanghai days, oldest first, as the API returns them. */
function lastWeek(): string[] {
  const today = Date.parse(`${todayInShanghai()}T00:00:00Z`);
  return Array.from({ length: 7 }, (_, i) => new Date(today - (6 - i) * 86_400_000).toISOString().slice(0, 10));
}

const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('[role="cell"]')).map((c) => c.textContent);

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('消息发送情况', () => {
  it('shows the last 7 days, today first, with the four counts and their totals', async () => {
    const dates = lastWeek();
    const zero = { inApp: 0, wechatSent: 0, wechatFailed: 0, wechatRefused: 0 };
    const days = dates.map((date) => ({ date, ...zero }));
    days[6] = { date: dates[6]!, inApp: 12, wechatSent: 5, wechatFailed: 1, wechatRefused: 3 };
    days[0] = { date: dates[0]!, inApp: 4, wechatSent: 2, wechatFailed: 0, wechatRefused: 1 };
    const sent = signedInAs(staff, { 'GET /community/anjuyuan/notification-stats': { days } });

    render(<StaffNotifyStatsPage />);

    const table = await screen.findByRole('table', { name: '近 7 天消息发送情况' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['日期', '站内消息', '微信已发送', '失败', '拒收']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(8);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('今天');
    expect(cells(rows[0]!)).toEqual(['12', '5', '1', '3']);
    const [, m, d] = dates[0]!.split('-').map(Number);
    expect(within(rows[6]!).getByRole('rowheader').textContent).toBe(`${m}月${d}日`);
    expect(cells(rows[6]!)).toEqual(['4', '2', '0', '1']);
    expect(within(rows[7]!).getByRole('rowheader').textContent).toBe('合计');
    expect(cells(rows[7]!)).toEqual(['16', '7', '1', '4']);
    expect(sent.some((r) => r.path === '/community/anjuyuan/notification-stats')).toBe(true);
  });

  it('is for staff only', async () => {
    const sent = signedInAs(me(), {});

    render(<StaffNotifyStatsPage />);

    expect(await screen.findByText('仅供社区工作人员使用')).toBeTruthy();
    expect(sent.some((r) => r.path.endsWith('/notification-stats'))).toBe(false);
  });
});
