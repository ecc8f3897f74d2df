import { act, render, screen } from '@testing-library/react';
import { resetTaroMock, setStorageSync } from '../../../../../tests/helpers/taro-mock';
import { serveApi } from '../../../../../tests/helpers/miniapp-api';
import { TOKEN_STORAGE_KEY } from '../../../services/api';
import { resetSessionCache } from '../../../services/session';
import type { RedemptionCode } from '../../../hooks/use-points';
import { LiveCode } from './index';

const codeAt = (n: number, now: number): RedemptionCode => ({
  codeId: `code-${n}`,
  code: `R1.payload-${n}.sig`,
  shortCode: `K7MQ${n + 1}X`,
  expiresAt: new Date(now + 60_000).toISOString(),
  points: 100,
  merchantName: '老马理发店',
  offerTitle: '理发一次',
});

beforeEach(() => {
  resetTaroMock();
  jest.useFakeTimers({ now: new Date('2026-11-22T02:00:00.000Z') });
  setStorageSync(TOKEN_STORAGE_KEY, 'token');
  resetSessionCache();
});

afterEach(() => jest.useRealTimers());

describe('the one-time redemption code', () => {
  it('counts down, shows a new code before the old one expires, and the receipt once the merchant confirms', async () => {
    let confirmed = false;
    serveApi({
      'GET /community/anjuyuan/redemption-codes/code-2': () =>
        confirmed
          ? {
              status: 'redeemed',
              receipt: {
                postingId: 'p1',
                codeId: 'code-2',
                maskedName: '张*',
                merchantId: 'merchant-1',
                merchantName: '老马理发店',
                offerTitle: '理发一次',
                points: 100,
                redeemedAt: new Date().toISOString(),
              },
            }
          : { status: 'pending' },
      'GET /community/anjuyuan/redemption-codes/code-1': { status: 'pending' },
    });
    let issued = 0;
    const request = jest.fn(() => Promise.resolve(codeAt(++issued, Date.now())));

    render(<LiveCode communityId="anjuyuan" request={request} error={undefined} />);
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.getByLabelText('兑换码文字').textContent).toBe('K7MQ2X');
    expect(screen.getByText('60 秒后自动刷新')).toBeTruthy();

    await act(async () => {
      jest.advanceTimersByTime(51_000);
      await Promise.resolve();
    });
    expect(request).toHaveBeenCalledTimes(2);
    expect(screen.getByLabelText('兑换码文字').textContent).toBe('K7MQ3X');

    confirmed = true;
    await act(async () => {
      jest.advanceTimersByTime(2_100);
      await Promise.resolve();
      await Promise.resolve();
    });
    expect(await screen.findByText('✓ 兑换成功')).toBeTruthy();
    expect(screen.queryByLabelText('兑换码文字')).toBeNull();
  });
});
