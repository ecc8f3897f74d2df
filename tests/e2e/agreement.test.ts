import { button, currentPage, h5Url, signIn } from './app';
import { expectVisible, withBrowser } from './browser';
import { callApi, signInApi } from './stack-api';

/** A long page with two browsers' worth of steps; said here whatever the project's default. */
const SCENARIO_TIMEOUT_MS = 120_000;

type Merchants = { merchants: { name: string; agreement?: { activeFrom: string; activeTo?: string } }[] };

describe('兑换协议 on H5', () => {
  it(
    'lets staff pick an end date for 惠民便利店 on the date wheel, take it back to 长期有效, and save what they see',
    async () => {
      await withBrowser('agreement-dates', async ({ page, screenshot, audit }) => {
        await signIn(page, '刘晶');
        await page.goto(`${h5Url()}/#/packages/staff/points/index`);
        const merchant = currentPage(page).locator('[aria-label="商户 惠民便利店"]');
        await button(merchant, '修改兑换协议').click();

        // Dates are chosen on the phone's wheel, each named by its label and what it shows.
        const from = merchant.getByRole('button', { name: /^生效日期：/ });
        const end = merchant.getByRole('button', { name: /^截止日期：/ });
        await expectVisible(from);
        expect(await from.getAttribute('aria-label')).toBe('生效日期：2026年1月1日');
        expect(await end.getAttribute('aria-label')).toBe('截止日期：长期有效');
        await end.click();
        await page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).click();
        expect(await end.getAttribute('aria-label')).toMatch(/^截止日期：\d{4}年\d{1,2}月\d{1,2}日$/);
        // The wheel starts at today, not at the agreement's first day.
        expect(await end.getAttribute('aria-label')).not.toBe('截止日期：2026年1月1日');
        await audit();
        await screenshot('agreement-end-date');

        // A chosen end date can be taken back; the saved agreement then has none.
        await button(merchant, '改为长期有效').click();
        expect(await end.getAttribute('aria-label')).toBe('截止日期：长期有效');
        await button(merchant, '保存协议').click();
        await expectVisible(button(merchant, '修改兑换协议'));

        const staff = await signInApi('dev:staff');
        const saved = await callApi<Merchants>(staff, 'GET', '/community/anjuyuan/points-merchants');
        const agreement = saved.merchants.find((m) => m.name === '惠民便利店')!.agreement!;
        expect(agreement.activeFrom).toBe('2026-01-01');
        expect(agreement.activeTo).toBeUndefined();
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
