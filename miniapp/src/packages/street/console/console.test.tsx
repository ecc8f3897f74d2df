import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { navigateTo, resetTaroMock } from '../../../../../tests/helpers/taro-mock';
import { newcomer } from '../../../../../tests/helpers/miniapp-fixtures';
import { typeInto } from '../../../../../tests/helpers/type-into';
import { signedInAs } from '../../../../../tests/helpers/signed-in';
import { resetMeStore } from '../../../services/me';
import { resetSessionCache } from '../../../services/session';
import StreetConsolePage from './index';

const street = {
  id: 'st1',
  name: '满城北街街道',
  city: '银川市',
  district: '金凤区',
  createdAt: '2026-11-01T00:00:00.000Z',
};
const community = (id: string, name: string) => ({
  id,
  name,
  city: '银川市',
  district: '金凤区',
  address: `${name}路 1 号`,
  streetId: 'st1',
  streetName: street.name,
});
const invite = {
  code: 'K7M2QX9P',
  role: 'street',
  streetId: 'st1',
  streetName: street.name,
  inviteeName: '马建华',
  invitedByName: '平台管理员',
  createdAt: '2026-11-20T02:00:00.000Z',
  validUntil: '2026-11-23T02:00:00.000Z',
  status: 'open',
  link: 'https://linli.example/#/packages/onboarding/invite/index?code=K7M2QX9P',
};

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('街道工作台', () => {
  it('gives the platform admin the streets and a form for a new one', async () => {
    const sent = signedInAs(newcomer({ name: '平台管理员', grants: [{ role: 'admin' }] }), {
      'GET /streets': { items: [street] },
      'POST /streets': { status: 201, body: { ...street, id: 'st2', name: '西夏区贺兰山西路街道' } },
    });

    render(<StreetConsolePage />);

    fireEvent.click(await screen.findByText('满城北街街道'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/street/console/index?streetId=st1' });
    typeInto('所在城市', '银川市');
    typeInto('所在区县', '西夏区');
    typeInto('街道（乡镇）名称', '贺兰山西路街道');
    fireEvent.click(screen.getByText('新建街道', { selector: '.nut-button *' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST' && r.path === '/streets')).toBe(true));
    const post = sent.find((r) => r.method === 'POST' && r.path === '/streets')!;
    expect(post.data).toEqual({ name: '贺兰山西路街道', city: '银川市', district: '西夏区' });
    expect(post.header['Idempotency-Key']).toBeTruthy();
  });

  it('lets a street operator invite staff for a community and shows the code to read aloud, the QR and the expiry', async () => {
    const sent = signedInAs(newcomer({ name: '马建华', grants: [{ role: 'street', streetId: 'st1' }] }), {
      'GET /streets/st1/communities': { street, items: [community('c1', '安居苑社区'), community('c2', '新华苑社区')] },
      'POST /streets/st1/communities/c2/staff-invites': {
        status: 201,
        body: { ...invite, role: 'staff', communityId: 'c2', communityName: '新华苑社区', inviteeName: '李淑芬' },
      },
    });

    render(<StreetConsolePage />);

    const row = await screen.findByRole('group', { name: '新华苑社区' });
    fireEvent.click(within(row).getByText('邀请工作人员'));
    typeInto('被邀请人姓名', '李淑芬');
    fireEvent.click(within(row).getByText('生成工作人员邀请码'));

    expect(await screen.findByText('K7M2 QX9P')).toBeTruthy();
    expect(screen.getByRole('img', { name: /邀请二维码/ })).toBeTruthy();
    expect(screen.getByText(/有效期至 11月23日 10:00/)).toBeTruthy();
    expect(sent.find((r) => r.method === 'POST')?.data).toEqual({ inviteeName: '李淑芬' });
    // Only the admin invites street operators.
    expect(screen.queryByText('邀请街道管理员')).toBeNull();
  });

  it('lets the operator rename a community in place', async () => {
    const sent = signedInAs(newcomer({ name: '马建华', grants: [{ role: 'street', streetId: 'st1' }] }), {
      'GET /streets/st1/communities': { street, items: [community('c1', '安居苑社区')] },
      'PATCH /streets/st1/communities/c1': { ...community('c1', '安居苑北社区') },
    });

    render(<StreetConsolePage />);

    fireEvent.click(await screen.findByText('修改名称地址'));
    typeInto('社区名称', '安居苑北社区');
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(sent.some((r) => r.method === 'PATCH')).toBe(true));
    expect(sent.find((r) => r.method === 'PATCH')!.data).toEqual({
      name: '安居苑北社区',
      address: '安居苑社区路 1 号',
    });
  });

  it('tells someone without a street role that the console is not theirs', async () => {
    signedInAs(newcomer());

    render(<StreetConsolePage />);

    expect(await screen.findByText('仅供街道管理员使用')).toBeTruthy();
  });
});
