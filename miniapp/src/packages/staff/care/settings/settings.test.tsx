import { act, fireEvent, render, screen } from '@testing-library/react';
import { community } from '../../../../../../tests/helpers/council-fixtures';
import { expectEveryFieldNamedByItsLabel } from '../../../../../../tests/helpers/labelled-fields';
import { me } from '../../../../../../tests/helpers/miniapp-fixtures';
import { typeInto } from '../../../../../../tests/helpers/type-into';
import { signedInAs } from '../../../../../../tests/helpers/signed-in';
import PartnerUnitsPage from '../partners/index';
import CareSettingsPage from './index';
import { resetClientState } from '../../../../../../tests/helpers/client-state';

const staff = me({ name: '刘晶', grants: [{ role: 'staff', communityId: 'anjuyuan' }], member: null });

function signedInAsStaff(routes: Record<string, unknown>) {
  return signedInAs(staff, { 'GET /community/anjuyuan': community, ...(routes as object) }, '刘晶');
}

beforeEach(() => {
  resetClientState();
});

describe('微心愿设置 page', () => {
  it('labels both numbers with their units and saves whole numbers only', async () => {
    const sent = signedInAsStaff({
      'GET /community/anjuyuan/care-settings': { overdueDays: 7, pointsPerWish: 10 },
      'PUT /community/anjuyuan/care-settings': { overdueDays: 5, pointsPerWish: 15 },
    });

    render(<CareSettingsPage />);
    await screen.findByText('保存设置');

    expect(expectEveryFieldNamedByItsLabel(document.body).map((f) => f.name)).toEqual([
      '认领后几天未送达算超期（天）',
      '志愿者圆梦一个心愿得（积分）',
    ]);
    typeInto('认领后几天未送达算超期（天）', '5.5');
    fireEvent.click(screen.getByText('保存设置'));
    expect(await screen.findByText('超期天数请填整数')).toBeTruthy();
    typeInto('认领后几天未送达算超期（天）', '5');
    typeInto('志愿者圆梦一个心愿得（积分）', '15');
    fireEvent.click(screen.getByText('保存设置'));
    await act(async () => {});
    expect(sent.filter((s) => s.method === 'PUT').map((s) => s.data)).toEqual([{ overdueDays: 5, pointsPerWish: 15 }]);
  });
});

describe('共建单位 page', () => {
  it('registers a unit and shows an unused invite code in two groups of four to read aloud', async () => {
    const sent = signedInAsStaff({
      'GET /community/anjuyuan/partner-units': {
        partners: [
          { partnerId: 'p-school', name: '金凤区实验小学', kind: '学校', inviteCode: 'XUEXIAO8', operatorBound: false },
          { partnerId: 'p-clinic', name: '社区卫生服务站', kind: '医院', operatorBound: true },
        ],
      },
      'POST /community/anjuyuan/partner-units': {
        partnerId: 'p-new',
        name: '宁夏电力公司党支部',
        kind: '机关党支部',
        inviteCode: 'ABCDEFGH',
        operatorBound: false,
      },
    });

    render(<PartnerUnitsPage />);

    expect(await screen.findByText('XUEX IAO8')).toBeTruthy();
    expect(screen.getByText('已绑定')).toBeTruthy();
    expectEveryFieldNamedByItsLabel(document.body);
    typeInto('单位名称', '宁夏电力公司党支部');
    fireEvent.click(screen.getByRole('radio', { name: '机关党支部' }));
    fireEvent.click(screen.getByText('登记并生成邀请码'));
    await act(async () => {});
    expect(sent.find((s) => s.method === 'POST')!.data).toEqual({ name: '宁夏电力公司党支部', kind: '机关党支部' });
  });
});
