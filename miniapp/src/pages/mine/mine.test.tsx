import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { getStorageSync, navigateTo, removeTabBarBadge, setTabBarBadge } from '../../../../tests/helpers/taro-mock';
import { application, dependentLink, me, newcomer, residentGrant } from '../../../../tests/helpers/miniapp-fixtures';
import { signedInAs } from '../../../../tests/helpers/signed-in';
import { readActingFor } from '../../services/acting-for';
import { TOKEN_STORAGE_KEY } from '../../services/api';
import { sessionUserId } from '../../services/session';
import { resetUnreadStore } from '../../services/unread';
import MinePage from './index';
import { resetClientState } from '../../../../tests/helpers/client-state';

beforeEach(() => {
  resetClientState();
  resetUnreadStore();
});

describe('我的', () => {
  it('offers a clear 登录 when signed out', () => {
    render(<MinePage />);

    expect(screen.getByText('您还没有登录')).toBeTruthy();
    fireEvent.click(screen.getByText('登录'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/account/login/index' });
    expect(screen.queryByText('退出登录')).toBeNull();
  });

  it('invites a newcomer to apply', async () => {
    signedInAs(newcomer());

    render(<MinePage />);

    expect(await screen.findByText('微信用户')).toBeTruthy();
    expect(screen.getByText('尚未认证')).toBeTruthy();
    fireEvent.click(screen.getByText('申请居民认证'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/account/apply/index' });
  });

  it('shows an application under review with the address applied for', async () => {
    signedInAs(newcomer({ latestApplication: application() }));

    render(<MinePage />);

    expect(await screen.findByText('审核中')).toBeTruthy();
    expect(screen.getByText('安居苑社区 2号楼 1单元 501 · 赵明')).toBeTruthy();
    expect(screen.queryByText('申请居民认证')).toBeNull();
  });

  it('shows a rejection with its reason and a way to apply again', async () => {
    const reason = '门牌号与登记信息不符，请核对后重新提交';
    signedInAs(newcomer({ latestApplication: application({ status: 'rejected', reason }) }));

    render(<MinePage />);

    expect(await screen.findByText('已驳回')).toBeTruthy();
    expect(screen.getByText(`驳回原因：${reason}`)).toBeTruthy();
    expect(screen.getByText('重新申请')).toBeTruthy();
  });

  it('shows a resident’s card, roles in Chinese and each dependent with their state', async () => {
    signedInAs(
      me({
        grants: [residentGrant, { role: 'volunteer', communityId: 'anjuyuan' }],
        dependents: [
          dependentLink({ status: 'active' }),
          dependentLink({
            linkId: 'link-2',
            status: 'pending',
            relation: '祖父母',
            dependent: { ...dependentLink().dependent, memberId: 'm-zhao', realName: '赵大爷', age: 91 },
          }),
        ],
      }),
    );

    render(<MinePage />);

    expect(await screen.findByText('住址：1号楼 1单元 302')).toBeTruthy();
    expect(screen.getByText('手机：138****2345')).toBeTruthy();
    const roles = within(screen.getByLabelText('我的身份'));
    expect(roles.getByText('居民')).toBeTruthy();
    expect(roles.getByText('志愿者')).toBeTruthy();
    const li = within(screen.getByLabelText('家人 李秀英'));
    expect(li.getByText('已绑定')).toBeTruthy();
    expect(li.getByText('父母 · 86岁 · 1号楼 1单元 302')).toBeTruthy();
    expect(li.getByText('为李秀英代办')).toBeTruthy();
    const zhao = within(screen.getByLabelText('家人 赵大爷'));
    expect(zhao.getByText('待确认')).toBeTruthy();
    expect(zhao.queryByText('为赵大爷代办')).toBeNull();
    expect(screen.queryByText('社区工作台')).toBeNull();
  });

  it('acts for an active dependent once the server confirms the member, with a banner naming them', async () => {
    const sent = signedInAs(me({ dependents: [dependentLink({ status: 'active' })] }), {
      'GET /members/m-li': dependentLink().dependent,
    });
    render(<MinePage />);

    fireEvent.click(await screen.findByText('为李秀英代办'));

    expect(await screen.findByText('正在为 李秀英（86岁）代办')).toBeTruthy();
    expect(sent.some((r) => r.path === '/members/m-li')).toBe(true);
    expect(readActingFor()).toMatchObject({ memberId: 'm-li', userId: 'u-1' });

    fireEvent.click(screen.getByRole('button', { name: '退出代办' }));

    await waitFor(() => expect(screen.queryByText('正在为 李秀英（86岁）代办')).toBeNull());
    expect(readActingFor()).toBeNull();
  });

  it('shows how many messages are unread, on 消息 and on the 我的 tab, and opens them', async () => {
    signedInAs(me(), { 'GET /me/messages/unread-count': { unread: 3 } });

    render(<MinePage />);

    expect(await screen.findByText('3 条未读消息')).toBeTruthy();
    expect(setTabBarBadge).toHaveBeenLastCalledWith({ index: 4, text: '3' });
    fireEvent.click(screen.getByText('消息'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/messages/index/index' });
  });

  it('says there is nothing unread and shows no badge', async () => {
    signedInAs(me(), { 'GET /me/messages/unread-count': { unread: 0 } });

    render(<MinePage />);

    expect(await screen.findByText('没有未读消息')).toBeTruthy();
    await waitFor(() => expect(removeTabBarBadge).toHaveBeenCalledWith({ index: 4 }));
    expect(setTabBarBadge).not.toHaveBeenCalled();
  });

  it('offers the 社区工作台 to staff only', async () => {
    signedInAs(newcomer({ name: '刘晶', grants: [{ role: 'staff', communityId: 'anjuyuan' }] }));

    render(<MinePage />);

    expect(await screen.findByText('社区工作台')).toBeTruthy();
    expect(within(screen.getByLabelText('我的身份')).getByText('社区工作人员')).toBeTruthy();
  });

  it('logs out after confirming, forgetting the tokens', async () => {
    signedInAs(me());
    render(<MinePage />);

    fireEvent.click(await screen.findByText('退出登录'));

    expect(await screen.findByText('您还没有登录')).toBeTruthy();
    expect(sessionUserId()).toBeNull();
    expect(getStorageSync(TOKEN_STORAGE_KEY)).toBe('');
  });
});
