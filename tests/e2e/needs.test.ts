import type { Locator, Page } from 'playwright-core';
import { button, choice, currentPage, h5Url, signIn, startsWith } from './app';
import { expectVisible, withBrowsers } from './browser';

/** Three browsers and a dozen page loads each; said here so it holds whatever the project's default. */
const SCENARIO_TIMEOUT_MS = 240_000;

/** The textarea labelled `label` (Taro's H5 element wraps a real <textarea>). */
const textArea = (scope: Locator, label: string): Locator =>
  scope.locator(`[aria-label="${label}"] textarea, textarea[aria-label="${label}"]`);

/** The page on show whose root has `rootClass` (PageShell's className). */
const shownPage = (page: Page, rootClass: string): Locator => currentPage(page).locator(`.linli-page.${rootClass}`);

/** The need card showing `text`. */
const needCard = (scope: Locator, text: string): Locator => scope.locator('.need-card', { hasText: text });

describe('求助派单 on H5: from a resident’s request to her rating', () => {
  it(
    'lets 王桂芳 ask for help, staff dispatch it to the volunteer 张伟, who accepts and finishes it, 王桂芳 rate it 4 stars, and staff see the rating',
    async () => {
      const run = Date.now().toString(36).slice(-4);
      const text = `楼道灯坏了，晚上看不见台阶${run}`;

      await withBrowsers('need-loop', 3, async ([resident, staff, volunteer]) => {
        const residentPage = resident!.page;
        const staffPage = staff!.page;
        const volunteerPage = volunteer!.page;

        // 王桂芳 asks from 首页 → 我要求助.
        await signIn(residentPage, '王桂芳');
        await residentPage.goto(`${h5Url()}/#/pages/home/index`);
        await currentPage(residentPage)
          .getByRole('link', { name: startsWith('我要求助') })
          .click();
        await residentPage.waitForURL(/#\/packages\/care\/needs\/mine\/index/);
        await button(shownPage(residentPage, 'needs-mine'), '我要求助').click();
        await residentPage.waitForURL(/#\/packages\/care\/needs\/post\/index/);
        const form = shownPage(residentPage, 'needs-post');
        await textArea(form, '需要什么帮助').fill(text);
        await choice(form, '环境设施').click();
        await button(form, '提交求助').click();
        await residentPage.waitForURL(/#\/packages\/care\/needs\/detail\/index\?communityId=anjuyuan&needId=/);
        const needUrl = residentPage.url();
        await expectVisible(shownPage(residentPage, 'needs-detail').getByText('待派单', { exact: true }).first());

        // Staff dispatch it from the workbench to 张伟, due the day after tomorrow.
        await signIn(staffPage, '刘晶');
        await staffPage.goto(`${h5Url()}/#/packages/staff/workbench/index`);
        await currentPage(staffPage)
          .getByRole('link', { name: startsWith('求助派单') })
          .click();
        await staffPage.waitForURL(/#\/packages\/staff\/care\/needs\/index/);
        const board = shownPage(staffPage, 'staff-needs');
        const card = needCard(board, text);
        await button(card, '派单').click();
        await choice(card, /^张伟/).click();
        await button(card, '确认派单').click();
        await expectVisible(card.getByText('志愿者：张伟', { exact: true }));

        // 张伟 finds it under 我的 → 我的任务, accepts and finishes it.
        await signIn(volunteerPage, '张伟');
        await currentPage(volunteerPage)
          .getByRole('link', { name: startsWith('我的任务') })
          .click();
        await volunteerPage.waitForURL(/#\/packages\/care\/needs\/tasks\/index/);
        await needCard(shownPage(volunteerPage, 'needs-tasks'), text).click();
        await volunteerPage.waitForURL(/#\/packages\/care\/needs\/detail\/index/);
        const task = shownPage(volunteerPage, 'needs-detail');
        await button(task, '接单').click();
        await textArea(task, '办理情况').fill('已换好新灯泡');
        await button(task, '标记已办结').click();
        await expectVisible(task.getByText('办理情况：已换好新灯泡', { exact: true }));

        // 王桂芳 rates it 4 stars.
        await residentPage.goto(needUrl);
        const detail = shownPage(residentPage, 'needs-detail');
        await detail.getByRole('radio', { name: '4 星' }).click();
        await textArea(detail, '评价留言（可不填）').fill('来得很及时');
        await button(detail, '提交评价').click();
        await expectVisible(detail.getByText('评价：★★★★（4 星）', { exact: true }));

        // Staff see the rating under 已评价.
        await staffPage.reload();
        const rated = shownPage(staffPage, 'staff-needs');
        await choice(rated, '已评价').click();
        await expectVisible(needCard(rated, text).getByText('评价：★★★★（4 星）', { exact: true }));
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
