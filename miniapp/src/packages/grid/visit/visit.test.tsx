import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { navigateBack, resetTaroMock } from '../../../../../tests/helpers/taro-mock';
import { expectEveryFieldNamedByItsLabel } from '../../../../../tests/helpers/labelled-fields';
import { serveAsGridWorker } from '../../../../../tests/helpers/grid-fixtures';
import { resetMeStore } from '../../../services/me';
import { resetSessionCache } from '../../../services/session';
import GridVisitPage from './index';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('../../../../../tests/helpers/taro-mock'),
  useRouter: () => ({ params: { communityId: 'anjuyuan', memberId: 'm-liu', name: '刘淑珍' }, path: '' }),
}));

const RECORD = 'POST /community/anjuyuan/grid-people/m-liu/visits';
const VISIT = {
  visitId: 'v2',
  memberId: 'm-liu',
  gridId: 'g1',
  at: '2026-12-04T02:00:00.000Z',
  byName: '赵网格',
  method: '上门',
  observation: '需要帮助',
};

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

const chip = (name: string) => screen.getByRole('radio', { name: new RegExp(`^${name}`) });

describe('记录探访', () => {
  it('labels the choices and the note, and asks what was seen before sending a door visit', async () => {
    const sent = serveAsGridWorker({ [RECORD]: VISIT });
    render(<GridVisitPage />);
    await screen.findByText('探访刘淑珍');

    expect(expectEveryFieldNamedByItsLabel(document).map((f) => f.name)).toEqual(['备注']);
    expect(screen.getByRole('radiogroup', { name: '探访方式' })).toBeTruthy();
    fireEvent.click(chip('上门'));
    fireEvent.click(screen.getByText('保存探访记录'));

    expect(await screen.findByText('请选择看到的情况')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('sends 上门 · 需要帮助 with the note and goes back to the card', async () => {
    const sent = serveAsGridWorker({ [RECORD]: VISIT });
    render(<GridVisitPage />);
    await screen.findByText('探访刘淑珍');

    fireEvent.click(chip('上门'));
    fireEvent.click(chip('需要帮助'));
    const note = document.querySelector('taro-textarea-core[aria-label="备注"]')!;
    act(() => {
      note.dispatchEvent(new CustomEvent('input', { detail: { value: '膝盖疼，想请人帮忙买药' } }));
    });
    fireEvent.click(screen.getByText('保存探访记录'));

    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/community/anjuyuan/grid-people/m-liu/visits');
    expect(post.data).toEqual({ method: '上门', observation: '需要帮助', note: '膝盖疼，想请人帮忙买药' });
    expect(post.header['Idempotency-Key'] ?? post.header['idempotency-key']).toBeTruthy();
  });

  it('asks nothing about what was seen when nobody answered', async () => {
    const sent = serveAsGridWorker({ [RECORD]: { ...VISIT, method: '无人应答', observation: undefined } });
    render(<GridVisitPage />);
    await screen.findByText('探访刘淑珍');

    fireEvent.click(chip('无人应答'));
    expect(screen.queryByRole('radiogroup', { name: '看到的情况' })).toBeNull();
    fireEvent.click(screen.getByText('保存探访记录'));

    await waitFor(() => expect(sent.find((r) => r.method === 'POST')?.data).toEqual({ method: '无人应答' }));
  });
});
