import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { resetTaroMock, showModal } from '../../../../../tests/helpers/taro-mock';
import { newcomer } from '../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs } from '../../../../../tests/helpers/signed-in';
import { resetMeStore } from '../../../services/me';
import { resetSessionCache } from '../../../services/session';
import StreetRolesPage from './index';

const operator = newcomer({ name: '马建华', grants: [{ role: 'street', streetId: 'st1' }] });
const holder = {
  userId: 'u-staff',
  name: '李淑芬',
  role: 'staff',
  streetId: 'st1',
  communityId: 'c2',
  communityName: '新华苑社区',
  grantedAt: '2026-11-20T02:00:00.000Z',
  grantedByName: '马建华',
};
const openInvite = {
  code: 'K7M2QX9P',
  role: 'staff',
  streetId: 'st1',
  streetName: '满城北街街道',
  communityId: 'c2',
  communityName: '新华苑社区',
  inviteeName: '张红',
  invitedByName: '马建华',
  createdAt: '2026-11-20T02:00:00.000Z',
  validUntil: '2026-11-23T02:00:00.000Z',
  status: 'open',
  link: 'x',
};

const routes = (over: Record<string, object> = {}) => ({
  'GET /streets/st1/role-holders': { items: [holder] },
  'GET /streets/st1/invites': {
    items: [openInvite, { ...openInvite, code: 'ABCDEFGH', inviteeName: '王强', status: 'used' }],
  },
  'GET /streets/st1/role-audit': {
    items: [
      {
        id: 'a1',
        action: 'appointed',
        role: 'staff',
        name: '李淑芬',
        communityName: '新华苑社区',
        byUserId: 'u-staff',
        byName: '李淑芬',
        at: '2026-11-20T03:00:00.000Z',
      },
    ],
  },
  ...over,
});

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('人员与任免', () => {
  it('removes a staff member only after the confirm dialog, naming who and where', async () => {
    const sent = signedInAs(operator, routes({ 'POST /streets/st1/role-holders/revoke': { revoked: holder } }));

    render(<StreetRolesPage />);

    const person = await screen.findByRole('group', { name: '李淑芬 社区工作人员' });
    fireEvent.click(within(person).getByText('免去职务'));
    await waitFor(() => expect(sent.some((r) => r.path === '/streets/st1/role-holders/revoke')).toBe(true));
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '免去职务', content: expect.stringContaining('新华苑社区') }),
    );
    expect(sent.find((r) => r.path.endsWith('/revoke'))!.data).toEqual({
      userId: 'u-staff',
      role: 'staff',
      communityId: 'c2',
    });
  });

  it('keeps the person when the confirm dialog is cancelled', async () => {
    const sent = signedInAs(operator, routes());
    showModal.mockResolvedValueOnce({ errMsg: 'showModal:ok', confirm: false, cancel: true });

    render(<StreetRolesPage />);

    fireEvent.click(within(await screen.findByRole('group', { name: '李淑芬 社区工作人员' })).getByText('免去职务'));
    await waitFor(() => expect(showModal).toHaveBeenCalled());
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
  });

  it('offers 撤销 only for an open invite, and lists the audit', async () => {
    const sent = signedInAs(
      operator,
      routes({ 'POST /streets/st1/invites/K7M2QX9P/revoke': { ...openInvite, status: 'revoked' } }),
    );

    render(<StreetRolesPage />);

    const open = await screen.findByRole('group', { name: '给 张红 的邀请' });
    expect(within(screen.getByRole('group', { name: '给 王强 的邀请' })).queryByText('撤销邀请')).toBeNull();
    expect(within(open).getByText('待接受')).toBeTruthy();
    fireEvent.click(within(open).getByText('撤销邀请'));
    await waitFor(() => expect(sent.some((r) => r.path === '/streets/st1/invites/K7M2QX9P/revoke')).toBe(true));
    expect(await screen.findByText(/李淑芬 接受任命：李淑芬（社区工作人员 · 新华苑社区）/)).toBeTruthy();
  });
});
