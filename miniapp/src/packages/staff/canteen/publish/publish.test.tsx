import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock } from '../../../../../../tests/helpers/taro-mock';
import { apiError } from '../../../../../../tests/helpers/miniapp-api';
import { expectEveryFieldNamedByItsLabel } from '../../../../../../tests/helpers/labelled-fields';
import { serveAsStaff } from '../../../../../../tests/helpers/staff-session';
import { typeInto } from '../../../../../../tests/helpers/type-into';
import { resetMeStore } from '../../../../services/me';
import { resetSessionCache } from '../../../../services/session';
import StaffCanteenPublishPage from './index';

const MENUS = 'POST /community/anjuyuan/canteens/canteen-1/menus';

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('发布菜单', () => {
  it('labels every field of a dish with what it is and its unit (元, 份)', async () => {
    serveAsStaff({});
    render(<StaffCanteenPublishPage />);
    await screen.findByText('第1道菜');

    const fields = expectEveryFieldNamedByItsLabel(document);

    expect(fields.map((f) => f.name)).toEqual([
      '第1道菜名',
      '第1道价格（元）',
      '第1道供应份数（份）',
      '第1道每人限购（份）',
      '第1道套餐内容',
      '第1道图片链接',
    ]);
  });

  it('takes the price in 元 with two decimals, sends fen, and shows the server’s refusal next to the price', async () => {
    const refusal = apiError(400, 'VALIDATION_FAILED', [
      { path: 'body.dishes.0.priceFen', message: '单价最多 500 元' },
    ]);
    const sent = serveAsStaff({ [MENUS]: refusal });
    render(<StaffCanteenPublishPage />);
    await screen.findByText('第1道菜');

    typeInto('第1道菜名', '清蒸鲈鱼');
    typeInto('第1道价格（元）', '12.5');
    fireEvent.blur(document.querySelector('taro-input-core[aria-label="第1道价格（元）"]')!);
    fireEvent.click(screen.getByText('发布菜单'));

    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true));
    const body = sent.find((r) => r.method === 'POST')!.data as { dishes: { priceFen: number }[] };
    expect(body.dishes[0]!.priceFen).toBe(1250);
    const message = await screen.findByText('单价最多 500 元', { selector: '.form-field__error' });
    expect(message.closest('.form-field')!.querySelector('.form-field__label')!.textContent).toBe('第1道价格');
  });
});
