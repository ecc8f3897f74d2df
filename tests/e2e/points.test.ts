import type { Locator, Page } from 'playwright-core';
import { button, currentPage, h5Url, openWorkbenchLink, signIn, startsWith, textInput } from './app';
import { expectVisible, withBrowsers } from './browser';
import { callApi, signInApi, type DemoSession } from './stack-api';

/** Three browsers and many page loads; said here so it holds whatever the project's default. */
const SCENARIO_TIMEOUT_MS = 180_000;

/** The page on show whose root has `rootClass` (PageShell's className). */
const shownPage = (page: Page, rootClass: string): Locator => currentPage(page).locator(`.linli-page.${rootClass}`);

/** The typed-code field of the code scanner (H5 has no camera scanner). */
const codeField = (scope: Locator, label: string): Locator =>
  scope.locator(`taro-input-core[aria-label="${label}"] input`);

/** Opens the 积分 tab afresh (the session stays in storage) and returns the balance card. */
async function balanceOnTab(page: Page): Promise<Locator> {
  await page.goto(`${h5Url()}/#/pages/points/index`);
  await page.waitForURL(/#\/pages\/points\/index/);
  return currentPage(page).locator('[aria-label="积分余额"]');
}

/**
 * Checks the 积分 tab shows the balance the server holds, and that apart from canteen deliveries
 * it is `expected`: the canteen e2e, which may run alongside, has 张伟 deliver a meal, and its
 * points can land at any moment of this test.
 */
async function expectBalance(page: Page, who: DemoSession, expected: number): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const mine = await callApi<{ balance: number; entries: { kind: string; amount: number }[] }>(
      who,
      'GET',
      '/community/anjuyuan/points/me',
    );
    const deliveries = mine.entries.filter((e) => e.kind === 'delivery').reduce((sum, e) => sum + e.amount, 0);
    expect(mine.balance - deliveries).toBe(expected);
    const card = await balanceOnTab(page);
    try {
      await expectVisible(card.getByText(String(mine.balance), { exact: true }), 5_000);
      return;
    } catch (error) {
      if (attempt === 3) throw error; // a delivery credit landed between the two reads: look again
    }
  }
}

