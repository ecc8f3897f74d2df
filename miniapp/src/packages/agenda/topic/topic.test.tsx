import { fireEvent, render, screen } from '@testing-library/react';
import { showToast } from '../../../../../tests/helpers/taro-mock';
import { community } from '../../../../../tests/helpers/council-fixtures';
import { detail } from '../../../../../tests/helpers/agenda-fixtures';
import { me } from '../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs as signIn, beforeAndAfter } from '../../../../../tests/helpers/signed-in';
import { type Me } from '../../../services/me';
import TopicPage from './index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('../../../../../tests/helpers/taro-mock'),
  useRouter: () => ({ params: { communityId: 'anjuyuan', topicId: 'topic-1' }, path: '' }),
}));

const DETAIL = 'GET /community/anjuyuan/topics/topic-1';
const COSIGN = 'POST /community/anjuyuan/topics/topic-1/cosign';
const RATE = 'POST /community/anjuyuan/topics/topic-1/rating';

/** Signed in, with 安居苑 answering as the community. */
const signedInAs = (answer: Me, routes: Record<string, unknown> = {}) =>
  signIn(answer, { 'GET /community/anjuyuan': community, ...(routes as object) });

beforeEach(() => {
  resetClientState();
});

describe('议题详情 page', () => {
  it('shows who recorded the topic and its timeline, and co-signs with the count on the button', async () => {
    const flow = beforeAndAfter(
      detail(),
      detail(
        { mine: { isAuthor: false, cosigned: true, canWithdraw: false, canCosign: false, canRate: false } },
        { cosignCount: 4 },
      ),
    );
    const sent = signedInAs(me(), { [DETAIL]: flow.detail, [COSIGN]: flow.change(detail().topic) });

    render(<TopicPage />);

    expect(await screen.findByText('1号楼楼道灯不亮')).toBeTruthy();
    expect(screen.getAllByText('由工作人员刘晶代为登记').length).toBe(2);
    expect(screen.getByText('提出议题')).toBeTruthy();
    fireEvent.click(screen.getByText('附议（已有 3 人）'));

    expect(await screen.findByText('您已附议，共 4 人附议')).toBeTruthy();
    expect(screen.queryByText(/^附议（已有/)).toBeNull();
    expect(sent.filter((s) => s.method === 'POST').map((s) => s.path)).toEqual([
      '/community/anjuyuan/topics/topic-1/cosign',
    ]);
  });

  it('rates a finished topic with the stars tapped, once', async () => {
    const done = {
      status: 'done' as const,
      doneAt: '2026-11-21T01:30:00.000Z',
      decision: { text: '物业本周内更换灯具' },
    };
    const flow = beforeAndAfter(
      detail({ mine: { isAuthor: false, cosigned: false, canWithdraw: false, canCosign: false, canRate: true } }, done),
      detail(
        { mine: { isAuthor: false, cosigned: false, rating: 4, canWithdraw: false, canCosign: false, canRate: false } },
        { ...done, ratingCount: 1, averageRating: 4 },
      ),
    );
    const sent = signedInAs(me(), { [DETAIL]: flow.detail, [RATE]: flow.change(detail().topic) });

    render(<TopicPage />);

    expect(await screen.findByText('请邻里评事：办得怎么样？')).toBeTruthy();
    expect(screen.getByText('决定：物业本周内更换灯具')).toBeTruthy();
    fireEvent.click(screen.getByText('提交评价'));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先点星星打分' }));
    expect(sent.some((s) => s.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('radio', { name: '4 星' }));
    fireEvent.click(screen.getByText('提交评价'));

    expect(await screen.findByText('您的评价：★★★★☆')).toBeTruthy();
    expect(screen.queryByText('提交评价')).toBeNull();
    expect(sent.find((s) => s.method === 'POST')?.data).toEqual({ stars: 4 });
  });
});
