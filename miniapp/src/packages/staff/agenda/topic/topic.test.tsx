import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock, setStorageSync } from '../../../../../../tests/helpers/taro-mock';
import { serveApi } from '../../../../../../tests/helpers/miniapp-api';
import { detail, topic } from '../../../../../../tests/helpers/agenda-fixtures';
import { expectEveryFieldNamedByItsLabel } from '../../../../../../tests/helpers/labelled-fields';
import { accessTokenWith, newcomer } from '../../../../../../tests/helpers/miniapp-fixtures';
import { TOKEN_STORAGE_KEY } from '../../../../services/api';
import { resetMeStore, type Me } from '../../../../services/me';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../../../services/session';
import StaffAgendaTopicPage from './index';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('../../../../../../tests/helpers/taro-mock'),
  useRouter: () => ({ params: { topicId: 'topic-1' }, path: '' }),
}));

const staff = newcomer({ name: '刘晶', grants: [{ role: 'staff', communityId: 'anjuyuan' }] });
const DETAIL = 'GET /community/anjuyuan/topics/topic-1';

function signedInAs(answer: Me, routes: Record<string, object>) {
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith(answer.grants, answer.name));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, answer.userId);
  resetSessionCache();
  return serveApi({ 'GET /me': answer, ...routes });
}

/** Taro's H5 elements report typing as custom events carrying `detail.value`. */
function type(element: Element, value: string) {
  act(() => {
    element.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

/** The Taro input or textarea element labelled `label`. */
const field = (label: string) => document.querySelector(`[aria-label="${label}"]`)!;

const posted = (sent: ReturnType<typeof serveApi>) => sent.filter((r) => r.method === 'POST');

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('办理议题 (staff)', () => {
  it('refuses a topic with a reply template the staff member edits before sending', async () => {
    const sent = signedInAs(staff, {
      [DETAIL]: detail(),
      'POST /community/anjuyuan/topics/topic-1/reject': topic({ status: 'rejected' }),
    });
    render(<StaffAgendaTopicPage />);

    fireEvent.click(await screen.findByText('不予受理'));
    fireEvent.click(screen.getByRole('button', { name: /^使用回复：该问题属于物业服务范围/ }));
    expect(field('不予受理的原因').getAttribute('value')).toBe(
      '该问题属于物业服务范围，已转交物业公司处理，请留意物业通知。',
    );
    type(field('不予受理的原因'), '该问题属于物业服务范围，已转交安居物业，电话 6123456。');
    fireEvent.click(screen.getByText('确认不予受理'));

    await waitFor(() => expect(posted(sent)).toHaveLength(1));
    expect(posted(sent)[0]?.data).toEqual({ reason: '该问题属于物业服务范围，已转交安居物业，电话 6123456。' });
  });

  it('merges into the open topic chosen, with the merge reply as the note', async () => {
    const target = topic({ topicId: 'topic-2', title: '楼道照明改造', status: 'approved', cosignCount: 8 });
    const sent = signedInAs(staff, {
      [DETAIL]: detail(),
      'GET /community/anjuyuan/topics': { topics: [topic(), target] },
      'POST /community/anjuyuan/topics/topic-1/merge': topic({ status: 'merged' }),
    });
    render(<StaffAgendaTopicPage />);

    fireEvent.click(await screen.findByText('合并'));
    fireEvent.click(await screen.findByRole('radio', { name: '楼道照明改造 附议 8 人' }));
    expect(screen.queryByRole('radio', { name: /^1号楼楼道灯不亮/ })).toBeNull();
    fireEvent.click(screen.getByText('确认合并'));

    await waitFor(() => expect(posted(sent)).toHaveLength(1));
    expect(posted(sent)[0]?.data).toEqual({
      intoTopicId: 'topic-2',
      note: '您反映的问题与已有议题相同，已合并处理，附议已一并计入。',
    });
  });

  it('labels the decision and each count of the vote tally (票) with what it is', async () => {
    signedInAs(staff, { [DETAIL]: detail({}, { status: 'scheduled' }) });
    render(<StaffAgendaTopicPage />);
    await screen.findByText('保存决定');

    const names = expectEveryFieldNamedByItsLabel(document).map((f) => f.name);

    expect(names).toEqual(['议事决定', '赞成（票）', '反对（票）', '弃权（票）']);
  });

  it('records a decision with its vote tally', async () => {
    const sent = signedInAs(staff, {
      [DETAIL]: detail({}, { status: 'scheduled' }),
      'POST /community/anjuyuan/topics/topic-1/decision': topic({ status: 'decided' }),
    });
    render(<StaffAgendaTopicPage />);

    await screen.findByText('保存决定');
    type(field('议事决定'), '物业本周内更换灯具，费用从维修基金列支');
    type(field('赞成（票）'), '18');
    type(field('反对（票）'), '1');
    fireEvent.click(screen.getByText('保存决定'));

    await waitFor(() => expect(posted(sent)).toHaveLength(1));
    expect(posted(sent)[0]?.data).toEqual({
      text: '物业本周内更换灯具，费用从维修基金列支',
      tally: { for: 18, against: 1, abstain: 0 },
    });
  });
});
