import type { Page } from 'playwright-core';
import { ageOn, todayInShanghai } from '../../shared/src/domain/identity/person';
import {
  button,
  choice,
  confirmModal,
  currentPage,
  h5Url,
  openTopicList,
  openWorkbenchLink,
  pickOfferedDate,
  shownPage,
  signIn,
  startsWith,
  textArea,
  textInput,
} from './app';
import { expectVisible, withBrowsers } from './browser';

/** Two browsers and a dozen page loads each; said here so it holds whatever the project's default. */
const SCENARIO_TIMEOUT_MS = 180_000;

/** 我的 → 社区工作台 → 议题办理. */
const openTopicDesk = (page: Page) => openWorkbenchLink(page, '议题办理', /#\/packages\/staff\/agenda\/index/);

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
        await openTopicList(residentPage);
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
        await openTopicDesk(staffPage);
        await shownPage(staffPage, 'staff-agenda')
          .getByRole('link', { name: startsWith(title) })
          .click();
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
        await textInput(desk, '赞成（票）').fill('21');
        await textInput(desk, '反对（票）').fill('2');
        await textInput(desk, '弃权（票）').fill('1');
        await button(desk, '保存决定').click();
        await expectVisible(
          desk.getByText('决定：维修费用由物业公司和居民各承担一半，物业本周内加固扶手（赞成 21，反对 2，弃权 1）', {
            exact: true,
          }),
        );

        // …add an action item, which starts the work, and mark it done.
        await textInput(desk, '要做的事').fill('加固2单元楼道扶手');
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
        const card = board.getByRole('link', { name: startsWith(title) });
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

  it(
    'lets staff record a topic 李秀英 raised in person, acting for her, and 张伟 co-sign it',
    async () => {
      const run = Date.now().toString(36).slice(-4);
      const title = `小区东门路灯太暗${run}`;
      const banner = `正在为 李秀英（${ageOn('1940-08-02', todayInShanghai())}岁）代办`;

      await withBrowsers('agenda-recorded-and-cosigned', 2, async ([staff, neighbour]) => {
        const staffPage = staff!.page;
        await signIn(staffPage, '刘晶');
        await openTopicDesk(staffPage);
        await currentPage(staffPage)
          .getByRole('link', { name: startsWith('代居民登记议题') })
          .click();
        await staffPage.waitForURL(/#\/packages\/staff\/agenda\/record\/index/);
        const picker = shownPage(staffPage, 'staff-agenda-record');
        await choice(picker, '1号楼').click();
        await button(picker.locator('.member-card', { hasText: '李秀英' }), '为李秀英登记议题').click();
        await staffPage.waitForURL(/#\/packages\/agenda\/submit\/index/);
        const form = shownPage(staffPage, 'agenda-submit');
        await expectVisible(form.getByText(banner, { exact: true }));
        await expectVisible(form.getByText('为李秀英提出议题', { exact: true }));
        await textInput(form, '议题标题').fill(title);
        await textArea(form, '具体情况').fill('李秀英在板凳会上说：东门到1号楼的路灯太暗，晚上去买菜回来看不清台阶。');
        await choice(form, '安全隐患').click();
        await choice(form, '全社区').click();
        await button(form, '提交议题').click();
        await staffPage.waitForURL(/#\/packages\/agenda\/topic\/index\?communityId=anjuyuan&topicId=/);
        const topic = shownPage(staffPage, 'agenda-topic');
        await expectVisible(topic.locator('.topic-card__meta', { hasText: '由工作人员刘晶代为登记' }));
        await expectVisible(topic.getByText(/^安全隐患 · 全社区 · 李秀英 提出于 /));
        await expectVisible(topic.getByLabel('办理进程').getByText('由工作人员刘晶代为登记', { exact: true }));
        await topic.getByRole('button', { name: '退出代办', exact: true }).click();
        expect(await topic.getByText(banner, { exact: true }).count()).toBe(0);

        // 张伟 (5号楼) finds it among the topics open for co-signing and co-signs once.
        const page = neighbour!.page;
        await signIn(page, '张伟');
        await openTopicList(page);
        await shownPage(page, 'agenda')
          .getByRole('link', { name: startsWith(title) })
          .click();
        await page.waitForURL(/#\/packages\/agenda\/topic\/index/);
        const seen = shownPage(page, 'agenda-topic');
        await expectVisible(seen.getByText(/^安全隐患 · 全社区 · 李\*英 提出于 /));
        await button(seen, '附议（已有 0 人）').click();
        await expectVisible(seen.getByText('您已附议，共 1 人附议', { exact: true }));
        expect(await button(seen, '附议（已有 1 人）').count()).toBe(0);
        await neighbour!.screenshot('agenda-cosigned');

        expect(staff!.pageErrors).toEqual([]);
        expect(neighbour!.pageErrors).toEqual([]);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
