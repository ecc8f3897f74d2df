import type { Locator, Page } from 'playwright-core';
import { signIn } from './app';
import { expectEventually, expectVisible, withBrowser } from './browser';

interface Community {
  name: string;
  grids: { name: string; buildings: { name: string }[] }[];
}

function env(name: 'LINLI_E2E_H5_URL' | 'LINLI_E2E_API_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e project (its globalSetup starts the stack)`);
  return value;
}

/** The page on show: Taro's H5 router keeps visited pages in the DOM, hidden. */
const currentPage = (page: Page): Locator => page.locator('.taro_page').filter({ visible: true });

const tab = (page: Page, label: string): Locator => page.locator('.weui-tabbar__label', { hasText: label });

const fontSizePx = (locator: Locator): Promise<number> =>
  locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

async function openHome(page: Page): Promise<Locator> {
  // The community's poster link: a signed-out visitor sees the community it names.
  await page.goto(`${env('LINLI_E2E_H5_URL')}/?community=anjuyuan`);
  const home = currentPage(page);
  await expectVisible(home.locator('.community-card__name').getByText('安居苑社区', { exact: true }));
  return home;
}

describe('mini-program shell on H5', () => {
  let community: Community;

  beforeAll(async () => {
    const res = await fetch(`${env('LINLI_E2E_API_URL')}/community/anjuyuan`);
    expect(res.status).toBe(200);
    community = (await res.json()) as Community;
  });

  it('shows the seeded community with its grids and buildings and the API health on 首页', async () => {
    await withBrowser('home-shows-community', async ({ page, pageErrors }) => {
      const home = await openHome(page);

      await expectVisible(home.getByText('欢迎来到安居苑社区'));
      await expectVisible(home.getByText('服务运行正常'));
      const buildings = community.grids.flatMap((grid) => grid.buildings);
      expect(community.grids.length).toBeGreaterThan(0);
      expect(buildings.length).toBeGreaterThan(0);
      for (const grid of community.grids) await expectVisible(home.getByText(grid.name, { exact: true }));
      for (const building of buildings) await expectVisible(home.getByText(building.name, { exact: true }));
      await expectVisible(home.getByText(`${community.grids.length} 个网格 · ${buildings.length} 栋楼`));
      expect(pageErrors).toEqual([]);
    });
  });

  it('turns on 大字模式 on 我的, enlarges text on every page and keeps it after a reload', async () => {
    await withBrowser('large-text-mode', async ({ page, pageErrors }) => {
      const home = await openHome(page);
      const homeBefore = await fontSizePx(home.locator('.home__welcome'));
      expect(homeBefore).toBeGreaterThanOrEqual(16);

      await tab(page, '我的').click();
      await page.waitForURL(/#\/pages\/mine\/index/);
      const mine = currentPage(page);
      const hint = mine.locator('.large-text-switch__hint');
      await expectVisible(hint.getByText('开启后全部文字放大'));
      const mineBefore = await fontSizePx(hint);

      await mine.getByLabel('大字模式').click();

      await expectVisible(hint.getByText('已开启，文字更大更清楚'));
      await expectEventually(
        () => fontSizePx(hint),
        (px) => px >= mineBefore * 1.2,
        '我的 font size',
      );

      await tab(page, '首页').click();
      await page.waitForURL(/#\/pages\/home\/index/);
      await expectEventually(
        () => fontSizePx(currentPage(page).locator('.home__welcome')),
        (px) => px >= homeBefore * 1.2,
        '首页 font size',
      );

      await page.reload();
      await expectVisible(currentPage(page).locator('.linli-page.linli-page--large'));
      expect(pageErrors).toEqual([]);
    });
  });

  it('moves between the five tabs and opens the staff workbench subpackage as staff', async () => {
    await withBrowser('tab-navigation', async ({ page, pageErrors }) => {
      await openHome(page);

      for (const [label, path, title] of [
        // Signed out, 议事 says what to do first.
        ['议事', 'council', '登录后预约议事会'],
        ['食堂', 'canteen', '登录后查看菜单和订餐'],
        ['积分', 'points', '以服务换积分，以积分换服务'],
      ] as const) {
        await tab(page, label).click();
        await page.waitForURL(new RegExp(`#/pages/${path}/index`));
        await expectVisible(currentPage(page).getByText(title));
      }

      await tab(page, '我的').click();
      await page.waitForURL(/#\/pages\/mine\/index/);
      // The workbench is for staff only: signed out, 我的 does not offer it.
      await expectVisible(currentPage(page).getByText('您还没有登录'));
      expect(await currentPage(page).getByText('社区工作台', { exact: true }).count()).toBe(0);
      await signIn(page, '刘晶');
      await currentPage(page).getByText('社区工作台', { exact: true }).click();
      await page.waitForURL(/#\/packages\/staff\/workbench\/index/);
      const workbench = currentPage(page);
      for (const grid of community.grids) await expectVisible(workbench.getByText(grid.name, { exact: true }));

      await page.goBack();
      await page.waitForURL(/#\/pages\/mine\/index/);
      await tab(page, '首页').click();
      await expectVisible(currentPage(page).locator('.community-card__name').getByText('安居苑社区'));
      expect(pageErrors).toEqual([]);
    });
  });
});
