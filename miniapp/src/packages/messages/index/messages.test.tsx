import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import {
  navigateTo,
  resetTaroMock,
  setStorageSync,
  setTabBarBadge,
  switchTab,
} from '../../../../../tests/helpers/taro-mock';
import { apiError, serveApi, type Answer } from '../../../../../tests/helpers/miniapp-api';
import { accessTokenWith, residentGrant } from '../../../../../tests/helpers/miniapp-fixtures';
import type { Message } from '../../../hooks/use-messages';
import { TOKEN_STORAGE_KEY } from '../../../services/api';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../../services/session';
import { MINE_TAB_INDEX, resetUnreadStore } from '../../../services/unread';
import MessagesPage from './index';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const SESSION_LINK = '/packages/council/session/index?communityId=anjuyuan&sessionId=s-1';

const seatFreed: Message = {
  messageId: 'msg-3',
  title: '候补成功',
  body: '「加装电梯意见征集」有空位了，已为王桂芳保留座位。时间：2026年11月25日 09:30，地点：红色议事厅（社区服务中心二楼）。',
  link: SESSION_LINK,
  createdAt: minutesAgo(5),
};
const approved: Message = {
  messageId: 'msg-2',
  title: '居民认证已通过',
  body: '社区已确认您的住址信息，现在可以预约议事会、在食堂点餐了。',
  link: '/pages/mine/index',
  createdAt: minutesAgo(90),
};
const notice: Message = {
  messageId: 'msg-1',
  title: '停水通知',
  body: '因管道检修，11月26日 8:00 至 12:00 1号楼至3号楼停水，请提前储水。给您带来不便，敬请谅解。',
  createdAt: minutesAgo(3 * 24 * 60),
  readAt: minutesAgo(60),
};

function openSignedIn(routes: Record<string, Answer>) {
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith([residentGrant]));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, 'u-1');
  resetSessionCache();
  const sent = serveApi(routes);
  render(<MessagesPage />);
  return sent;
}

/** The card of the message titled `title`. */
const card = (title: string) => screen.getByText(title).closest('.messages__item') as HTMLElement;

const read = (m: Message): Answer => ({ ...m, readAt: new Date().toISOString() });

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetUnreadStore();
});

