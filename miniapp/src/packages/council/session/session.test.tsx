import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { showModal } from '../../../../../tests/helpers/taro-mock';
import { apiError, type SentRequest } from '../../../../../tests/helpers/miniapp-api';
import { topic } from '../../../../../tests/helpers/agenda-fixtures';
import { booking, community, session } from '../../../../../tests/helpers/council-fixtures';
import { me } from '../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs as signIn } from '../../../../../tests/helpers/signed-in';
import { type Me } from '../../../services/me';
import { askConsent } from '../../../services/subscribe';
import SessionPage from './index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('../../../../../tests/helpers/taro-mock'),
  useRouter: () => ({ params: { communityId: 'anjuyuan', sessionId: 'session-1' }, path: '' }),
}));

const order: string[] = [];
jest.mock('../../../services/subscribe', () => ({
  askConsent: jest.fn(async () => {
    order.push('consent');
  }),
}));

const DETAIL = 'GET /community/anjuyuan/sessions/session-1';
const BOOK = 'POST /community/anjuyuan/sessions/session-1/bookings';
const CANCEL = 'POST /community/anjuyuan/sessions/session-1/bookings/cancel';

/** Signed in, with 安居苑 answering as the community. */
const signedInAs = (answer: Me, routes: Record<string, unknown> = {}) =>
  signIn(answer, { 'GET /community/anjuyuan': community, ...(routes as object) });

/** Answers the detail with `first` until a booking call was made, then with `after`. */
function detailBeforeAndAfter(first: object, after: object) {
  let changed = false;
  return {
    detail: () => (changed ? after : first),
    change: (answer: object) => (sent: SentRequest) => {
      order.push(sent.path);
      changed = true;
      return answer;
    },
  };
}

beforeEach(() => {
  resetClientState();
  order.length = 0;
  (askConsent as jest.Mock).mockClear();
});

