import type { Page } from 'playwright-core';
import {
  button,
  choice,
  currentPage,
  freshNameAndRoom,
  h5Url,
  NEWCOMER,
  openStaffEntry,
  pickOfferedDate,
  signIn,
  textInput,
} from './app';
import { expectVisible, withBrowsers } from './browser';

/** A newcomer applies for 2号楼 1单元 <room> with the apply form, as the identity e2e does. */
async function applyAsNewcomer(page: Page, realName: string, room: string, phone: string) {
  await page.goto(`${h5Url()}/?community=anjuyuan`);
  const mine = await signIn(page, NEWCOMER);
  await button(mine, '申请居民认证').click();
  await page.waitForURL(/#\/packages\/account\/apply\/index/);
  const apply = currentPage(page);
  await choice(apply, '2号楼').click();
  await choice(apply, '1单元').click();
  await textInput(apply, '门牌号').fill(room);
  await textInput(apply, '真实姓名').fill(realName);
  await pickOfferedDate(page, apply, '出生日期');
  await textInput(apply, '手机号').fill(phone);
  await button(apply, '提交申请').click();
  await page.waitForURL(/#\/pages\/mine\/index/);
  return currentPage(page);
}

const SCENARIO_TIMEOUT_MS = 150_000;

describe('居民台账 on H5', () => {
  it(
    'lets staff import a roster CSV (a refused row shows its reason), verifies a resident on it at once, and shows the closest roster row beside one who is not',
    async () => {
      const onRoster = freshNameAndRoom();
      const stranger = { realName: `${onRoster.realName.slice(0, 2)}新`, room: onRoster.room };
      const csv = [
        '楼栋,单元,房号,姓名,出生日期,手机,标签',
        `2号楼,1单元,${onRoster.room},${onRoster.realName},1960-01-01,13912345678,独居`,
        '9号楼,1单元,101,钱多多,1970-01-01,,',
      ].join('\r\n');

      await withBrowsers('roster-import', 3, async ([staff, resident, other]) => {
        // Staff import the roster from 社区工作台 → 导入居民台账.
        await signIn(staff!.page, '刘晶');
        const roster = await openStaffEntry(staff!.page, '导入居民台账', /#\/packages\/staff\/roster\/index/);
        await expectVisible(roster.getByText('必填：楼栋、单元、房号、姓名'));
        const chooser = staff!.page.waitForEvent('filechooser');
        await button(roster, '选择台账文件').click();
        await (await chooser).setFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await expectVisible(roster.getByText('未知楼栋「9号楼」', { exact: true }));
        await expectVisible(choice(roster, '拒绝 1'));
        await choice(roster, '新增 1').click();
        await expectVisible(roster.getByText(onRoster.realName, { exact: true }));
        await button(roster, '确认导入 1 行').click();
        await expectVisible(roster.getByText('导入完成', { exact: true }));
        await expectVisible(roster.getByText('已写入 1 / 1 行', { exact: true }));

        // The resident on the roster applies and is verified at once.
        const mine = await applyAsNewcomer(resident!.page, onRoster.realName, onRoster.room, '13600005678');
        await expectVisible(mine.getByText('已认证', { exact: true }));
        await expectVisible(mine.getByText(`住址：2号楼 1单元 ${onRoster.room}`));

        // Someone the roster does not know waits in the queue; staff see the household's roster row.
        const waiting = await applyAsNewcomer(other!.page, stranger.realName, stranger.room, '13600001111');
        await expectVisible(waiting.getByText('审核中', { exact: true }));
        await staff!.page.goto(`${h5Url()}/#/pages/mine/index`);
        const reviews = await openStaffEntry(staff!.page, '居民认证审核', /#\/packages\/staff\/reviews\/index/);
        const card = reviews.locator('.member-card', { hasText: stranger.realName });
        await expectVisible(card.getByText('居民台账上这一户的人（最接近的在前）：'));
        await expectVisible(card.getByText(new RegExp(`^${onRoster.realName} · 2号楼1单元${onRoster.room}`)));

        expect(staff!.pageErrors).toEqual([]);
        expect(resident!.pageErrors).toEqual([]);
        expect(other!.pageErrors).toEqual([]);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
