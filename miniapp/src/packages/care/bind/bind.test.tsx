import { act, fireEvent, render, screen } from '@testing-library/react';
import { redirectTo, setStorageSync } from '../../../../../tests/helpers/taro-mock';
import { serveApi } from '../../../../../tests/helpers/miniapp-api';
import { accessTokenWith, newcomer } from '../../../../../tests/helpers/miniapp-fixtures';
import { typeInto } from '../../../../../tests/helpers/type-into';
import { TOKEN_STORAGE_KEY } from '../../../services/api';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../../services/session';
import PartnerBindPage from './index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

beforeEach(() => {
  resetClientState();
});

describe('共建单位绑定 page', () => {
  it('takes the code as read aloud (spaces, lower case) and opens the wall once bound', async () => {
    const operator = newcomer({ name: '周慧' });
    setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith([], '周慧'));
    setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
    setStorageSync(USER_ID_STORAGE_KEY, operator.userId);
    resetSessionCache();
    const sent = serveApi({
      'GET /me': operator,
      'POST /partner-bindings': { communityId: 'anjuyuan', partnerId: 'p-school', partnerName: '金凤区实验小学' },
    });

    render(<PartnerBindPage />);
    await screen.findByText('绑定单位');
    typeInto('邀请码', 'xuex iao8');
    fireEvent.click(screen.getByText('绑定单位'));
    await act(async () => {});

    expect(sent.find((s) => s.method === 'POST')!.data).toEqual({ inviteCode: 'XUEXIAO8' });
    expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/care/wall/index' });
  });
});
