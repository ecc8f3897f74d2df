import { act, fireEvent, render, screen } from '@testing-library/react';
import type { Need, NeedDetail } from '../../../hooks/use-needs';
import { redirectTo } from '../../../../../tests/helpers/taro-mock';
import { community } from '../../../../../tests/helpers/council-fixtures';
import { textareaEvent } from '../../../../../tests/helpers/care-fixtures';
import { expectEveryFieldNamedByItsLabel } from '../../../../../tests/helpers/labelled-fields';
import { dependentLink, me } from '../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs as signIn } from '../../../../../tests/helpers/signed-in';
import { startActingFor } from '../../../services/acting-for';
import { type Me } from '../../../services/me';
import PostNeedPage from './post/index';
import NeedDetailPage from './detail/index';
import NeedTasksPage from './tasks/index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('../../../../../tests/helpers/taro-mock'),
  useRouter: () => ({ params: { communityId: 'anjuyuan', needId: 'need-1' }, path: '' }),
}));

const need = (over: Partial<Need> = {}): Need => ({
  needId: 'need-1',
  communityId: 'anjuyuan',
  text: '楼道灯坏了，晚上看不见台阶',
  category: '维修报修',
  urgency: 'normal',
  status: 'new',
  source: 'resident',
  personLabel: '1号楼 李**',
  dueAt: '2030-12-07T10:00:00.000Z',
  overdue: false,
  createdAt: '2026-12-04T10:00:00.000Z',
  statusAt: '2026-12-04T10:00:00.000Z',
  ...over,
});

const detail = (over: Partial<Need> = {}, mine: Partial<NeedDetail['mine']> = {}): NeedDetail => ({
  need: need(over),
  timeline: [{ seq: 0, at: '2026-12-04T10:00:00.000Z', byName: '李秀英', byRole: 'resident', from: null, to: 'new' }],
  mine: {
    isRequester: false,
    isAssignee: false,
    canDispatch: false,
    canAccept: false,
    canDecline: false,
    canFinish: false,
    canRate: false,
    canCancel: false,
    canRefer: false,
    ...mine,
  },
});

/** Signed in, with 安居苑 answering as the community. */
const signedInAs = (answer: Me, routes: Record<string, unknown> = {}) =>
  signIn(answer, { 'GET /community/anjuyuan': community, ...(routes as object) });

beforeEach(() => {
  resetClientState();
});

describe('我要求助 page', () => {
  it('lets a caregiver ask for the elder (代办) and sends text, category and urgency', async () => {
    const sent = signedInAs(me({ dependents: [dependentLink({ status: 'active' })] }), {
      'POST /community/anjuyuan/needs': need(),
    });
    startActingFor({ memberId: 'm-li', realName: '李秀英', age: 86, userId: 'u-1' });
    render(<PostNeedPage />);

    expect(await screen.findByText('为李秀英求助（家属代办）')).toBeTruthy();
    expectEveryFieldNamedByItsLabel(document.body);
    act(() => {
      textareaEvent('需要什么帮助').dispatchEvent(new CustomEvent('input', { detail: { value: '楼道灯坏了' } }));
    });
    fireEvent.click(screen.getByRole('radio', { name: '维修报修' }));
    fireEvent.click(screen.getByRole('radio', { name: '紧急' }));
    fireEvent.click(screen.getByText('提交求助'));
    await act(async () => {});

    const post = sent.find((s) => s.method === 'POST')!;
    expect(post.header['X-Acting-For']).toBe('m-li');
    expect(post.data).toEqual({ text: '楼道灯坏了', category: '维修报修', urgency: 'urgent' });
    expect(redirectTo).toHaveBeenCalledWith({
      url: '/packages/care/needs/detail/index?communityId=anjuyuan&needId=need-1',
    });
  });

  it('names what is missing and sends nothing', async () => {
    const sent = signedInAs(me());
    render(<PostNeedPage />);
    fireEvent.click(await screen.findByText('提交求助'));
    expect(await screen.findByText('请把需要的帮助写清楚（至少 4 个字）')).toBeTruthy();
    expect(screen.getByText('请选择求助类别')).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);
  });
});

