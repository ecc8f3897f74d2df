import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock, setStorageSync, switchTab } from '../../../../../tests/helpers/taro-mock';
import { apiError, serveApi, type SentRequest } from '../../../../../tests/helpers/miniapp-api';
import {
  accessTokenWith,
  anjuyuanCommunity,
  application,
  newcomer,
} from '../../../../../tests/helpers/miniapp-fixtures';
import { TOKEN_STORAGE_KEY } from '../../../services/api';
import { loadMe, resetMeStore } from '../../../services/me';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../../services/session';
import ApplyPage from './index';

const community = anjuyuanCommunity({ units: { b1: 3, b2: 2, b5: 0 }, secondGrid: false });

/** Taro's H5 elements report typing and picking as custom events carrying `detail.value`. */
function type(label: string, value: string) {
  const input = document.querySelector(`taro-input-core[aria-label="${label}"]`)!;
  act(() => {
    input.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

function pickDate(value: string) {
  const picker = document.querySelector('taro-picker-core')!;
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  });
}

async function openSignedIn(routes: Record<string, object>): Promise<SentRequest[]> {
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith([]));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, 'u-1');
  // A newcomer who opened the app from 安居苑社区's poster code.
  setStorageSync('linli.community', 'anjuyuan');
  resetSessionCache();
  const sent = serveApi({ 'GET /me': newcomer(), 'GET /community/anjuyuan': community, ...routes });
  await loadMe();
  render(<ApplyPage />);
  await screen.findByRole('radio', { name: '2号楼' });
  return sent;
}

const submit = () => fireEvent.click(screen.getByText('提交申请'));

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
  // jsdom never renders the <input> inside Taro's input element, so its value watcher complains.
  const original = console.error.bind(console);
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (String((args[0] as Error)?.stack ?? '').includes('taro-input-core')) return;
    original(...args);
  });
});

afterEach(() => jest.restoreAllMocks());

describe('membership application form', () => {
  it('shows what each field expects before anything is wrong', async () => {
    await openSignedIn({});

    expect(screen.getByText('如 302，只填数字或字母')).toBeTruthy();
    expect(screen.getByText('与身份证上的姓名一致')).toBeTruthy();
    expect(screen.getByText('11 位手机号，只用于社区联系您')).toBeTruthy();
    expect(screen.getByText('请先选择楼栋')).toBeTruthy();
  });

  it('names every missing or malformed field in the server’s words and sends nothing', async () => {
    const sent = await openSignedIn({});
    type('门牌号', '3 02');
    type('手机号', '1391234');

    submit();

    for (const message of [
      '请选择楼栋',
      '请选择单元',
      '请输入门牌号，如 302',
      '请输入真实姓名',
      '请选择出生日期',
      '请输入 11 位手机号',
    ]) {
      expect(screen.getByText(message)).toBeTruthy();
    }
    expect(sent.some((r) => r.path === '/memberships')).toBe(false);
  });

  it('offers the units of the chosen building only', async () => {
    await openSignedIn({});

    fireEvent.click(screen.getByRole('radio', { name: '2号楼' }));

    expect(screen.getByText('2号楼共 2 个单元')).toBeTruthy();
    expect(screen.getByRole('radio', { name: '2单元' })).toBeTruthy();
    expect(screen.queryByRole('radio', { name: '3单元' })).toBeNull();
  });

  it('sends a complete application and returns to 我的, which then shows 审核中', async () => {
    const sent = await openSignedIn({ 'POST /memberships': { status: 201, body: application() } });
    fireEvent.click(screen.getByRole('radio', { name: '2号楼' }));
    fireEvent.click(screen.getByRole('radio', { name: '1单元' }));
    type('门牌号', ' 501 ');
    type('真实姓名', '赵明');
    pickDate('1960-01-01');
    type('手机号', '13912345678');

    submit();

    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }));
    expect(sent.find((r) => r.path === '/memberships')?.data).toEqual({
      communityId: 'anjuyuan',
      buildingId: 'b2',
      unitId: 'u1',
      room: '501',
      realName: '赵明',
      birthDate: '1960-01-01',
      phone: '13912345678',
    });
    // 我的 is told before the page leaves: /me is asked again after the application went in.
    expect(sent.map((r) => `${r.method} ${r.path}`).slice(-2)).toEqual(['POST /memberships', 'GET /me']);
  });

  it('shows the server’s refusal when it knows better (e.g. an application already waiting)', async () => {
    await openSignedIn({ 'POST /memberships': apiError(409, 'APPLICATION_PENDING') });
    fireEvent.click(screen.getByRole('radio', { name: '1号楼' }));
    fireEvent.click(screen.getByRole('radio', { name: '3单元' }));
    type('门牌号', '302');
    type('真实姓名', '王桂芳');
    pickDate('1962-03-15');
    type('手机号', '13895012345');

    submit();

    expect(await screen.findByText('您已提交过认证申请，请等待社区审核')).toBeTruthy();
    expect(switchTab).not.toHaveBeenCalled();
  });
});
