import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { ageOn, todayInShanghai } from '../../shared/src/domain/identity/person';
import { dayLabel, plusDays } from '../../miniapp/src/utils/canteen';
import { button, choice, currentPage, h5Url, signIn, tab, textInput } from './app';
import { expectVisible, withBrowsers } from './browser';

/**
 * Three browsers and a dozen page loads each, every one audited (axe-core takes a second or more
 * on a busy machine); said here so it holds whatever the project's default.
 */
const SCENARIO_TIMEOUT_MS = 240_000;

/** The page on show whose root has `rootClass` (PageShell's className). */
const shownPage = (page: Page, rootClass: string): Locator => currentPage(page).locator(`.linli-page.${rootClass}`);

describe('canteen on H5: menu, ordering with subsidy and delivery, volunteer delivery, kitchen and settlement', () => {
  it(
    'lets staff publish tomorrow’s breakfast, 刘淑珍 (82) order it delivered with her subsidy, 张伟 carry it, staff record the delivery, and staff see it in the kitchen and the settlement',
    async () => {
      // Tomorrow's breakfast closes at 07:00 tomorrow: always ahead, whatever time of day the test runs.
      // (The seed has published today's and tomorrow's lunch and dinner; breakfast is left to staff.)
      const today = todayInShanghai();
      const tomorrow = plusDays(today, 1);
      const age = ageOn('1944-06-12', tomorrow);

      await withBrowsers('canteen-order-deliver-settle', 3, async ([staff, elder, volunteer]) => {
        const staffPage = staff!.page;
        const elderPage = elder!.page;
        const volunteerPage = volunteer!.page;

        // Staff publish tomorrow's breakfast from the workbench.
        await signIn(staffPage, '刘晶');
        await currentPage(staffPage).getByText('社区工作台', { exact: true }).click();
        await staffPage.waitForURL(/#\/packages\/staff\/workbench\/index/);
        await currentPage(staffPage).getByText('食堂管理', { exact: true }).click();
        await staffPage.waitForURL(/#\/packages\/staff\/canteen\/index/);
        // The seeded delivery list names 刘淑珍 (and 李秀英, who has no WeChat).
        await currentPage(staffPage).getByText('送餐资格', { exact: true }).click();
        await staffPage.waitForURL(/#\/packages\/staff\/canteen\/delivery\/index/);
        const eligible = shownPage(staffPage, 'canteen-staff');
        await expectVisible(
          eligible.locator('[aria-label="送餐资格 刘淑珍"]').getByText(`刘淑珍（${ageOn('1944-06-12', today)}岁）`),
        );
        await expectVisible(eligible.locator('[aria-label="送餐资格 李秀英"]'));
        await staffPage.goBack();
        await staffPage.waitForURL(/#\/packages\/staff\/canteen\/index/);
        // 食堂设置 shows the seeded meals and subsidy bands, and saves them back.
        await currentPage(staffPage).getByText('食堂设置', { exact: true }).click();
        await staffPage.waitForURL(/#\/packages\/staff\/canteen\/settings\/index/);
        const settings = shownPage(staffPage, 'canteen-staff');
        // Times are pickers named by the label and the time they show; money shows two decimals.
        await expectVisible(settings.getByRole('button', { name: '午餐截止订餐：10:00', exact: true }));
        expect(await textInput(settings, '第3档起始年龄（岁）').inputValue()).toBe('80');
        expect(await textInput(settings, '第3档每餐补贴（元）').inputValue()).toBe('3.00');
        await button(settings, '保存设置').click();
        await expectVisible(staffPage.getByText('已保存', { exact: true }));
        await staffPage.goBack();
        await staffPage.waitForURL(/#\/packages\/staff\/canteen\/index/);
        await expectVisible(
          shownPage(staffPage, 'canteen-staff').locator(`[aria-label="${tomorrow} 午餐"]`).getByText('· 已发布'),
        );
        const breakfastRow = shownPage(staffPage, 'canteen-staff').locator(`[aria-label="${tomorrow} 早餐"]`);
        await expectVisible(breakfastRow.getByText('· 未发布'));
        await button(breakfastRow, '发布菜单').click();
        await staffPage.waitForURL(/#\/packages\/staff\/canteen\/publish\/index/);
        const form = shownPage(staffPage, 'canteen-staff');
        await expectVisible(choice(form, dayLabel(tomorrow, today)));
        expect(await choice(form, dayLabel(tomorrow, today)).getAttribute('aria-checked')).toBe('true');
        await textInput(form, '第1道菜名').fill('清蒸鲈鱼');
        await textInput(form, '第1道价格（元）').fill('12');
        await textInput(form, '第1道供应份数（份）').fill('30');
        await form.getByRole('checkbox', { name: '第1道 低盐', exact: true }).click();
        await form.getByRole('checkbox', { name: '第1道 软烂', exact: true }).click();
        await button(form, '发布菜单').click();
        await staffPage.waitForURL(/#\/packages\/staff\/canteen\/index/);
        await expectVisible(
          shownPage(staffPage, 'canteen-staff').locator(`[aria-label="${tomorrow} 早餐"]`).getByText('· 已发布'),
        );

        // 刘淑珍 (82, eligible for delivery) finds it on 食堂 and orders it delivered.
        await signIn(elderPage, '刘淑珍');
        await tab(elderPage, '食堂').click();
        await elderPage.waitForURL(/#\/pages\/canteen\/index/);
        // The seeded lunch is there too, so a newcomer's 食堂 is never empty.
        await expectVisible(
          currentPage(elderPage)
            .locator(`[aria-label="${dayLabel(tomorrow, today)} 午餐"]`)
            .getByText('清炖羊肉', { exact: true }),
        );
        const menuCard = currentPage(elderPage).locator(`[aria-label="${dayLabel(tomorrow, today)} 早餐"]`);
        await expectVisible(menuCard.getByText('清蒸鲈鱼', { exact: true }));
        await expectVisible(menuCard.getByText('低盐 · 软烂', { exact: true }));
        await expectVisible(menuCard.getByText('余 30 份', { exact: true }));
        await button(menuCard, '点餐').click();
        await elderPage.waitForURL(/#\/packages\/canteen\/menu\/index/);
        const order = shownPage(elderPage, 'canteen-sub');
        await expectVisible(order.getByText(`刘淑珍 ${age} 岁，这一餐可享助餐补贴 ¥3.00`, { exact: true }));
        await order.getByRole('button', { name: '清蒸鲈鱼加一份', exact: true }).click();
        await choice(order, '送餐上门 送餐费 ¥2.00').click();
        const price = order.locator('[aria-label="价格明细"]');
        await expectVisible(price.getByText('-¥3.00', { exact: true }));
        await expectVisible(price.getByText('助餐补贴（80+岁）', { exact: true }));
        await expectVisible(price.getByText('¥11.00', { exact: true }));
        await button(order, '提交订单').click();
        await elderPage.waitForURL(/#\/packages\/canteen\/order\/index\?communityId=anjuyuan&orderId=/);
        const detail = shownPage(elderPage, 'canteen-sub');
        await expectVisible(detail.getByText('待送餐', { exact: true }));
        await expectVisible(detail.getByText('¥11.00', { exact: true }));
        await elder!.screenshot('canteen-order-placed');

        // 张伟 (volunteer) claims the task for 6号楼 1单元 and marks it delivered.
        await signIn(volunteerPage, '张伟');
        await tab(volunteerPage, '食堂').click();
        await volunteerPage.waitForURL(/#\/pages\/canteen\/index/);
        await currentPage(volunteerPage).getByText('送餐任务', { exact: true }).click();
        await volunteerPage.waitForURL(/#\/packages\/canteen\/deliveries\/index/);
        const tasks = shownPage(volunteerPage, 'canteen-sub');
        await choice(tasks, dayLabel(tomorrow, today)).click();
        const task = tasks.locator('[aria-label="送餐 刘淑珍"]');
        await expectVisible(tasks.getByText('6号楼 1单元', { exact: true }));
        await expectVisible(task.getByText('待送餐', { exact: true }));
        await button(task, '领取任务').click();
        await expectVisible(task.getByText('配送中', { exact: true }));
        // Where to go, what to collect, and whom to ring; 已送达 waits for tomorrow's breakfast.
        await expectVisible(task.getByText('送餐地址：6号楼1单元101', { exact: true }));
        await expectVisible(task.getByText('送餐上门 · 货到付款 ¥11.00', { exact: true }));
        await expectVisible(button(task, '打电话给这户'));
        await expectVisible(task.getByText('07:00 起可标记送达', { exact: true }));
        expect(await button(task, '已送达').count()).toBe(0);
        await volunteer!.screenshot('canteen-delivery-task');

        // Staff may record it outside the meal's time, with a reason the order keeps.
        await staffPage.goto(`${h5Url()}/#/packages/canteen/deliveries/index`);
        const staffTasks = shownPage(staffPage, 'canteen-sub');
        await choice(staffTasks, dayLabel(tomorrow, today)).click();
        const staffTask = staffTasks.locator('[aria-label="送餐 刘淑珍"]');
        await textInput(staffTask, '时间外送达原因').fill('演示：提前送到');
        await button(staffTask, '登记已送达').click();
        await expectVisible(staffTask.getByText('已送达', { exact: true }));

        // 刘淑珍 confirms she got it.
        await elderPage.reload();
        const delivered = shownPage(elderPage, 'canteen-sub');
        await expectVisible(delivered.getByText('送餐志愿者：张伟', { exact: true }));
        await button(delivered, '确认收到').click();
        await expectVisible(delivered.getByText('已签收', { exact: true }));

        // Staff see it in the kitchen tally and the delivery list…
        await staffPage.goto(
          `${h5Url()}/#/packages/staff/canteen/kitchen/index?canteenId=canteen-1&date=${tomorrow}&meal=breakfast`,
        );
        const kitchen = shownPage(staffPage, 'canteen-staff');
        await expectVisible(
          kitchen.locator('[aria-label="清蒸鲈鱼"]').getByText('共 1 · 自取 0 · 送餐 1 · 余 29', { exact: true }),
        );
        await expectVisible(kitchen.locator('[aria-label="送餐上门 1 单"]'));
        await expectVisible(kitchen.locator('[aria-label="6号楼1单元"]').getByText(/101 刘淑珍 · 清蒸鲈鱼×1/));

        // …and in tomorrow's settlement, with the 80+ subsidy to claim back, and in its CSV.
        await staffPage.goto(`${h5Url()}/#/packages/staff/canteen/settlement/index?canteenId=canteen-1`);
        const settlement = shownPage(staffPage, 'canteen-staff');
        await choice(settlement, dayLabel(tomorrow, today)).click();
        await expectVisible(settlement.locator('[aria-label="订单 1"]'));
        await expectVisible(settlement.locator('[aria-label="已供餐（份） 1"]'));
        await expectVisible(settlement.locator('[aria-label="助餐补贴 ¥3.00"]'));
        await expectVisible(settlement.locator('[aria-label="应收（到店付） ¥11.00"]'));
        await expectVisible(settlement.locator('[aria-label="80+岁 1 单 ¥3.00"]'));
        // The month chart counts her portion on tomorrow's date, served. (The demo seed also holds an
        // elder's breakfast of today that was never picked up, for the grid worker's signal: it is
        // ordered, never served, so only the ordered total may differ.)
        const day = `${Number(tomorrow.slice(8, 10))}日`;
        await expectVisible(
          settlement
            .getByTestId('chart-summary')
            .getByText(new RegExp(`^订餐份数 [12]份，最高 \\d+日（1份）；已供餐 1份，最高 ${day}（1份）$`)),
        );
        const [download] = await Promise.all([
          staffPage.waitForEvent('download'),
          button(settlement, '导出日结表（CSV）').click(),
        ]);
        expect(download.suggestedFilename()).toBe(`${tomorrow}-安居苑长者食堂-日结.csv`);
        const csv = readFileSync((await download.path())!, 'utf8');
        expect(csv).toContain(`早餐,刘淑珍,${age},80+,6号楼,1单元,101,清蒸鲈鱼×1,送餐,12.00,3.00,2.00,11.00,已签收`);
        await staff!.screenshot('canteen-settlement');

        expect(staff!.pageErrors).toEqual([]);
        expect(elder!.pageErrors).toEqual([]);
        expect(volunteer!.pageErrors).toEqual([]);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
