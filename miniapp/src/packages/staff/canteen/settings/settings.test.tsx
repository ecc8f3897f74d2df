import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock } from '../../../../../../tests/helpers/taro-mock';
import { apiError } from '../../../../../../tests/helpers/miniapp-api';
import { expectEveryFieldNamedByItsLabel } from '../../../../../../tests/helpers/labelled-fields';
import { serveAsStaff as serveStaff } from '../../../../../../tests/helpers/staff-session';
import { typeInto } from '../../../../../../tests/helpers/type-into';
import { resetMeStore } from '../../../../services/me';
import { resetSessionCache } from '../../../../services/session';
import StaffCanteenSettingsPage from './index';

const CANTEEN = {
  canteenId: 'canteen-1',
  communityId: 'anjuyuan',
  name: '安居苑长者食堂',
  place: '社区服务中心一楼',
  meals: [{ meal: 'lunch', cutoff: '10:00', pickupStart: '11:30', pickupEnd: '13:00' }],
  deliveryFee: { feeFen: 200, freeFromAge: 90 },
};
const BANDS = {
  subsidyBands: [
    { minAge: 60, maxAge: 69, subsidyFen: 100 },
    { minAge: 80, subsidyFen: 300 },
  ],
};

function serveAsStaff(routes: Record<string, object>) {
  return serveStaff({
    'GET /community/anjuyuan/canteens': { canteens: [CANTEEN] },
    'GET /community/anjuyuan/canteen-settings': BANDS,
    ...routes,
  });
}

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('食堂设置', () => {
  it('labels every field with what it is and its unit, times as pickers, money in 元 with two decimals', async () => {
    serveAsStaff({});
    render(<StaffCanteenSettingsPage />);
    await screen.findByText('助餐补贴（每人每餐一次）');

    const fields = expectEveryFieldNamedByItsLabel(document);

    expect(fields.map((f) => f.name)).toEqual([
      '食堂名称',
      '地点',
      '午餐截止订餐：10:00',
      '午餐取餐开始：11:30',
      '午餐取餐结束：13:00',
      '每单送餐费（元）',
      '免送餐费年龄（岁）',
      '第1档起始年龄（岁）',
      '第1档截止年龄（岁）',
      '第1档每餐补贴（元）',
      '第2档起始年龄（岁）',
      '第2档截止年龄（岁）',
      '第2档每餐补贴（元）',
    ]);
    const fee = document.querySelector('taro-input-core[aria-label="每单送餐费（元）"]') as HTMLElement & {
      value: string;
    };
    expect(fee.getAttribute('value') ?? fee.value).toBe('2.00');
  });

  it('sends the amounts in fen and shows the server’s refusal next to the field it concerns', async () => {
    const refusal = apiError(400, 'VALIDATION_FAILED', [
      { path: 'body.deliveryFee.feeFen', message: '送餐费最多 100 元' },
    ]);
    const sent = serveAsStaff({ 'PUT /community/anjuyuan/canteens/canteen-1': refusal });
    render(<StaffCanteenSettingsPage />);
    await screen.findByText('助餐补贴（每人每餐一次）');

    typeInto('每单送餐费（元）', '150.5');
    typeInto('第2档每餐补贴（元）', '3.5');
    fireEvent.click(screen.getByText('保存设置'));

    await waitFor(() => expect(sent.some((r) => r.method === 'PUT')).toBe(true));
    const body = sent.find((r) => r.method === 'PUT')!.data as { deliveryFee: { feeFen: number } };
    expect(body.deliveryFee.feeFen).toBe(15050);
    const message = await screen.findByText('送餐费最多 100 元', { selector: '.form-field__error' });
    expect(message.closest('.form-field')!.querySelector('.form-field__label')!.textContent).toBe('每单送餐费');
  });
});
