import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { makePhoneCall, resetTaroMock, showModal } from '../../../../../tests/helpers/taro-mock';
import { application, me, newcomer } from '../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs } from '../../../../../tests/helpers/signed-in';
import { resetMeStore } from '../../../services/me';
import { resetSessionCache } from '../../../services/session';
import StaffReviewsPage from './index';

const staff = newcomer({ name: '刘晶', grants: [{ role: 'staff', communityId: 'anjuyuan' }] });
const QUEUE = 'GET /community/anjuyuan/applications';
const old = application({
  applicationId: 'app-old',
  realName: '赵明',
  createdAt: '2026-01-02T00:00:00.000Z',
  overdue: true,
});
const fresh = application({ applicationId: 'app-new', realName: '钱芳', room: '202', overdue: false });

const card = (name: string) => within(screen.getByText(name).closest('.member-card') as HTMLElement);

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('居民认证审核', () => {
  it('lists pending applications oldest first and marks those waiting over 3 days', async () => {
    const sent = signedInAs(staff, { [QUEUE]: { items: [old, fresh] } });

    render(<StaffReviewsPage />);

    expect(await screen.findByText('赵明')).toBeTruthy();
    const names = Array.from(document.querySelectorAll('.member-card__name')).map((n) => n.textContent);
    expect(names).toEqual(['赵明', '钱芳']);
    expect(card('赵明').getByText(/超过 3 天，请尽快处理/)).toBeTruthy();
    expect(card('钱芳').queryByText(/超过 3 天/)).toBeNull();
    expect(sent.find((r) => r.path === '/community/anjuyuan/applications')?.query.get('status')).toBe('pending');
  });

  it('rings the applicant with the number asked for on the tap, which only then leaves the server', async () => {
    const sent = signedInAs(staff, {
      [QUEUE]: { items: [fresh] },
      'POST /community/anjuyuan/applications/app-new/phone': { name: '钱芳', phone: '13895012345' },
    });
    render(<StaffReviewsPage />);

    fireEvent.click(await screen.findByText('打电话给钱芳'));

    await waitFor(() => expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13895012345' }));
    expect(sent.filter((r) => r.path.endsWith('/app-new/phone'))).toHaveLength(1);
  });

  it('approves after the staff member confirms', async () => {
    const sent = signedInAs(staff, {
      [QUEUE]: { items: [fresh] },
      'POST /community/anjuyuan/applications/app-new/decision': { ...fresh, status: 'approved' },
    });
    render(<StaffReviewsPage />);

    fireEvent.click(await screen.findByText('通过'));

    await waitFor(() => expect(sent.some((r) => r.path.endsWith('/app-new/decision'))).toBe(true));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '通过认证' }));
    expect(sent.find((r) => r.path.endsWith('/decision'))?.data).toEqual({ decision: 'approve' });
  });

  it('rejects with a reply template, edited or not, and refuses an empty reason', async () => {
    const sent = signedInAs(staff, {
      [QUEUE]: { items: [fresh] },
      'POST /community/anjuyuan/applications/app-new/decision': { ...fresh, status: 'rejected' },
    });
    render(<StaffReviewsPage />);
    fireEvent.click(await screen.findByText('驳回'));

    fireEvent.click(screen.getByText('确认驳回'));
    expect(screen.getByText('请填写驳回原因')).toBeTruthy();
    expect(sent.some((r) => r.path.endsWith('/decision'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: '使用回复：门牌号与登记信息不符，请核对后重新提交' }));
    fireEvent.click(screen.getByText('确认驳回'));

    await waitFor(() =>
      expect(sent.find((r) => r.path.endsWith('/decision'))?.data).toEqual({
        decision: 'reject',
        reason: '门牌号与登记信息不符，请核对后重新提交',
      }),
    );
  });

  it('is closed to anyone who is not staff', async () => {
    const sent = signedInAs(me(), {});

    render(<StaffReviewsPage />);

    expect(await screen.findByText('仅供社区工作人员使用')).toBeTruthy();
    expect(sent.some((r) => r.path.includes('/applications'))).toBe(false);
  });
});
