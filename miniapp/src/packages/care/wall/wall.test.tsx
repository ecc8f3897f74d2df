import { act, fireEvent, render, screen } from '@testing-library/react';
import { setStorageSync, showModal } from '../../../../../tests/helpers/taro-mock';
import { apiError, serveApi } from '../../../../../tests/helpers/miniapp-api';
import { community } from '../../../../../tests/helpers/council-fixtures';
import { wish } from '../../../../../tests/helpers/care-fixtures';
import { accessTokenWith, dependentLink, me } from '../../../../../tests/helpers/miniapp-fixtures';
import { startActingFor } from '../../../services/acting-for';
import { TOKEN_STORAGE_KEY } from '../../../services/api';
import { type Me } from '../../../services/me';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../../services/session';
import WishWallPage from './index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

const WALL = {
  wishes: [
    wish({ wishId: 'w-open' }),
    wish({ wishId: 'w-mine', text: '帮忙修一下门锁', wisherName: '1号楼 王**', priority: false }),
    wish({
      wishId: 'w-claimed',
      text: '想要几本大字书',
      status: 'claimed',
      claimer: { kind: 'partner', name: '社区卫生服务站' },
    }),
    wish({ wishId: 'w-done', text: '想有人陪我聊聊天', status: 'fulfilled', fulfilledAt: '2026-11-25T01:30:00.000Z' }),
  ],
  claimable: ['w-open'],
};

function signedInAs(answer: Me, routes: Record<string, unknown> = {}) {
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith(answer.grants));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, answer.userId);
  resetSessionCache();
  return serveApi({
    'GET /me': answer,
    'GET /community/anjuyuan': community,
    'GET /community/anjuyuan/wish-wall': WALL,
    ...(routes as object),
  });
}

beforeEach(() => {
  resetClientState();
});

describe('心愿墙 page', () => {
  it('offers 认领 only on the wishes the server lets me claim, asks first, and keeps a refusal on screen', async () => {
    const sent = signedInAs(me(), {
      'POST /community/anjuyuan/wishes/w-open/claim': apiError(409, 'WISH_ALREADY_CLAIMED'),
    });

    render(<WishWallPage />);

    expect(await screen.findByText('想要一台收音机，每天听听新闻')).toBeTruthy();
    expect(screen.getByText('帮忙修一下门锁')).toBeTruthy();
    expect(screen.getAllByText('认领这个心愿')).toHaveLength(1);
    expect(screen.getAllByText('优先')).toHaveLength(1);
    expect(screen.queryByText('想要几本大字书')).toBeNull();
    fireEvent.click(screen.getByText('认领这个心愿'));
    await act(async () => {});

    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '认领心愿' }));
    expect(sent.filter((s) => s.method === 'POST').map((s) => s.path)).toEqual([
      '/community/anjuyuan/wishes/w-open/claim',
    ]);
    expect(await screen.findByText('这个心愿已被其他人认领')).toBeTruthy();
  });

  it('filters by state: 认领中 shows who claimed, 已圆梦 the fulfilled ones', async () => {
    signedInAs(me());

    render(<WishWallPage />);
    fireEvent.click(await screen.findByRole('radio', { name: '认领中' }));

    expect(await screen.findByText('想要几本大字书')).toBeTruthy();
    expect(screen.getByText('认领：共建单位 社区卫生服务站')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '已圆梦' }));
    expect(await screen.findByText('想有人陪我聊聊天')).toBeTruthy();
    expect(screen.queryByText('想要一台收音机，每天听听新闻')).toBeNull();
  });

  it('offers a caregiver acting for an elder no claim in the elder’s name, and the elder’s own wishes instead', async () => {
    signedInAs(me({ dependents: [dependentLink({ status: 'active' })] }));
    startActingFor({ memberId: 'm-li', realName: '李秀英', age: 86, userId: 'u-1' });

    render(<WishWallPage />);

    expect(await screen.findByText('想要一台收音机，每天听听新闻')).toBeTruthy();
    expect(screen.queryByText('认领这个心愿')).toBeNull();
    expect(screen.getByText('为李秀英许个心愿')).toBeTruthy();
    expect(screen.getByText('李秀英的心愿')).toBeTruthy();
  });
});