describe('求助详情 page', () => {
  it('lets the resident rate a finished need 4 stars with a comment', async () => {
    const done = detail(
      { status: 'done', doneNote: '已换好灯泡', assignee: { kind: 'volunteer', id: 'v1', name: '张伟' } },
      { isRequester: true, canRate: true },
    );
    const sent = signedInAs(me(), {
      'GET /community/anjuyuan/needs/need-1': done,
      'POST /community/anjuyuan/needs/need-1/rate': need({ status: 'rated', stars: 4 }),
    });
    render(<NeedDetailPage />);

    expect(await screen.findByText('办理情况：已换好灯泡')).toBeTruthy();
    expect(screen.getByText('志愿者：张伟')).toBeTruthy();
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('请选择星级')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '4 星' }));
    act(() => {
      textareaEvent('评价留言（可不填）').dispatchEvent(new CustomEvent('input', { detail: { value: '很及时' } }));
    });
    fireEvent.click(screen.getByText('提交评价'));
    await act(async () => {});
    expect(sent.find((s) => s.method === 'POST')!.data).toEqual({ stars: 4, comment: '很及时' });
  });

  it('lets staff turn a need into an agenda topic (议题), naming what is missing first', async () => {
    const sent = signedInAs(me({ grants: [{ role: 'staff', communityId: 'anjuyuan' }] }), {
      'GET /community/anjuyuan/needs/need-1': detail({ status: 'accepted' }, { canRefer: true }),
      'POST /community/anjuyuan/needs/need-1/agenda-topic': { status: 201, body: { need: need(), topicId: 't-1' } },
    });
    render(<NeedDetailPage />);
    expect(await screen.findByRole('group', { name: '转为议题' })).toBeTruthy();
    expectEveryFieldNamedByItsLabel(document.body);
    fireEvent.click(screen.getByText('转为议题', { selector: '.nut-button, .nut-button *' }));
    expect(await screen.findByText('议题标题至少 4 个字')).toBeTruthy();
    expect(screen.getByText('请选择议题类别')).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);

    const title = document.querySelector('taro-input-core[aria-label="议题标题"]')!;
    act(() => {
      title.dispatchEvent(new CustomEvent('input', { detail: { value: '3号楼楼道灯长期不亮' } }));
    });
    fireEvent.click(screen.getByRole('radio', { name: '设施维修' }));
    fireEvent.click(screen.getByText('转为议题', { selector: '.nut-button, .nut-button *' }));
    await act(async () => {});
    expect(sent.find((s) => s.method === 'POST')!.data).toEqual({ title: '3号楼楼道灯长期不亮', category: '设施维修' });
  });

  it('offers the assignee 接单 and 退单 with a required reason', async () => {
    const sent = signedInAs(me(), {
      'GET /community/anjuyuan/needs/need-1': detail(
        { status: 'dispatched' },
        { isAssignee: true, canAccept: true, canDecline: true },
      ),
      'POST /community/anjuyuan/needs/need-1/decline': need({ status: 'new' }),
    });
    render(<NeedDetailPage />);
    expect(await screen.findByText('接单')).toBeTruthy();
    fireEvent.click(screen.getByText('退单'));
    expect(await screen.findByText('请填写退单原因')).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);
  });
});

describe('我的任务 page', () => {
  it('lists the needs dispatched to a volunteer, overdue marked', async () => {
    signedInAs(me({ grants: [{ role: 'volunteer', communityId: 'anjuyuan' }] }), {
      'GET /community/anjuyuan/my-need-tasks': {
        needs: [need({ status: 'dispatched', overdue: true, assignee: { kind: 'volunteer', id: 'v1', name: '张伟' } })],
      },
    });
    render(<NeedTasksPage />);
    expect(await screen.findByText('已派单·已超时')).toBeTruthy();
    expect(screen.getByText('请点进去接单或退单')).toBeTruthy();
  });
});
