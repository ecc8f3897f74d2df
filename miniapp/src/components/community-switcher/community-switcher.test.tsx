import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { getStorageSync, resetTaroMock, setStorageSync } from '../../../../tests/helpers/taro-mock';
import { serveApi } from '../../../../tests/helpers/miniapp-api';
import { accessTokenWith, me, residentGrant } from '../../../../tests/helpers/miniapp-fixtures';
import { TOKEN_STORAGE_KEY } from '../../services/api';
import { resetMeStore, type Me } from '../../services/me';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../services/session';
import { CommunitySwitcher } from './index';

const community = (id: string, name: string) => ({
  id,
  name,
  city: '银川市',
  district: '金凤区',
  address: '',
  grids: [],
});

function signedInAs(answer: Me) {
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith(answer.grants));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, answer.userId);
  resetSessionCache();
  serveApi({
    'GET /me': answer,
    'GET /community/anjuyuan': community('anjuyuan', '安居苑社区'),
    'GET /community/xinhuayuan': community('xinhuayuan', '新华苑社区'),
  });
}

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('切换社区', () => {
  it('lets staff of one community who live in another switch, and remembers the choice', async () => {
    signedInAs(me({ grants: [residentGrant, { role: 'staff', communityId: 'xinhuayuan' }] }));

    render(<CommunitySwitcher />);

    const other = await screen.findByRole('radio', { name: '新华苑社区' });
    expect(screen.getByRole('radio', { name: '安居苑社区' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(other);
    await waitFor(() => expect(getStorageSync('linli.community')).toBe('xinhuayuan'));
    expect(screen.getByRole('radio', { name: '新华苑社区' }).getAttribute('aria-checked')).toBe('true');
  });

  it('stays out of the way for someone with one community', async () => {
    signedInAs(me());

    const { container } = render(<CommunitySwitcher />);

    await waitFor(() => expect(screen.queryByText('切换社区')).toBeNull());
    expect(container.textContent).toBe('');
  });
});
