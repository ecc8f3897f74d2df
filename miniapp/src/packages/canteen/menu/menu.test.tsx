import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { redirectTo, setStorageSync } from '../../../../../tests/helpers/taro-mock';
import { serveApi, type SentRequest } from '../../../../../tests/helpers/miniapp-api';
import { accessTokenWith, me } from '../../../../../tests/helpers/miniapp-fixtures';
import { TOKEN_STORAGE_KEY } from '../../../services/api';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../../services/session';
import MenuPage from './index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('../../../../../tests/helpers/taro-mock'),
  useRouter: () => ({
    params: { communityId: 'anjuyuan', canteenId: 'canteen-1', date: '2099-05-02', meal: 'lunch' },
    path: '',
  }),
}));

const MENU = 'GET /community/anjuyuan/canteens/canteen-1/menus/2099-05-02/lunch';
const QUOTE = 'POST /community/anjuyuan/canteens/canteen-1/menus/2099-05-02/lunch/quote';
const PLACE = 'POST /community/anjuyuan/canteens/canteen-1/menus/2099-05-02/lunch/orders';

const menu = {
  communityId: 'anjuyuan',
  canteenId: 'canteen-1',
  canteenName: '安居苑长者食堂',
  canteenPlace: '社区服务中心一楼',
  date: '2099-05-02',
  meal: 'lunch',
  cutoffAt: '2099-05-02T02:00:00.000Z',
  pickupStartsAt: '2099-05-02T03:30:00.000Z',
  pickupEndsAt: '2099-05-02T05:00:00.000Z',
  publishedAt: '2099-05-01T00:00:00.000Z',
  dishes: [
    { dishId: 'd1', name: '清蒸鲈鱼', priceFen: 1200, portions: 30, left: 30, perPersonLimit: 2, tags: ['低盐'] },
  ],
};

const diner = (over: object = {}) => ({
  memberId: 'm-wang',
  name: '王桂芳',
  age: 82,
  band: '80+',
  subsidyFen: 300,
  subsidyUsed: false,
  deliveryEligible: true,
  deliveryFeeFen: 200,
  ...over,
});

const price = (fulfilment: string) => ({
  itemsFen: 1200,
  subsidyFen: 300,
  deliveryFeeFen: fulfilment === 'delivery' ? 200 : 0,
  amountDueFen: fulfilment === 'delivery' ? 1100 : 900,
  band: '80+',
});

function signedIn(routes: Record<string, object>) {
  const answer = me();
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith(answer.grants));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, answer.userId);
  resetSessionCache();
  return serveApi({ 'GET /me': answer, ...routes });
}

beforeEach(() => {
  resetClientState();
});

describe('点餐 page', () => {
  it('shows the subsidy, asks the server for the price of the basket, and places the order', async () => {
    const sent = signedIn({
      [MENU]: { menu, diner: diner() },
      [QUOTE]: (req: SentRequest) => {
        const body = req.data as { fulfilment: string; lines: unknown[] };
        return { lines: [], fulfilment: body.fulfilment, price: price(body.fulfilment) };
      },
      [PLACE]: { status: 201, body: { orderId: 'o-1', communityId: 'anjuyuan' } },
    });

    render(<MenuPage />);

    expect(await screen.findByText('王桂芳 82 岁，这一餐可享助餐补贴 ¥3.00')).toBeTruthy();
    expect(screen.getByText('请先选菜')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '清蒸鲈鱼加一份' }));
    expect(await screen.findByText('¥9.00')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '送餐上门 送餐费 ¥2.00' }));
    expect(await screen.findByText('¥11.00')).toBeTruthy();
    expect(screen.getByText('-¥3.00')).toBeTruthy();

    fireEvent.click(screen.getByText('提交订单'));

    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    expect((redirectTo.mock.calls as unknown[][])[0]![0]).toMatchObject({
      url: '/packages/canteen/order/index?communityId=anjuyuan&orderId=o-1',
    });
    const placed = sent.find((r) => r.method === 'POST' && r.path.endsWith('/orders'))!;
    expect(placed.data).toEqual({ lines: [{ dishId: 'd1', quantity: 1 }], fulfilment: 'delivery' });
  });

  it('offers delivery only to members staff registered for it', async () => {
    signedIn({ [MENU]: { menu, diner: diner({ deliveryEligible: false }) } });

    render(<MenuPage />);

    expect(await screen.findByText('送餐上门仅限社区登记的高龄或行动不便老人。')).toBeTruthy();
    expect(screen.queryByRole('radio', { name: /送餐上门/ })).toBeNull();
    expect(screen.getByRole('radio', { name: '到店取餐' })).toBeTruthy();
  });
});
