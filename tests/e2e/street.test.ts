/**
 * A street comes on board from the mini-program alone: the platform admin creates it and invites
 * its operator; the operator (a fresh login) accepts, creates a community and invites its staff;
 * staff (another fresh login) accept and build the structure; the second community's staff see
 * none of it; staff import the new community's roster, and a resident on it finds the community by
 * street and name, applies and is verified at once; the operator sees the street's figures.
 */
import type { Page } from 'playwright-core';
import {
  button,
  choice,
  currentPage,
  h5Url,
  NEWCOMER,
  pickOfferedDate,
  revisitMine,
  signIn,
  startsWith,
  textInput,
} from './app';
import { expectVisible, withBrowsers } from './browser';

const suffix = () => String(Date.now()).slice(-5);

/** The invite code shown after 生成…邀请码, without the space that splits it for reading aloud. */
async function shownCode(page: Page): Promise<string> {
  const code = currentPage(page).locator('.street__code').last();
  await expectVisible(code);
  return (await code.innerText()).replace(/\s+/g, '');
}

/** 我的 → 接受任命邀请 → the code typed → 接受邀请, back on 我的 with the role. */
async function acceptInvite(page: Page, code: string) {
  let mine = await signIn(page, NEWCOMER);
  await mine.getByText('接受任命邀请', { exact: true }).click();
  await page.waitForURL(/#\/packages\/onboarding\/invite\/index/);
  const invite = currentPage(page);
  await textInput(invite, '邀请码（8 位）').fill(code);
  await button(invite, '查看邀请').click();
  await button(invite, '接受邀请').click();
  await page.waitForURL(/#\/pages\/mine\/index/);
  mine = await revisitMine(page);
  return mine;
}

const SCENARIO_TIMEOUT_MS = 420_000;

describe('street console on H5', () => {
  it(
    'takes a new street from the admin to an operator, a community, its staff and its structure',
    async () => {
      const n = suffix();
      const streetName = `贺兰山西路街道${n}`;
      const communityName = `康居苑社区${n}`;
      const gridName = `第一网格${n}`;

      await withBrowsers('street-console', 5, async ([admin, operator, staff, otherStaff, resident]) => {
        // The platform admin creates the street and invites its operator.
        let mine = await signIn(admin!.page, '系统管理员');
        await mine.getByText('街道工作台', { exact: true }).click();
        await admin!.page.waitForURL(/#\/packages\/street\/console\/index/);
        let console_ = currentPage(admin!.page);
        const newStreet = console_.getByRole('group', { name: '新建街道' });
        await textInput(newStreet, '所在城市').fill('银川市');
        await textInput(newStreet, '所在区县').fill('西夏区');
        await textInput(newStreet, '街道（乡镇）名称').fill(streetName);
        await button(newStreet, '新建街道').click();
        await console_.getByText(streetName, { exact: true }).click();
        await admin!.page.waitForURL(/streetId=/);
        console_ = currentPage(admin!.page);
        await textInput(console_, '被邀请人姓名').fill('马志远');
        await button(console_, '生成邀请码').click();
        await expectVisible(console_.getByText(/有效期至 .*（72 小时，只能用一次）/));
        const operatorCode = await shownCode(admin!.page);

        // The operator, a fresh login, accepts and creates the community, then invites its staff.
        mine = await acceptInvite(operator!.page, operatorCode);
        await mine.getByText('街道工作台', { exact: true }).click();
        await operator!.page.waitForURL(/#\/packages\/street\/console\/index/);
        console_ = currentPage(operator!.page);
        await expectVisible(console_.getByText(streetName, { exact: true }));
        const newCommunity = console_.getByRole('group', { name: '新建社区' });
        await textInput(newCommunity, '社区名称').fill(communityName);
        await textInput(newCommunity, '社区地址').fill('贺兰山西路 66 号');
        await button(newCommunity, '新建社区').click();
        const row = console_.getByRole('group', { name: communityName });
        await button(row, '邀请工作人员').click();
        await textInput(row, '被邀请人姓名').fill('周红');
        await button(row, '生成工作人员邀请码').click();
        const staffCode = await shownCode(operator!.page);

        // Staff, another fresh login, accept and build the structure: a grid, a building, a second unit.
        mine = await acceptInvite(staff!.page, staffCode);
        await mine.getByText('社区工作台', { exact: true }).click();
        await staff!.page.waitForURL(/#\/packages\/staff\/workbench\/index/);
        await currentPage(staff!.page).getByText('编辑社区结构', { exact: true }).click();
        await staff!.page.waitForURL(/#\/packages\/staff\/structure\/index/);
        const structure = currentPage(staff!.page);
        const newGrid = structure.getByRole('group', { name: '添加网格' });
        await textInput(newGrid, '网格名称').fill(gridName);
        await textInput(newGrid, '网格员姓名').fill('丁玉梅');
        await textInput(newGrid, '网格员电话').fill('13900001111');
        await button(newGrid, '添加网格').click();
        const grid = structure.getByRole('group', { name: gridName });
        await expectVisible(grid.getByText('网格员 丁玉梅 · 13900001111', { exact: true }));
        await button(grid, `在${gridName}添加楼栋`).click();
        const newBuilding = grid.getByRole('group', { name: '添加楼栋' });
        await textInput(newBuilding, '楼栋名称').fill('1号楼');
        await textInput(newBuilding, '户数（户）').fill('36');
        await button(newBuilding, '添加楼栋').click();
        const building = grid.getByRole('group', { name: '1号楼' });
        await expectVisible(building.getByText('36 户', { exact: true }));
        await expectVisible(building.getByText('1 个单元', { exact: true }));
        await button(building, '单元').click();
        await textInput(building, '新单元名称').fill('2单元');
        await button(building, '添加单元').click();
        await expectVisible(building.getByText('2 个单元', { exact: true }));

        // The second community's staff see none of it.
        mine = await signIn(otherStaff!.page, '李淑芬');
        await mine.getByText('社区工作台', { exact: true }).click();
        await otherStaff!.page.waitForURL(/#\/packages\/staff\/workbench\/index/);
        await currentPage(otherStaff!.page).getByText('编辑社区结构', { exact: true }).click();
        await otherStaff!.page.waitForURL(/#\/packages\/staff\/structure\/index/);
        const theirs = currentPage(otherStaff!.page);
        await expectVisible(theirs.getByText(/^新华苑社区：/));
        expect(await theirs.getByText(gridName).count()).toBe(0);

        // Staff import the new community's roster (居民台账) from a CSV.
        // A name of Chinese characters only (the roster refuses digits in a name), fresh per run.
        const residentName = `丁${'春夏秋冬梅兰竹菊松柏'[Number(n) % 10]}芳`;
        const csv = [
          '楼栋,单元,房号,姓名,出生日期,手机,标签',
          `1号楼,1单元,101,${residentName},1948-05-01,13912340000,独居`,
        ];
        await staff!.page.goto(`${h5Url()}/#/pages/mine/index`);
        await currentPage(staff!.page).getByText('社区工作台', { exact: true }).click();
        await staff!.page.waitForURL(/#\/packages\/staff\/workbench\/index/);
        await currentPage(staff!.page).getByText('导入居民台账', { exact: true }).click();
        await staff!.page.waitForURL(/#\/packages\/staff\/roster\/index/);
        const roster = currentPage(staff!.page);
        const chooser = staff!.page.waitForEvent('filechooser');
        await button(roster, '选择台账文件').click();
        await (
          await chooser
        ).setFiles({
          name: '台账.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(csv.join('\r\n')),
        });
        await button(roster, '确认导入 1 行').click();
        await expectVisible(roster.getByText('已写入 1 / 1 行', { exact: true }));

        // The resident on it finds the community by street and name, applies, and is verified at once.
        await signIn(resident!.page, NEWCOMER);
        await resident!.page.goto(`${h5Url()}/#/packages/onboarding/find/index`);
        const find = currentPage(resident!.page);
        await choice(find, startsWith(streetName)).click();
        await choice(find, startsWith(communityName)).click();
        await button(find, '进入这个社区').click();
        await resident!.page.waitForURL(/#\/pages\/home\/index/);
        mine = await revisitMine(resident!.page);
        await button(mine, '申请居民认证').click();
        await resident!.page.waitForURL(/#\/packages\/account\/apply\/index/);
        const apply = currentPage(resident!.page);
        await choice(apply, '1号楼').click();
        await choice(apply, '1单元').click();
        await textInput(apply, '门牌号').fill('101');
        await textInput(apply, '真实姓名').fill(residentName);
        await pickOfferedDate(resident!.page, apply, '出生日期');
        await textInput(apply, '手机号').fill('13600000000');
        await button(apply, '提交申请').click();
        await resident!.page.waitForURL(/#\/pages\/mine\/index/);
        mine = currentPage(resident!.page);
        await expectVisible(mine.getByText('已认证', { exact: true }));
        await expectVisible(mine.getByText('住址：1号楼 1单元 101'));

        // The operator, still on the street console, sees the street's figures with the new community.
        await currentPage(operator!.page).getByText('街道数据', { exact: true }).click();
        await operator!.page.waitForURL(/#\/packages\/street\/figures\/index/);
        const figures = currentPage(operator!.page);
        const card = figures.getByRole('group', { name: communityName });
        await expectVisible(card.getByText('认证居民', { exact: true }));
        await expectVisible(card.getByText('1 人', { exact: true }));
        await expectVisible(figures.getByText('导出本月数据', { exact: true }));
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
