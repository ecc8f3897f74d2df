import type { Locator, Page } from 'playwright-core';
import { button, choice, currentPage, h5Url, signIn, startsWith } from './app';
import { expectVisible, withBrowsers } from './browser';
import { callApi, signInApi } from './stack-api';

/** Three browsers and several audited page loads each; said here whatever the project's default. */
const SCENARIO_TIMEOUT_MS = 300_000;

/** The textarea labelled `label` (Taro's H5 element wraps a real <textarea>). */
const textArea = (scope: Locator, label: string): Locator =>
  scope.locator(`[aria-label="${label}"] textarea, textarea[aria-label="${label}"]`);

/** The page on show whose root has `rootClass` (PageShell's className). */
const shownPage = (page: Page, rootClass: string): Locator => currentPage(page).locator(`.linli-page.${rootClass}`);

/** The need card showing `text`. */
const needCard = (scope: Locator, text: string): Locator => scope.locator('.need-card', { hasText: text });

type People = { people: { name: string; overdue: boolean; lastObservation?: string }[] };

describe('网格敲门 on H5', () => {
  it(
    'lets grid worker 赵红梅 find 孙桂兰 overdue and record 需要帮助; staff dispatch the need to 张伟, who finishes it, and her rating shows',
    async () => {
      await withBrowsers('grid-visit', 3, async ([worker, staff, volunteer]) => {
        const page = worker!.page;

        // 我的 → 我的网格: the overdue elder carries her badge.
        const mine = await signIn(page, '赵红梅');
        await mine.getByText('我的网格', { exact: true }).click();
        await page.waitForURL(/#\/packages\/grid\/home\/index/);
        const sun = currentPage(page).getByRole('link', { name: /^孙桂兰 \d+岁\s*超期 \d+ 天/ });
        await expectVisible(sun);
        await worker!.screenshot('grid-home');
        await sun.click();
        await page.waitForURL(/#\/packages\/grid\/person\/index/);
        const card = currentPage(page);
        await expectVisible(card.getByText('敲门没人应，电话也没接'));
        await expectVisible(button(card, '打电话给孙桂兰'));

        // 记录探访: 上门, 需要帮助, a note.
        await button(card, '记录探访').click();
        await page.waitForURL(/#\/packages\/grid\/visit\/index/);
        const form = currentPage(page);
        await expectVisible(form.getByText('探访孙桂兰'));
        await choice(form, /^上门/).click();
        await choice(form, /^需要帮助/).click();
        await form.locator('taro-textarea-core[aria-label="备注"] textarea').fill('膝盖疼，下不了楼，想请人帮忙买药');
        await worker!.audit();
        await worker!.screenshot('grid-visit-form');
        await button(form, '保存探访记录').click();
        await page.waitForURL(/#\/packages\/grid\/person\/index/);
        const after = currentPage(page);
        await expectVisible(after.getByText('膝盖疼，下不了楼，想请人帮忙买药'));
        await expectVisible(after.getByText('上门 · 需要帮助').first());

        // Staff's overdue list no longer names her; the grid list shows what was seen.
        await signIn(staff!.page, '刘晶');
        await staff!.page.goto(`${h5Url()}/#/packages/staff/care/grid/index`);
        await expectVisible(currentPage(staff!.page).getByText('超期未探访（等得最久的在前）'));
        const staffApi = await signInApi('dev:staff');
        const overdue = await callApi<People>(staffApi, 'GET', '/community/anjuyuan/visit-overdue');
        expect(overdue.people.map((p) => p.name)).not.toContain('孙桂兰');
        const grid = await callApi<People>(staffApi, 'GET', '/community/anjuyuan/grids/grid-2/people');
        expect(grid.people.find((p) => p.name === '孙桂兰')).toMatchObject({
          overdue: false,
          lastObservation: '需要帮助',
        });
        // 李秀英 (高龄, 第一网格) has never been visited: she heads the list, and 孙桂兰 is not on it.
        const list = currentPage(staff!.page);
        await expectVisible(list.getByRole('link', { name: /^李秀英 \d+岁\s*从未探访/ }));
        expect(await list.getByRole('link', { name: /^孙桂兰/ }).count()).toBe(0);
        await staff!.screenshot('grid-staff-overdue');

        // The visit raised a need in the same transaction: it waits on the staff's dispatch board.
        const needText = '网格员探访发现需要帮助：膝盖疼，下不了楼，想请人帮忙买药';
        const board = await callApi<{ needs: { needId: string; text: string; status: string; source: string }[] }>(
          staffApi,
          'GET',
          '/community/anjuyuan/need-board?status=new',
        );
        const need = board.needs.find((n) => n.text === needText);
        expect(need).toMatchObject({ status: 'new', source: 'visit' });

        // Staff dispatch it from 求助派单 to the volunteer 张伟.
        await staff!.page.goto(`${h5Url()}/#/packages/staff/workbench/index`);
        await currentPage(staff!.page)
          .getByRole('link', { name: startsWith('求助派单') })
          .click();
        await staff!.page.waitForURL(/#\/packages\/staff\/care\/needs\/index/);
        const dispatch = needCard(shownPage(staff!.page, 'staff-needs'), needText);
        await button(dispatch, '派单').click();
        await choice(dispatch, /^张伟/).click();
        await button(dispatch, '确认派单').click();
        await expectVisible(dispatch.getByText('志愿者：张伟', { exact: true }));

        // 张伟 accepts it under 我的 → 我的任务 and finishes it.
        await signIn(volunteer!.page, '张伟');
        await currentPage(volunteer!.page)
          .getByRole('link', { name: startsWith('我的任务') })
          .click();
        await volunteer!.page.waitForURL(/#\/packages\/care\/needs\/tasks\/index/);
        await needCard(shownPage(volunteer!.page, 'needs-tasks'), needText).click();
        await volunteer!.page.waitForURL(/#\/packages\/care\/needs\/detail\/index/);
        const task = shownPage(volunteer!.page, 'needs-detail');
        await button(task, '接单').click();
        await textArea(task, '办理情况').fill('已代买膝盖药送到家');
        await button(task, '标记已办结').click();
        await expectVisible(task.getByText('办理情况：已代买膝盖药送到家', { exact: true }));

        // 孙桂兰 has no WeChat: staff take her rating by phone, and it shows on the need.
        await staff!.page.goto(
          `${h5Url()}/#/packages/care/needs/detail/index?communityId=anjuyuan&needId=${need!.needId}`,
        );
        const detail = shownPage(staff!.page, 'needs-detail');
        await detail.getByRole('radio', { name: '5 星' }).click();
        await textArea(detail, '评价留言（可不填）').fill('电话回访：药收到了，谢谢');
        await button(detail, '提交评价').click();
        await expectVisible(detail.getByText('评价：★★★★★（5 星）', { exact: true }));
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