describe('议事会 page', () => {
  it('books a seat, then shows the QR code and the 签到码 in large letters', async () => {
    const booked = booking();
    const flow = detailBeforeAndAfter(
      { session: session(), myBooking: null },
      { session: session({ seatsLeft: 24 }), myBooking: booked },
    );
    signedInAs(me(), { [DETAIL]: flow.detail, [BOOK]: flow.change({ status: 201, body: booked }) });

    render(<SessionPage />);

    expect(await screen.findByText('老旧小区加装电梯意见征集')).toBeTruthy();
    fireEvent.click(screen.getByText('预约座位'));

    expect(await screen.findByText('K7M2QX')).toBeTruthy();
    expect(screen.getByText('签到码')).toBeTruthy();
    expect(screen.getByRole('img', { name: '王桂芳的签到二维码' })).toBeTruthy();
    expect(screen.getAllByText('已预约').length).toBeGreaterThan(0);
    expect(screen.getByText(/前可以取消预约/)).toBeTruthy();
    // A booked seat can later be reminded of or cancelled: consent for both, inside the tap.
    expect(askConsent).toHaveBeenCalledWith(['seat', 'council']);
  });

  it('asks for subscribe consent before joining the waitlist, and shows the place after', async () => {
    const waiting = booking({ status: 'waitlisted', waitlistPosition: 4 });
    const full = session({ seatsLeft: 0, waiting: 3 });
    const flow = detailBeforeAndAfter(
      { session: full, myBooking: null },
      { session: { ...full, waiting: 4 }, myBooking: waiting },
    );
    signedInAs(me(), { [DETAIL]: flow.detail, [BOOK]: flow.change({ status: 201, body: waiting }) });

    render(<SessionPage />);

    expect(await screen.findByText('已满 · 3 人候补')).toBeTruthy();
    fireEvent.click(screen.getByText('加入候补'));

    expect((await screen.findAllByText('候补第4位')).length).toBeGreaterThan(0);
    expect(askConsent).toHaveBeenCalledWith(['seat', 'council']);
    expect(order).toEqual(['consent', '/community/anjuyuan/sessions/session-1/bookings']);
    expect(screen.queryByText('K7M2QX')).toBeNull();
  });

  it('says 在候补中 without a number when the answer carries no place (a replayed booking)', async () => {
    const full = session({ seatsLeft: 0, waiting: 3 });
    const replayed = booking({ status: 'waitlisted', waitlistPosition: undefined });
    signedInAs(me(), { [DETAIL]: { session: full, myBooking: replayed } });

    render(<SessionPage />);

    expect(await screen.findByText(/座位已满，您在候补中/)).toBeTruthy();
    expect(screen.queryByText(/\?/)).toBeNull();
    expect(screen.getAllByText('候补中').length).toBeGreaterThan(0);
  });

  it('cancels a booking only after the person confirms', async () => {
    const flow = detailBeforeAndAfter(
      { session: session(), myBooking: booking() },
      { session: session(), myBooking: null },
    );
    const sent = signedInAs(me(), {
      [DETAIL]: flow.detail,
      [CANCEL]: flow.change(booking({ status: 'cancelled' })),
    });
    showModal.mockResolvedValueOnce({ errMsg: 'showModal:ok', confirm: false, cancel: true });

    render(<SessionPage />);

    fireEvent.click(await screen.findByText('取消预约'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(sent.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByText('取消预约'));
    // The page with its QR code re-renders twice on the way; under a loaded machine that can pass 1 s.
    expect(await screen.findByText('预约座位', undefined, { timeout: 5000 })).toBeTruthy();
    expect(showModal).toHaveBeenCalledTimes(2);
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      '/community/anjuyuan/sessions/session-1/bookings/cancel',
    ]);
  });

  it('shows the session’s agenda: the topics scheduled into it', async () => {
    signedInAs(me(), {
      [DETAIL]: { session: session(), myBooking: null },
      'GET /community/anjuyuan/sessions/session-1/topics': {
        topics: [topic({ status: 'scheduled', title: '加装电梯费用如何分摊', cosignCount: 12 })],
      },
    });

    render(<SessionPage />);

    expect(await screen.findByText('本次议程')).toBeTruthy();
    expect(screen.getByRole('link', { name: /^加装电梯费用如何分摊/ })).toBeTruthy();
    expect(screen.getByText('附议 12 人')).toBeTruthy();
  });

  it('says when the cancel cutoff has passed instead of offering to cancel', async () => {
    signedInAs(me(), {
      [DETAIL]: { session: session({ cancelCutoffAt: '2026-01-01T00:00:00.000Z' }), myBooking: booking() },
    });

    render(<SessionPage />);

    expect(await screen.findByText(/已过取消截止时间/)).toBeTruthy();
    expect(screen.queryByText('取消预约')).toBeNull();
  });

  it('explains a no-show restriction and offers no free seat', async () => {
    signedInAs(me(), {
      [DETAIL]: {
        session: session(),
        myBooking: null,
        restriction: {
          code: 'BOOKING_RESTRICTED',
          message: '近期多次预约未到场，暂时只能候补',
          until: '2099-12-01T00:00:00.000Z',
        },
      },
    });

    render(<SessionPage />);

    expect(await screen.findByText(/近期多次预约未到场，暂时只能候补/)).toBeTruthy();
    expect(screen.queryByText('预约座位')).toBeNull();
  });

  it('shows no QR code for a booking of a cancelled session', async () => {
    signedInAs(me(), {
      [DETAIL]: { session: session({ status: 'cancelled', cancelReason: '天气原因' }), myBooking: booking() },
    });

    render(<SessionPage />);

    expect(await screen.findByText('您的预约随之失效，不用再到场。')).toBeTruthy();
    expect(screen.getByText('取消原因：天气原因')).toBeTruthy();
    expect(screen.queryByText('K7M2QX')).toBeNull();
    expect(screen.queryByText('取消预约')).toBeNull();
  });

  it('shows the server’s reason when the session is for other buildings', async () => {
    signedInAs(me(), { [DETAIL]: apiError(403, 'NOT_IN_AUDIENCE') });

    render(<SessionPage />);

    expect(await screen.findByText('议事会加载失败：这场议事会面向其他楼栋的居民')).toBeTruthy();
  });
});