describe('消息', () => {
  it('lists messages newest first, marking the unread ones and saying when each came', async () => {
    openSignedIn({ 'GET /me/messages': { messages: [seatFreed, approved, notice], unread: 2 } });

    expect(await screen.findByText('2 条未读')).toBeTruthy();
    const titles = Array.from(document.querySelectorAll('.messages__title')).map((el) => el.textContent);
    expect(titles).toEqual(['候补成功', '居民认证已通过', '停水通知']);
    expect(within(card('候补成功')).getByLabelText('未读')).toBeTruthy();
    expect(within(card('居民认证已通过')).getByLabelText('未读')).toBeTruthy();
    expect(within(card('停水通知')).queryByLabelText('未读')).toBeNull();
    expect(within(card('候补成功')).getByText('5分钟前')).toBeTruthy();
    expect(within(card('停水通知')).getByText(/^\d+月\d+日$/)).toBeTruthy();
    expect(screen.getByText('没有更早的消息了')).toBeTruthy();
    expect(setTabBarBadge).toHaveBeenLastCalledWith({ index: MINE_TAB_INDEX, text: '2' });
  });

  it('says so when there are no messages yet', async () => {
    openSignedIn({ 'GET /me/messages': { messages: [], unread: 0 } });

    expect(await screen.findByText('还没有消息')).toBeTruthy();
    expect(screen.getByText('没有未读消息')).toBeTruthy();
    expect(screen.queryByText('没有更早的消息了')).toBeNull();
  });

  it('loads older messages with the cursor of the last page', async () => {
    const sent = openSignedIn({
      'GET /me/messages': (req) =>
        req.query.get('before') === 'msg-2'
          ? { messages: [notice], unread: 1 }
          : { messages: [seatFreed, approved], unread: 1, nextBefore: 'msg-2' },
    });

    fireEvent.click(await screen.findByText('加载更多'));

    expect(await screen.findByText('停水通知')).toBeTruthy();
    expect(sent.filter((r) => r.path === '/me/messages').map((r) => r.query.get('before'))).toEqual([null, 'msg-2']);
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(screen.getByText('没有更早的消息了')).toBeTruthy();
  });

  it('opens a message about a council session: marks it read, lowers the count and goes to the session', async () => {
    const sent = openSignedIn({
      'GET /me/messages': { messages: [seatFreed, approved], unread: 2 },
      'POST /me/messages/msg-3/read': read(seatFreed),
    });

    fireEvent.click(await screen.findByText('候补成功'));

    expect(await screen.findByText('1 条未读')).toBeTruthy();
    expect(within(card('候补成功')).queryByLabelText('未读')).toBeNull();
    expect(navigateTo).toHaveBeenCalledWith({ url: SESSION_LINK });
    expect(sent.some((r) => r.method === 'POST' && r.path === '/me/messages/msg-3/read')).toBe(true);
    expect(setTabBarBadge).toHaveBeenLastCalledWith({ index: MINE_TAB_INDEX, text: '1' });
  });

  it('counts and opens a message once however quickly it is tapped twice', async () => {
    const sent = openSignedIn({
      'GET /me/messages': { messages: [seatFreed, approved], unread: 2 },
      'POST /me/messages/msg-3/read': read(seatFreed),
    });
    const title = await screen.findByText('候补成功');

    fireEvent.click(title);
    fireEvent.click(title);

    expect(await screen.findByText('1 条未读')).toBeTruthy();
    await waitFor(() => expect(navigateTo).toHaveBeenCalledTimes(1));
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('goes to 我的 with switchTab for a message about a tab page', async () => {
    openSignedIn({
      'GET /me/messages': { messages: [approved], unread: 1 },
      'POST /me/messages/msg-2/read': read(approved),
    });

    fireEvent.click(await screen.findByText('居民认证已通过'));

    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }));
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('unfolds a message without a page to its full text, and a read one costs no request', async () => {
    const sent = openSignedIn({ 'GET /me/messages': { messages: [notice], unread: 0 } });
    const body = await screen.findByText(notice.body);
    expect(body.className).toContain('messages__body--short');

    fireEvent.click(screen.getByText('展开全文 ▾'));

    expect(screen.getByText(notice.body).className).not.toContain('messages__body--short');
    expect(screen.getByText('收起 ▴')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('shows the full text when the linked page cannot open', async () => {
    navigateTo.mockImplementationOnce(() => Promise.reject(new Error('navigateTo:fail page not found')));
    openSignedIn({
      'GET /me/messages': { messages: [seatFreed], unread: 1 },
      'POST /me/messages/msg-3/read': read(seatFreed),
    });

    fireEvent.click(await screen.findByText('候补成功'));

    await waitFor(() => expect(screen.getByText(seatFreed.body).className).not.toContain('messages__body--short'));
  });

  it('puts the unread mark back when the server could not mark it read', async () => {
    openSignedIn({
      'GET /me/messages': { messages: [seatFreed], unread: 1 },
      'GET /me/messages/unread-count': { unread: 1 },
      'POST /me/messages/msg-3/read': apiError(500, 'INTERNAL'),
    });

    fireEvent.click(await screen.findByText('候补成功'));
    expect(within(card('候补成功')).queryByLabelText('未读')).toBeNull(); // shown read at once

    await waitFor(() => expect(within(card('候补成功')).getByLabelText('未读')).toBeTruthy());
    expect(await screen.findByText('1 条未读')).toBeTruthy();
  });

  it('refreshes on 刷新 and shows a new message on top', async () => {
    let messages = [approved];
    openSignedIn({ 'GET /me/messages': () => ({ messages, unread: messages.length }) });
    expect(await screen.findByText('1 条未读')).toBeTruthy();

    messages = [seatFreed, approved];
    fireEvent.click(screen.getByText('刷新'));

    expect(await screen.findByText('2 条未读')).toBeTruthy();
    expect(document.querySelector('.messages__title')?.textContent).toBe('候补成功');
  });

  it('marks everything read with 全部已读: the dots go, the count reads 没有未读消息 and the button leaves', async () => {
    const sent = openSignedIn({
      'GET /me/messages': { messages: [seatFreed, approved, notice], unread: 2 },
      'GET /me/messages/unread-count': { unread: 2 },
      'POST /me/messages/read-all': { marked: 2, unread: 0 },
    });
    expect(await screen.findByText('2 条未读')).toBeTruthy();
    expect(screen.getAllByLabelText('未读')).toHaveLength(2);

    fireEvent.click(screen.getByText('全部已读'));

    expect(await screen.findByText('没有未读消息')).toBeTruthy();
    expect(screen.queryAllByLabelText('未读')).toHaveLength(0);
    expect(screen.queryByText('全部已读')).toBeNull();
    expect(sent.filter((r) => r.method === 'POST' && r.path === '/me/messages/read-all')).toHaveLength(1);
  });

  it('keeps the unread marks when 全部已读 fails', async () => {
    openSignedIn({
      'GET /me/messages': { messages: [seatFreed, approved], unread: 2 },
      'GET /me/messages/unread-count': { unread: 2 },
      'POST /me/messages/read-all': apiError(500, 'INTERNAL_ERROR'),
    });
    expect(await screen.findByText('2 条未读')).toBeTruthy();

    fireEvent.click(screen.getByText('全部已读'));

    await waitFor(() => expect(screen.getByText('全部已读')).toBeTruthy());
    expect(screen.getAllByLabelText('未读')).toHaveLength(2);
    expect(screen.getByText('2 条未读')).toBeTruthy();
  });

  it('asks a signed-out person to log in', () => {
    render(<MessagesPage />);

    fireEvent.click(screen.getByText('登录'));

    expect(screen.getByText('请先登录')).toBeTruthy();
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/account/login/index' });
  });
});
