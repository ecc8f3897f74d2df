import type { Locator, Page } from 'playwright-core';
import { button, choice, confirmModal, currentPage, h5Url, pickOfferedDate, signIn, tab, textInput } from './app';
import { expectVisible, withBrowsers } from './browser';

/** Two browsers and a dozen page loads each; said here so it holds whatever the project's default. */
const SCENARIO_TIMEOUT_MS = 180_000;

/** The textarea labelled `label` (Taro's H5 element wraps a real <textarea>). */
const textArea = (scope: Locator, label: string): Locator =>
  scope.locator(`[aria-label="${label}"] textarea, textarea[aria-label="${label}"]`);

/** The page on show whose root has `rootClass` (PageShell's className). */
const shownPage = (page: Page, rootClass: string): Locator => currentPage(page).locator(`.linli-page.${rootClass}`);

describe('agenda (议题) on H5: from a resident’s topic to the 晒事栏', () => {
  it(
    'lets 王桂芳 raise a topic, staff approve, schedule, decide, act and finish it, and her rating show on the 晒事栏',
    async () => {
      const run = Date.now().toString(36).slice(-4);
      const title = `2单元楼道扶手松动${run}`;

      await withBrowsers('agenda-loop', 2, async ([resident, staff]) => {
        const residentPage = resident!.page;
        const staffPage = staff!.page;

        // 王桂芳 raises a topic from 议事 → 邻里议题.
        await signIn(residentPage, '王桂芳');
        await tab(residentPage, '议事').click();
        await residentPage.waitForURL(/#\/pages\/council\/index/);
        await currentPage(residentPage).getByRole('link', { name: '邻里议题', exact: true }).click();
        await residentPage.waitForURL(/#\/packages\/agenda\/index\/index/);
        await button(shownPage(residentPage, 'agenda'), '提一个议题').click();
        await residentPage.waitForURL(/#\/packages\/agenda\/submit\/index/);
        const form = shownPage(residentPage, 'agenda-submit');
        await textInput(form, '议题标题').fill(title);
        await textArea(form, '具体情况').fill('2单元一楼到三楼的扶手螺丝松了，老人上下楼扶着晃得厉害，担心摔倒。');
        await choice(form, '安全隐患').click();
        await choice(form, '全社区').click();
        await button(form, '提交议题').click();
        await residentPage.waitForURL(/#\/packages\/agenda\/topic\/index\?communityId=anjuyuan&topicId=/);
        let topic = shownPage(residentPage, 'agenda-topic');
        await expectVisible(topic.getByText(title, { exact: true }));
        await expectVisible(topic.getByText('待审核', { exact: true }));
        await expectVisible(topic.getByText('撤回议题', { exact: true }));
        const topicUrl = residentPage.url();

        // Staff find it first in the review queue and approve it.
        await signIn(staffPage, '刘晶');
        await currentPage(staffPage).getByText('社区工作台', { exact: true }).click();
        await staffPage.waitForURL(/#\/packages\/staff\/workbench\/index/);
        await currentPage(staffPage).getByRole('link', { name: '议题办理', exact: true }).click();
        await staffPage.waitForURL(/#\/packages\/staff\/agenda\/index/);
        await shownPage(staffPage, 'staff-agenda').getByRole('link', { name: title, exact: true }).click();
        await staffPage.waitForURL(/#\/packages\/staff\/agenda\/topic\/index\?topicId=/);
        const desk = shownPage(staffPage, 'staff-agenda-topic');
        await button(desk, '受理').click();
        await expectVisible(desk.getByText('已受理', { exact: true }));

        // …schedule it into the demo session…
        await choice(desk, /^老旧小区加装电梯意见征集/).click();
        await button(desk, '安排上会').click();
        await expectVisible(desk.getByText('已排上议事会', { exact: true }));

        // …record the decision with its vote…
        await textArea(desk, '议事决定').fill('维修费用由物业公司和居民各承担一半，物业本周内加固扶手');
        await textInput(desk, '赞成票数').fill('21');
        await textInput(desk, '反对票数').fill('2');
        await textInput(desk, '弃权票数').fill('1');
        await button(desk, '保存决定').click();
        await expectVisible(
          desk.getByText('决定：维修费用由物业公司和居民各承担一半，物业本周内加固扶手（赞成 21，反对 2，弃权 1）', {
            exact: true,
          }),
        );

        // …add an action item, which starts the work, and mark it done.
        await textInput(desk, '行动项').fill('加固2单元楼道扶手');
        await textInput(desk, '负责人').fill('物业公司');
        await pickOfferedDate(staffPage, desk, '完成日期');
        await button(desk, '添加行动项').click();
        await expectVisible(desk.getByText('办理中', { exact: true }));
        await expectVisible(desk.getByText(/^✔ 加固2单元楼道扶手 —— 物业公司，\d{1,2}月\d{1,2}日前$/));
        await button(desk, '办结').click();
        await confirmModal(staffPage);
        await expectVisible(desk.getByText('已办结', { exact: true }));
        await staff!.screenshot('agenda-staff-done');

        // 王桂芳 sees every step on the timeline and rates the outcome 4 stars.
        await residentPage.goto(topicUrl);
        topic = shownPage(residentPage, 'agenda-topic');
        await expectVisible(topic.getByText('已办结', { exact: true }));
        const timeline = topic.getByLabel('办理进程');
        for (const step of ['提出议题', '待审核 → 已受理', '已受理 → 已排上议事会', '办理中 → 已办结']) {
          await expectVisible(timeline.getByText(step, { exact: true }));
        }
        await topic.getByRole('radio', { name: '4 星', exact: true }).click();
        await textArea(topic, '评价内容').fill('扶手不晃了，谢谢社区');
        await button(topic, '提交评价').click();
        await expectVisible(topic.getByText('您的评价：★★★★☆', { exact: true }));

        // The 晒事栏 shows it with the decision, the action and her rating.
        await residentPage.goto(`${h5Url()}/#/packages/agenda/board/index`);
        const board = shownPage(residentPage, 'agenda-board');
        const card = board.getByRole('link', { name: title, exact: true });
        await expectVisible(card.getByText('已办结', { exact: true }));
        await expectVisible(card.getByText(/^决定：维修费用由物业公司和居民各承担一半/));
        await expectVisible(card.getByText(/^✔ 加固2单元楼道扶手 —— 物业公司/));
        await expectVisible(card.getByText('居民评分 ★★★★☆ 4.0 分（1 人评价）', { exact: true }));
        await resident!.screenshot('agenda-board');

        expect(resident!.pageErrors).toEqual([]);
        expect(staff!.pageErrors).toEqual([]);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
