import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { makePhoneCall, setStorageSync } from '../../../../../tests/helpers/taro-mock';
import { serveApi } from '../../../../../tests/helpers/miniapp-api';
import { accessTokenWith, me } from '../../../../../tests/helpers/miniapp-fixtures';
import { TOKEN_STORAGE_KEY } from '../../../services/api';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../../services/session';
import { shanghaiToday } from '../../../utils/canteen';
import DeliveriesPage from './index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

const volunteer = me({
  userId: 'u-volunteer',
  name: '张伟',
  grants: [{ role: 'volunteer', communityId: 'anjuyuan' }],
});

const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** 刘淑珍's lunch, carried by 张伟, with its pickup window `from`..`to` minutes from now. */
const task = (from: number, to: number) => ({
  orderId: 'order-1',
  communityId: 'anjuyuan',
  canteenId: 'canteen-1',
  canteenName: '安居苑长者食堂',
  date: shanghaiToday(),
  meal: 'lunch',
  memberId: 'm-liu-shuzhen',
  memberName: '刘淑珍',
  address: { buildingName: '6号楼', unitName: '1单元', room: '101' },
  placedBy: { userId: 'u-elder', name: '刘淑珍', via: 'self' },
  lines: [{ dishId: 'd1', name: '清蒸鲈鱼', unitPriceFen: 1200, quantity: 1, lineFen: 1200 }],
  price: { itemsFen: 1200, subsidyFen: 300, deliveryFeeFen: 200, amountDueFen: 1100, band: '80+' },
  fulfilment: 'delivery',
  status: 'out_for_delivery',
  paymentStatus: 'unpaid',
  cutoffAt: minutesFromNow(-120),
  pickupStartsAt: minutesFromNow(from),
  pickupEndsAt: minutesFromNow(to),
  volunteer: { userId: 'u-volunteer', name: '张伟' },
  createdAt: minutesFromNow(-600),
});

function signedIn(routes: Record<string, unknown>) {
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith(volunteer.grants));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, volunteer.userId);
  resetSessionCache();
  return serveApi({ 'GET /me': volunteer, ...routes } as never);
}

const tasksOf = (t: object) => ({
  date: shanghaiToday(),
  groups: [{ buildingName: '6号楼', unitName: '1单元', orders: [t] }],
});

beforeEach(() => {
  resetClientState();
});

describe('送餐任务 page', () => {
  it('shows where to go and what to collect, rings the household on tap, and offers 已送达 while the meal is served', async () => {
    signedIn({
      'GET /community/anjuyuan/canteen-deliveries': tasksOf(task(-20, 60)),
      'GET /community/anjuyuan/canteen-orders/order-1/contact': { name: '刘淑珍', phone: '13995067788' },
    });

    render(<DeliveriesPage />);

    expect(await screen.findByText('送餐地址：6号楼1单元101')).toBeTruthy();
    expect(screen.getByText('送餐上门 · 货到付款 ¥11.00')).toBeTruthy();
    expect(screen.getByText('已送达')).toBeTruthy();
    fireEvent.click(screen.getByText('打电话给这户'));
    await waitFor(() => expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13995067788' }));
  });

  it('does not offer 已送达 before the meal is served, and says from when', async () => {
    signedIn({ 'GET /community/anjuyuan/canteen-deliveries': tasksOf(task(300, 390)) });

    render(<DeliveriesPage />);

    expect(await screen.findByText(/起可标记送达$/)).toBeTruthy();
    expect(screen.queryByText('已送达')).toBeNull();
    expect(screen.getByText('打电话给这户')).toBeTruthy();
  });
});
