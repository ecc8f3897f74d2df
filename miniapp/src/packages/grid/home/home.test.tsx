import { fireEvent, render, screen, within } from '@testing-library/react';
import { navigateTo, resetTaroMock } from '../../../../../tests/helpers/taro-mock';
import { gridPerson, serveAsGridWorker } from '../../../../../tests/helpers/grid-fixtures';
import { newcomer } from '../../../../../tests/helpers/miniapp-fixtures';
import { resetMeStore } from '../../../services/me';
import { resetSessionCache } from '../../../services/session';
import GridHomePage from './index';

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

const GRIDS = { grids: [{ gridId: 'g1', name: '第一网格', people: 3, overdue: 1, signals: 1 }] };
const PEOPLE = {
  grid: { gridId: 'g1', name: '第一网格' },
  people: [
    gridPerson({
      memberId: 'm-wang',
      name: '王秀兰',
      tags: ['独居'],
      overdue: false,
      overdueDays: 0,
      dueAt: '2030-01-01T02:00:00.000Z',
      signals: [{ kind: 'meal_not_picked_up', date: '2026-12-04', meal: '午餐', canteenName: '安居苑长者食堂' }],
    }),
    gridPerson({ lastVisitAt: undefined, lastAttemptAt: undefined, lastMethod: undefined, lastObservation: undefined }),
    gridPerson({
      memberId: 'm-zhao',
      name: '赵大伯',
      tags: [],
      intervalDays: undefined,
      overdue: false,
      hasWeChat: false,
    }),
  ],
};

describe('我的网格', () => {
  it('shows the grid’s counts and today’s signal at the top, the never-visited elder next, each with their badge', async () => {
    serveAsGridWorker({ 'GET /community/anjuyuan/my-grids': GRIDS, 'GET /community/anjuyuan/grids/g1/people': PEOPLE });
    render(<GridHomePage />);

    const rows = await screen.findAllByRole('link');

    expect(screen.getByText('第一网格')).toBeTruthy();
    expect(screen.getByText('超期未访').previousSibling?.textContent).toBe('1');
    const text = rows.map((r) => r.textContent ?? '');
    expect(text[0]).toMatch(/^⚠ 今天午餐订了没来取（安居苑长者食堂）王秀兰 82岁1月1日前探访独居6号楼 1单元 101/);
    expect(text[1]).toMatch(/^刘淑珍 82岁从未探访独居高龄6号楼 1单元 101$/);
    expect(text[2]).toMatch(/^赵大伯 82岁无微信6号楼 1单元 101/);
    expect(within(rows[0]!).getByText('⚠ 今天午餐订了没来取（安居苑长者食堂）')).toBeTruthy();
    expect(within(rows[2]!).getByText('无微信')).toBeTruthy();
  });

  it('opens a person’s card', async () => {
    serveAsGridWorker({ 'GET /community/anjuyuan/my-grids': GRIDS, 'GET /community/anjuyuan/grids/g1/people': PEOPLE });
    render(<GridHomePage />);

    fireEvent.click((await screen.findAllByRole('link'))[1]!);

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/grid/person/index?communityId=anjuyuan&memberId=m-liu' });
  });

  it('tells someone who is not a grid worker how one is appointed', async () => {
    serveAsGridWorker({}, newcomer({ name: '张伟', grants: [] }));
    render(<GridHomePage />);

    expect(await screen.findByText('仅供网格员使用')).toBeTruthy();
  });
});
