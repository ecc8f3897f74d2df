import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { apiError } from '../../../../../../tests/helpers/miniapp-api';
import { booking, community, session } from '../../../../../../tests/helpers/council-fixtures';
import { me } from '../../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs } from '../../../../../../tests/helpers/signed-in';
import AttendeesPage, { bookedByText } from './index';
import { resetClientState } from '../../../../../../tests/helpers/client-state';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('../../../../../../tests/helpers/taro-mock'),
  useRouter: () => ({ params: { sessionId: 'session-1' }, path: '' }),
}));

const staff = me({
  userId: 'u-staff',
  name: '刘晶',
  grants: [{ role: 'staff', communityId: 'anjuyuan' }],
  member: null,
});
const LIST = 'GET /community/anjuyuan/sessions/session-1/attendees';
const CHECK_IN = 'POST /community/anjuyuan/sessions/session-1/check-in';

/** A session starting in half an hour: check-in is open. */
const soon = (over: Parameters<typeof session>[0] = {}) =>
  session({
    startsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    endsAt: new Date(Date.now() + 120 * 60_000).toISOString(),
    ...over,
  });

const wang = booking({ checkinCode: undefined, qrPayload: undefined });
const li = booking({
  bookingId: 'booking-2',
  memberId: 'm-li',
  memberName: '李秀英',
  bookedBy: { userId: 'u-staff', name: '刘晶', via: 'staff' },
  checkinCode: undefined,
  qrPayload: undefined,
});

function signedInAsStaff(routes: Record<string, unknown>) {
  return signedInAs(staff, { 'GET /community/anjuyuan': community, ...(routes as Record<string, object>) }, '刘晶');
}

/** Taro's H5 input reports typing as a custom event carrying `detail.value` (once it has rendered). */
async function typeCode(value: string) {
  const input = document.querySelector('taro-input-core[aria-label="签到码"]')!;
  await waitFor(() => expect(input.querySelector('input')).toBeTruthy());
  act(() => {
    input.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

beforeEach(() => {
  resetClientState();
});

describe('参会名单', () => {
  it('says who booked for whom', () => {
    expect(bookedByText(wang)).toBe('本人预约');
    expect(bookedByText(li)).toBe('社区刘晶代约');
    expect(bookedByText(booking({ bookedBy: { userId: 'u-2', name: '张伟', via: 'caregiver' } }))).toBe('家属张伟代约');
  });

  it('checks a resident in with the typed code and shows them as 已签到', async () => {
    let checkedIn = false;
    const sent = signedInAsStaff({
      [LIST]: () => ({
        session: soon({ seatsLeft: 23 }),
        attendees: checkedIn
          ? [{ ...wang, status: 'attended', checkedInAt: '2099-11-23T01:20:00.000Z' }, li]
          : [wang, li],
      }),
      [CHECK_IN]: () => {
        checkedIn = true;
        return { ...wang, status: 'attended', checkedInAt: '2099-11-23T01:20:00.000Z' };
      },
    });

    render(<AttendeesPage />);

    const row = () => within(screen.getByLabelText('参会人 王桂芳'));
    expect(await screen.findByText('名单（2 人，已签到 0 人）')).toBeTruthy();
    expect(row().getByText('已预约')).toBeTruthy();
    expect(within(screen.getByLabelText('参会人 李秀英')).getByText(/社区刘晶代约/)).toBeTruthy();
    await typeCode('k7m2qx');
    fireEvent.click(screen.getByText('签到'));

    expect(await screen.findByText('✓ 已签到：王桂芳（09:20）')).toBeTruthy();
    expect(await screen.findByText('名单（2 人，已签到 1 人）')).toBeTruthy();
    expect(row().getByText('已签到')).toBeTruthy();
    expect(sent.find((r) => r.method === 'POST')?.data).toEqual({ code: 'K7M2QX' });
  });

  it('says when check-in opens for a session that is still days away', async () => {
    signedInAsStaff({ [LIST]: { session: session(), attendees: [wang] } });

    render(<AttendeesPage />);

    expect(await screen.findByText('签到从 2099年11月23日 周一 08:30 开始（开会前1小时）。')).toBeTruthy();
    expect(screen.queryByLabelText('签到码')).toBeNull();
  });

  it('shows the server’s Chinese reason when a code is wrong', async () => {
    signedInAsStaff({
      [LIST]: { session: soon(), attendees: [wang] },
      [CHECK_IN]: apiError(404, 'CHECKIN_CODE_INVALID'),
    });

    render(<AttendeesPage />);

    await screen.findByText('现场签到');
    await typeCode('ZZZZZZ');
    fireEvent.click(screen.getByText('签到'));

    expect(await screen.findByText('签到码无效，请核对后再试')).toBeTruthy();
  });
});
