import { ageOn, todayInShanghai } from '../../shared/src/domain/identity/person';
import {
  button,
  choice,
  confirmModal,
  currentPage,
  freshNameAndRoom,
  h5Url,
  NEWCOMER,
  openStaffEntry,
  pickOfferedDate,
  revisitMine,
  signIn,
  tab,
  textInput,
} from './app';
import { expectVisible, withBrowsers } from './browser';

/** Two browsers and a dozen page loads each; said here so it holds whatever the project's default. */
const SCENARIO_TIMEOUT_MS = 120_000;

describe('identity on H5: membership and 代办', () => {
  it(
    'lets a newcomer apply for 2号楼 1单元, staff approve it, and the newcomer see their home and the 居民 role',
    async () => {
      const { realName, room } = freshNameAndRoom();

      await withBrowsers('membership-approval', 2, async ([resident, staff]) => {
        // A newcomer opens 安居苑社区's poster link, then signs in and applies there.
        await resident!.page.goto(`${h5Url()}/?community=anjuyuan`);
        let mine = await signIn(resident!.page, NEWCOMER);
        await expectVisible(mine.getByText('尚未认证', { exact: true }));
        await button(mine, '申请居民认证').click();
        await resident!.page.waitForURL(/#\/packages\/account\/apply\/index/);
        const apply = currentPage(resident!.page);
        await choice(apply, '2号楼').click();
        await choice(apply, '1单元').click();
        await textInput(apply, '门牌号').fill(room);
        await textInput(apply, '真实姓名').fill(realName);
        await pickOfferedDate(resident!.page, apply, '出生日期');
        await expectVisible(apply.getByText('1960年1月1日', { exact: true }));
        await textInput(apply, '手机号').fill('13912345678');
        await button(apply, '提交申请').click();

        await resident!.page.waitForURL(/#\/pages\/mine\/index/);
        mine = currentPage(resident!.page);
        await expectVisible(mine.getByText('审核中', { exact: true }));
        await expectVisible(mine.getByText(`安居苑社区 2号楼 1单元 ${room} · ${realName}`));

        // Staff approve it from the queue.
        await signIn(staff!.page, '刘晶');
        const reviews = await openStaffEntry(staff!.page, '居民认证审核', /#\/packages\/staff\/reviews\/index/);
        const card = reviews.locator('.member-card', { hasText: realName });
        await expectVisible(card.getByText(`住址：2号楼 1单元 ${room}`));
        await expectVisible(card.getByText('待审核', { exact: true }));
        await button(card, '通过').click();
        await confirmModal(staff!.page);
        await card.waitFor({ state: 'detached' });
        await choice(reviews, '已通过').click();
        await expectVisible(
          reviews.locator('.member-card', { hasText: realName }).getByText('已通过', { exact: true }),
        );

        // The newcomer is now a resident of 2号楼 1单元.
        mine = await revisitMine(resident!.page);
        await expectVisible(mine.getByText('已认证', { exact: true }));
        await expectVisible(mine.getByText(`住址：2号楼 1单元 ${room}`));
        await expectVisible(mine.locator('[aria-label="我的身份"]').getByText('居民', { exact: true }));
        await expectVisible(mine.locator('.mine__name').getByText(realName, { exact: true }));

        // The session picked up the new role: a residents-only page answers.
        await button(mine, '绑定家人').click();
        await resident!.page.waitForURL(/#\/packages\/account\/dependents\/index/);
        await expectVisible(currentPage(resident!.page).getByText(/您家中没有其他可以绑定的已登记成员/));
        expect(resident!.pageErrors).toEqual([]);
        expect(staff!.pageErrors).toEqual([]);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'lets 王桂芳 link 李秀英 from her household, staff confirm it, and 王桂芳 act for her until she leaves 代办',
    async () => {
      const banner = `正在为 李秀英（${ageOn('1940-08-02', todayInShanghai())}岁）代办`;

      await withBrowsers('dependent-link', 2, async ([resident, staff]) => {
        // 王桂芳 asks to link her mother-in-law, who has no WeChat.
        let mine = await signIn(resident!.page, '王桂芳');
        await expectVisible(mine.getByText('住址：1号楼 1单元 302'));
        await expectVisible(mine.getByText('还没有绑定家人', { exact: true }));
        await button(mine, '绑定家人').click();
        await resident!.page.waitForURL(/#\/packages\/account\/dependents\/index/);
        const link = currentPage(resident!.page);
        await choice(link, /^李秀英 /).click();
        await choice(link, '父母').click();
        await button(link, '提交绑定申请').click();
        await expectVisible(link.getByText('待社区确认', { exact: true }));
        await button(link, '返回我的').click();
        await resident!.page.waitForURL(/#\/pages\/mine\/index/);
        mine = currentPage(resident!.page);
        const li = mine.locator('[aria-label="家人 李秀英"]');
        await expectVisible(li.getByText('待确认', { exact: true }));
        expect(await button(li, '为李秀英代办').count()).toBe(0);

        // Staff confirm the link.
        await signIn(staff!.page, '刘晶');
        const links = await openStaffEntry(staff!.page, '代办绑定确认', /#\/packages\/staff\/links\/index/);
        const card = links.locator('.member-card', { hasText: '李秀英' });
        await expectVisible(card.getByText('申请人：王桂芳（老人是TA的父母）'));
        await button(card, '确认绑定').click();
        await confirmModal(staff!.page);
        await card.waitFor({ state: 'detached' });

        // 王桂芳 acts for 李秀英: the banner names her on every page, and survives a restart.
        mine = await revisitMine(resident!.page);
        const linked = mine.locator('[aria-label="家人 李秀英"]');
        await expectVisible(linked.getByText('已绑定', { exact: true }));
        await button(linked, '为李秀英代办').click();
        await expectVisible(mine.getByText(banner, { exact: true }));
        await tab(resident!.page, '首页').click();
        await resident!.page.waitForURL(/#\/pages\/home\/index/);
        const home = currentPage(resident!.page);
        await expectVisible(home.getByText(banner, { exact: true }));
        await resident!.page.reload();
        await expectVisible(currentPage(resident!.page).getByText(banner, { exact: true }));

        // Leaving 代办 removes the banner everywhere.
        await currentPage(resident!.page).getByRole('button', { name: '退出代办', exact: true }).click();
        await currentPage(resident!.page).getByText(banner).waitFor({ state: 'detached' });
        mine = await revisitMine(resident!.page);
        await expectVisible(button(mine.locator('[aria-label="家人 李秀英"]'), '为李秀英代办'));
        expect(await resident!.page.getByText(banner).count()).toBe(0);
        expect(resident!.pageErrors).toEqual([]);
        expect(staff!.pageErrors).toEqual([]);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
