import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock } from '../../../../../tests/helpers/taro-mock';
import { apiError } from '../../../../../tests/helpers/miniapp-api';
import { expectEveryFieldNamedByItsLabel } from '../../../../../tests/helpers/labelled-fields';
import { serveAsStaff } from '../../../../../tests/helpers/staff-session';
import { typeInto } from '../../../../../tests/helpers/type-into';
import { resetMeStore } from '../../../services/me';
import { resetSessionCache } from '../../../services/session';
import StaffPointsPage from './index';

const ACTIVITY = {
  activityId: 'activity-1',
  communityId: 'anjuyuan',
  title: '敲门探访独居老人',
  place: '社区服务中心',
  startsAt: '2026-12-04T01:00:00.000Z',
  endsAt: '2026-12-04T03:00:00.000Z',
  slots: 10,
  signedUp: 1,
  award: { kind: 'perHour', pointsPerHour: 20 },
};
const SIGNUP = {
  signupId: 'signup-1',
  activityId: 'activity-1',
  userId: 'u-volunteer',
  name: '张伟',
  status: 'checkedOut',
  measuredMinutes: 95,
  points: 32,
};

function serve(routes: Record<string, object> = {}) {
  return serveAsStaff({
    'GET /community/anjuyuan/pending-hours': { items: [{ activity: ACTIVITY, signup: SIGNUP }] },
    'GET /community/anjuyuan/activities': { activities: [ACTIVITY] },
    'GET /community/anjuyuan/points/settings': { pointsPerDelivery: 5 },
    ...routes,
  });
}

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('志愿服务与积分 forms', () => {
  it('labels 确认时长 in 分钟, 发布志愿活动 with pickers for its date and times and units for its numbers, and 每单送餐积分', async () => {
    serve();
    render(<StaffPointsPage />);
    await screen.findByText('实测 95 分钟，预计 32 积分');
    fireEvent.click(await screen.findByText('发布志愿活动'));
    await screen.findByText('发布活动');

    const names = expectEveryFieldNamedByItsLabel(document).map((f) => f.name);

    expect(names).toEqual(
      expect.arrayContaining([
        '确认时长（分钟）',
        '调整原因',
        '活动名称',
        '活动地点',
        '开始时间：09:00',
        '结束时间：11:00',
        '名额（人）',
        '每小时积分（积分）',
        '每单送餐积分（积分）',
      ]),
    );
    expect(names.some((name) => name.startsWith('活动日期：'))).toBe(true);
  });

  it('shows the server’s refusal of a confirmed duration next to 确认时长', async () => {
    serve({
      'POST /community/anjuyuan/activities/activity-1/signups/u-volunteer/confirm': apiError(400, 'VALIDATION_FAILED', [
        { path: 'body.minutes', message: '时长最多 720 分钟' },
      ]),
    });
    render(<StaffPointsPage />);
    await screen.findByText('实测 95 分钟，预计 32 积分');

    typeInto('确认时长（分钟）', '900');
    fireEvent.click(screen.getByText('确认时长并发放积分'));

    const message = await screen.findByText('时长最多 720 分钟', { selector: '.form-field__error' });
    await waitFor(() =>
      expect(message.closest('.form-field')!.querySelector('.form-field__label')!.textContent).toBe('确认时长'),
    );
  });
});
