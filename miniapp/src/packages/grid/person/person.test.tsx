import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { makePhoneCall, navigateTo, resetTaroMock } from '../../../../../tests/helpers/taro-mock';
import { personCard, serveAsGridWorker } from '../../../../../tests/helpers/grid-fixtures';
import { resetMeStore } from '../../../services/me';
import { resetSessionCache } from '../../../services/session';
import GridPersonPage from './index';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('../../../../../tests/helpers/taro-mock'),
  useRouter: () => ({ params: { communityId: 'anjuyuan', memberId: 'm-liu' }, path: '' }),
}));

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('住户卡片', () => {
  it('calls the elder or their family with one tap, lists visits, and opens the visit form', async () => {
    serveAsGridWorker({ 'GET /community/anjuyuan/grid-people/m-liu': personCard() });
    render(<GridPersonPage />);

    fireEvent.click(await screen.findByText('打电话给刘淑珍'));
    await waitFor(() => expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13995061234' }));
    fireEvent.click(screen.getByText('打电话给王桂芳'));
    await waitFor(() => expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13895012345' }));
    expect(screen.getAllByText('上门 · 良好')).toHaveLength(2);
    expect(screen.getByText('精神不错')).toBeTruthy();

    fireEvent.click(screen.getByText('记录探访'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/packages/grid/visit/index?communityId=anjuyuan&memberId=m-liu&name=%E5%88%98%E6%B7%91%E7%8F%8D',
    });
  });

  it('says so when the person lives in someone else’s grid', async () => {
    serveAsGridWorker({
      'GET /community/anjuyuan/grid-people/m-liu': {
        status: 403,
        body: { error: { code: 'GRID_NOT_YOURS', message: '只能查看和探访自己负责网格的住户' } },
      },
    });
    render(<GridPersonPage />);

    expect(await screen.findByText('住户卡片加载失败：只能查看和探访自己负责网格的住户')).toBeTruthy();
  });
});
