import { render, screen } from '@testing-library/react';
import { setStorageSync, useShareAppMessage } from '../../../../../tests/helpers/taro-mock';
import { serveApi } from '../../../../../tests/helpers/miniapp-api';
import { community, session } from '../../../../../tests/helpers/council-fixtures';
import { accessTokenWith, me } from '../../../../../tests/helpers/miniapp-fixtures';
import { TOKEN_STORAGE_KEY } from '../../../services/api';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../../services/session';
import SessionPage from './index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('../../../../../tests/helpers/taro-mock'),
  useRouter: () => ({ params: { communityId: 'anjuyuan', sessionId: 'session-1' }, path: '' }),
}));

beforeEach(() => {
  resetClientState();
});

describe('sharing a council session', () => {
  it('shares the session with its time, opening it in its community, and shows a 分享 button', async () => {
    const answer = me();
    setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith(answer.grants));
    setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
    setStorageSync(USER_ID_STORAGE_KEY, answer.userId);
    resetSessionCache();
    const shown = session();
    serveApi({
      'GET /me': answer,
      'GET /community/anjuyuan': community,
      'GET /community/anjuyuan/sessions/session-1': { session: shown, myBooking: null },
    });

    render(<SessionPage />);

    expect(await screen.findByText('分享给邻居')).toBeTruthy();
    const calls = useShareAppMessage.mock.calls;
    const card = (calls[calls.length - 1]![0] as () => { title: string; path: string })();
    expect(card.title).toMatch(/^议事会：老旧小区加装电梯意见征集（.+）$/);
    expect(card.path).toBe(
      '/packages/council/session/index?communityId=anjuyuan&sessionId=session-1&community=anjuyuan',
    );
  });
});