describe('points on H5: service hours to points, points to a haircut', () => {
  it(
    'lets 张伟 check in and out with the code staff show, staff confirm the hours, and 马师傅 redeem his code for a haircut',
    async () => {
      await withBrowsers('points-hours-and-redemption', 3, async ([volunteer, staff, merchant]) => {
        const vPage = volunteer!.page;
        const sPage = staff!.page;
        const mPage = merchant!.page;

        // 张伟 starts with the 300 points the seed posted.
        await signIn(vPage, '张伟');
        const zhangWei = await signInApi('dev:volunteer');
        await expectBalance(vPage, zhangWei, 300);

        // He signs up for today's 敲门探访独居老人.
        await currentPage(vPage).getByText('志愿活动', { exact: true }).click();
        await vPage.waitForURL(/#\/packages\/points\/activities\/index/);
        let activities = shownPage(vPage, 'points-activities');
        const card = activities.locator('[aria-label="活动 敲门探访独居老人"]');
        await button(card, '报名').click();
        await expectVisible(card.getByText('已报名', { exact: true }));

        // Staff put the activity's check-in code on screen.
        await signIn(sPage, '刘晶');
        await openWorkbenchLink(sPage, '志愿服务与积分', /#\/packages\/staff\/points\/index/);
        await currentPage(sPage)
          .getByRole('link', { name: startsWith('敲门探访独居老人') })
          .click();
        await sPage.waitForURL(/#\/packages\/staff\/points\/activity\/index\?activityId=activity-demo-1/);
        const activityPage = shownPage(sPage, 'staff-activity');
        await expectVisible(activityPage.getByRole('img', { name: '签到二维码' }));
        const checkInCode = (await activityPage.locator('[aria-label="签到码文字"]').innerText()).trim();
        // 6 readable characters to type, not the signed token (no internal ids on screen).
        expect(checkInCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);

        // 张伟 enters it (H5 has no camera): checked in.
        activities = shownPage(vPage, 'points-activities');
        await codeField(activities, '输入活动码').fill(checkInCode);
        await button(activities, '提交活动码').click();
        await expectVisible(activities.getByText('✓ 签到成功：敲门探访独居老人', { exact: true }));
        await expectVisible(card.getByText('已签到', { exact: true }));

        // …and at the end, the check-out code.
        await button(activityPage, '签退码').click();
        await expectVisible(activityPage.getByRole('img', { name: '签退二维码' }));
        const checkOutCode = (await activityPage.locator('[aria-label="签退码文字"]').innerText()).trim();
        await codeField(activities, '输入活动码').fill(checkOutCode);
        await button(activities, '提交活动码').click();
        await expectVisible(activities.getByText('✓ 签退成功：敲门探访独居老人', { exact: true }));
        await expectVisible(card.getByText('已签退，待确认', { exact: true }));

        // Staff confirm an hour (he forgot to check out on time), with the reason.
        await sPage.goBack();
        await sPage.waitForURL(/#\/packages\/staff\/points\/index/);
        const hub = shownPage(sPage, 'staff-points');
        const pending = hub.locator('[aria-label="待确认 张伟"]');
        await expectVisible(pending);
        await textInput(pending, '确认时长（分钟）').fill('60');
        await textInput(pending, '调整原因').fill('按实际服务一小时');
        await button(pending, '确认时长并发放积分').click();
        await pending.waitFor({ state: 'detached' });
        await expectVisible(hub.getByText('暂无待确认的志愿时长', { exact: true }));

        // 张伟 sees 20 more points.
        await expectBalance(vPage, zhangWei, 320);

        // The message centre tells him why (the stream delivers the event within about a second).
        await vPage.goto(`${h5Url()}/#/packages/messages/index/index`);
        await expectVisible(currentPage(vPage).getByText('志愿时长已调整确认', { exact: true }));
        await vPage.goto(`${h5Url()}/#/pages/points/index`);

        // He asks for a haircut at 老马理发店: a one-time code on screen.
        await currentPage(vPage).getByText('爱心商户', { exact: true }).click();
        await vPage.waitForURL(/#\/packages\/points\/merchants\/index/);
        const shop = shownPage(vPage, 'points-merchants').locator('[aria-label="商户 老马理发店"]');
        await button(shop, '兑换「理发一次」').click();
        await vPage.waitForURL(/#\/packages\/points\/redeem\/index/);
        const redeem = shownPage(vPage, 'points-redeem');
        await button(redeem, '出示兑换码').click();
        await expectVisible(redeem.getByRole('img', { name: '一次性兑换二维码' }));
        await expectVisible(redeem.getByText(/^\d+ 秒后自动刷新$/));
        const redemptionCode = (await redeem.locator('[aria-label="兑换码文字"]').innerText()).trim();
        expect(redemptionCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);

        // 马师傅 types it in 商户中心, checks the masked name and the points, and confirms.
        await signIn(mPage, '马师傅');
        await currentPage(mPage).getByText('商户中心', { exact: true }).click();
        await mPage.waitForURL(/#\/packages\/merchant\/center\/index/);
        const center = shownPage(mPage, 'merchant');
        await codeField(center, '输入兑换码').fill(redemptionCode);
        await button(center, '查看兑换').click();
        const check = center.locator('[aria-label="待确认的兑换"]');
        await expectVisible(check.getByText('志愿者：张*', { exact: true }));
        await expectVisible(check.getByText('项目：理发一次', { exact: true }));
        await expectVisible(check.getByText('积分：100', { exact: true }));
        await button(check, '确认兑换').click();

        // Both see the receipt; the statement counts it; his balance drops.
        const merchantReceipt = center.locator('[aria-label="兑换凭证"]');
        await expectVisible(merchantReceipt.getByText('✓ 兑换成功', { exact: true }));
        await expectVisible(merchantReceipt.getByText('收取 100 积分', { exact: true }));
        await expectVisible(
          center.locator('[aria-label="月结单"]').getByText('兑换 1 笔，共 100 积分', { exact: true }),
        );
        const volunteerReceipt = redeem.locator('[aria-label="兑换凭证"]');
        await expectVisible(volunteerReceipt.getByText('✓ 兑换成功', { exact: true }));
        await expectVisible(volunteerReceipt.getByText('老马理发店 · 理发一次', { exact: true }));
        await volunteer!.screenshot('points-redeemed');
        await merchant!.screenshot('points-merchant-receipt');

        await expectBalance(vPage, zhangWei, 220);

        // The same code again is refused, in Chinese.
        await codeField(center, '输入兑换码').fill(redemptionCode);
        await button(center, '查看兑换').click();
        await expectVisible(center.getByText('该兑换码已使用过', { exact: true }));

        // Staff see the month's figures, charted and in words, with the redemption at 老马理发店.
        await sPage.goto(`${h5Url()}/#/packages/staff/points/index`);
        const figures = shownPage(sPage, 'staff-points');
        await expectVisible(figures.getByText('每月发放与兑换', { exact: true }));
        await expectVisible(figures.locator('[aria-label^="当前结余 "]'));
        await expectVisible(figures.getByText('各商户兑换（近 6 个月）', { exact: true }));
        await expectVisible(figures.locator('[aria-label="每月积分"]').getByText('老马理发店：1 笔，100 积分'));
        await staff!.screenshot('points-staff-figures');

        expect(volunteer!.pageErrors).toEqual([]);
        expect(staff!.pageErrors).toEqual([]);
        expect(merchant!.pageErrors).toEqual([]);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'lets 王桂芳, a verified resident, become a volunteer at once and see her (empty) balance',
    async () => {
      await withBrowsers('points-join', 1, async ([resident]) => {
        const page = resident!.page;
        await signIn(page, '王桂芳');
        await page.goto(`${h5Url()}/#/pages/points/index`);
        const points = currentPage(page);
        await button(points, '成为志愿者').click();

        // The token is refreshed with the new role, so her balance loads at once.
        const balance = points.locator('[aria-label="积分余额"]');
        await expectVisible(balance.getByText('0', { exact: true }));
        await expectVisible(points.getByText('志愿活动', { exact: true }));
        expect(resident!.pageErrors).toEqual([]);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
