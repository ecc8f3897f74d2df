import { act, fireEvent, render, screen } from '@testing-library/react';
import { showModal, useShareAppMessage } from '../../../../../tests/helpers/taro-mock';
import { community } from '../../../../../tests/helpers/council-fixtures';
import { textareaEvent, wish, wishDetail } from '../../../../../tests/helpers/care-fixtures';
import { me } from '../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs as signIn, beforeAndAfter } from '../../../../../tests/helpers/signed-in';
import { type Me } from '../../../services/me';
import WishPage from './index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('../../../../../tests/helpers/taro-mock'),
  useRouter: () => ({ params: { communityId: 'anjuyuan', wishId: 'wish-1' }, path: '' }),
}));

const DETAIL = 'GET /community/anjuyuan/wishes/wish-1';

/** Signed in, with 安居苑 answering as the community. */
const signedInAs = (answer: Me, routes: Record<string, unknown> = {}) =>
  signIn(answer, { 'GET /community/anjuyuan': community, ...(routes as object) });

beforeEach(() => {
  resetClientState();
});

describe('心愿详情 page', () => {
  it('lets the wisher confirm a delivered wish after asking, then shows it fulfilled with its timeline', async () => {
    const delivered = { status: 'delivered' as const, wisherName: '刘淑珍', deliveryNote: '收音机已送到家' };
    const flow = beforeAndAfter(
      wishDetail(delivered, { isWisher: true, canConfirm: true }),
      wishDetail({ ...delivered, status: 'fulfilled' }, { isWisher: true }),
    );
    const sent = signedInAs(me(), {
      [DETAIL]: flow.detail,
      'POST /community/anjuyuan/wishes/wish-1/confirm': flow.change(wish({ status: 'fulfilled' })),
    });

    render(<WishPage />);

    expect(await screen.findByText('送达说明：收音机已送到家')).toBeTruthy();
    expect(screen.getByText('待审核 → 待认领')).toBeTruthy();
    fireEvent.click(screen.getByText('确认已收到，心愿圆梦'));
    await act(async () => {});

    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认圆梦' }));
    expect(await screen.findByText('已圆梦')).toBeTruthy();
    expect(screen.queryByText('确认已收到，心愿圆梦')).toBeNull();
    expect(sent.filter((s) => s.method === 'POST').map((s) => s.path)).toEqual([
      '/community/anjuyuan/wishes/wish-1/confirm',
    ]);
  });

  it('asks the claimer for a note before marking it delivered, and sends the note', async () => {
    const sent = signedInAs(me(), {
      [DETAIL]: wishDetail({ status: 'claimed' }, { isClaimer: true, canDeliver: true, canRelease: true }),
      'POST /community/anjuyuan/wishes/wish-1/deliver': wish({ status: 'delivered' }),
    });

    render(<WishPage />);
    fireEvent.click(await screen.findByText('标记已送达'));

    expect(await screen.findByText('请写一句送达说明')).toBeTruthy();
    act(() => {
      textareaEvent('送达说明').dispatchEvent(new CustomEvent('input', { detail: { value: '收音机已送到家' } }));
    });
    expect(screen.getByText('已写 7 字，最多 200 字')).toBeTruthy();
    fireEvent.click(screen.getByText('标记已送达'));
    await act(async () => {});

    const deliver = sent.find((s) => s.method === 'POST')!;
    expect(deliver.path).toBe('/community/anjuyuan/wishes/wish-1/deliver');
    expect(deliver.data).toEqual({ note: '收音机已送到家' });
    expect(screen.getByText('给回心愿墙（放弃认领）')).toBeTruthy();
  });

  it('declares a share card with the wish (never the wisher) and a visible 分享 button', async () => {
    signedInAs(me(), { [DETAIL]: wishDetail({}, { canClaim: true }) });

    render(<WishPage />);

    expect(await screen.findByText('分享到邻里群')).toBeTruthy();
    const share = useShareAppMessage.mock.calls.at(-1)![0] as () => { title: string; path: string };
    expect(share()).toEqual({
      title: '微心愿：想要一台收音机，每天听听新闻（等待认领）',
      path: '/packages/care/wish/index?communityId=anjuyuan&wishId=wish-1&community=anjuyuan',
    });
    expect(screen.getByText('认领这个心愿')).toBeTruthy();
  });
});
