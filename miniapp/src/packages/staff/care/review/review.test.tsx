import { act, fireEvent, render, screen } from '@testing-library/react';
import { redirectTo } from '../../../../../../tests/helpers/taro-mock';
import { community } from '../../../../../../tests/helpers/council-fixtures';
import { textareaEvent, wish, wishDetail } from '../../../../../../tests/helpers/care-fixtures';
import { expectEveryFieldNamedByItsLabel } from '../../../../../../tests/helpers/labelled-fields';
import { me } from '../../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs } from '../../../../../../tests/helpers/signed-in';
import ReviewWishPage from './index';
import { resetClientState } from '../../../../../../tests/helpers/client-state';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('../../../../../../tests/helpers/taro-mock'),
  useRouter: () => ({ params: { wishId: 'wish-1' }, path: '' }),
}));

const staff = me({ name: '刘晶', grants: [{ role: 'staff', communityId: 'anjuyuan' }], member: null });
const PENDING = wishDetail({ status: 'pending_review', wisherName: '刘淑珍', text: '想要一台收音机，我住6号楼101' });

function signedInAsStaff(routes: Record<string, unknown>) {
  return signedInAs(
    staff,
    {
      'GET /community/anjuyuan': community,
      'GET /community/anjuyuan/wishes/wish-1': { ...PENDING, handoverAddress: '6号楼1单元101' },
      'GET /community/anjuyuan/partner-units': {
        partners: [{ partnerId: 'p-clinic', name: '社区卫生服务站', kind: '医院', operatorBound: true }],
      },
      ...(routes as object),
    },
    '刘晶',
  );
}

beforeEach(() => {
  resetClientState();
});

describe('审核心愿 page', () => {
  it('approves with the wording edited for privacy, offered to one partner unit', async () => {
    const sent = signedInAsStaff({ 'POST /community/anjuyuan/wishes/wish-1/approve': wish() });

    render(<ReviewWishPage />);

    expect(await screen.findByText('住址：6号楼1单元101')).toBeTruthy();
    expectEveryFieldNamedByItsLabel(document.body);
    act(() => {
      textareaEvent('上墙的文字').dispatchEvent(new CustomEvent('input', { detail: { value: '想要一台收音机' } }));
    });
    fireEvent.click(screen.getByRole('radio', { name: '社区卫生服务站 定向给医院' }));
    fireEvent.click(screen.getByText('通过，上心愿墙'));
    await act(async () => {});

    const approve = sent.find((s) => s.method === 'POST')!;
    expect(approve.path).toBe('/community/anjuyuan/wishes/wish-1/approve');
    expect(approve.data).toEqual({ text: '想要一台收音机', partnerId: 'p-clinic' });
    expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/care/index' });
  });

  it('declines only with a reason, which it sends', async () => {
    const sent = signedInAsStaff({
      'POST /community/anjuyuan/wishes/wish-1/decline': wish({ status: 'declined' }),
    });

    render(<ReviewWishPage />);
    fireEvent.click(await screen.findByText('不予发布…'));
    fireEvent.click(screen.getByText('确认不予发布'));

    expect(await screen.findByText('请填写不予发布的原因')).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '使用回复：这件事社区可以直接帮您办理，工作人员会联系您' }));
    fireEvent.click(screen.getByText('确认不予发布'));
    await act(async () => {});
    expect(sent.find((s) => s.method === 'POST')!.data).toEqual({
      reason: '这件事社区可以直接帮您办理，工作人员会联系您',
    });
  });
});
