import { fireEvent, render, screen } from '@testing-library/react';
import { navigateTo, resetTaroMock, setStorageSync } from '../../../../tests/helpers/taro-mock';
import { serveApi } from '../../../../tests/helpers/miniapp-api';
import { accessTokenWith, me, newcomer } from '../../../../tests/helpers/miniapp-fixtures';
import { TOKEN_STORAGE_KEY } from '../../services/api';
import { resetMeStore, type Me } from '../../services/me';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../services/session';
import HomePage from './index';
import { nextSeat } from './my-day';

function signedInAs(answer: Me, routes: Record<string, object>) {
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith(answer.grants, answer.name));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, answer.userId);
  resetSessionCache();
  return serveApi({ 'GET /me': answer, 'GET /me/messages/unread-count': { unread: 2 }, ...routes });
}

const session = (over: object) => ({
  sessionId: 's-1',
  communityId: 'anjuyuan',
  title: '楼道照明议事',
  venue: { venueId: 'v-1', communityId: 'anjuyuan', name: '议事角', place: '3号楼', capacity: 10 },
  startsAt: '2026-12-10T01:00:00.000Z',
  endsAt: '2026-12-10T02:00:00.000Z',
  ...over,
});
const booking = (status: string, sessionOver: object = {}) => ({
  booking: { bookingId: `b-${status}`, sessionId: 's-1', status },
  session: session(sessionOver),
});

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('首页', () => {
  it('offers a newcomer the way to become a verified resident first', async () => {
    signedInAs(newcomer({ name: '新居民' }), {});
    render(<HomePage />);

    fireEvent.click(await screen.findByText('申请成为认证居民'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/account/apply/index' });
  });

  it('leads a resident with her next seat, today’s menu and order, and her unread messages', async () => {
    signedInAs(me(), {
      'GET /me/bookings': { bookings: [booking('booked')] },
      'GET /community/anjuyuan/menus': {
        today: '2026-12-04',
        menus: [{ date: '2026-12-04', meal: 'lunch', dishes: [{ name: '清蒸鲈鱼' }, { name: '番茄炒蛋' }] }],
      },
      'GET /me/canteen-orders': {
        orders: [{ date: '2026-12-04', meal: 'lunch', status: 'placed', fulfilment: 'pickup' }],
      },
    });
    render(<HomePage />);

    expect(await screen.findByText('我的下一场议事会')).toBeTruthy();
    expect(await screen.findByText(/^楼道照明议事 · .* · 已预约座位$/)).toBeTruthy();
    expect(await screen.findByText('午餐：清蒸鲈鱼、番茄炒蛋。我的订餐：午餐 待取餐')).toBeTruthy();
    expect(await screen.findByText('2 条未读消息')).toBeTruthy();
    expect(screen.queryByText('申请成为认证居民')).toBeNull();
  });

  it('picks the soonest seat still ahead, booked or waiting, as the next one', () => {
    const now = new Date('2026-12-05T00:00:00.000Z');
    const past = booking('booked', { startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T02:00:00.000Z' });
    const later = booking('booked', {
      sessionId: 's-2',
      startsAt: '2026-12-20T01:00:00.000Z',
      endsAt: '2026-12-20T02:00:00.000Z',
    });
    const soon = booking('waitlisted', {
      sessionId: 's-3',
      startsAt: '2026-12-06T01:00:00.000Z',
      endsAt: '2026-12-06T02:00:00.000Z',
    });
    const cancelled = booking('cancelled', {
      startsAt: '2026-12-05T08:00:00.000Z',
      endsAt: '2026-12-05T09:00:00.000Z',
    });

    const next = nextSeat([past, later, soon, cancelled] as never, now);

    expect(next?.session.sessionId).toBe('s-3');
  });
});
