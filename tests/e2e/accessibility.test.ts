/**
 * Every page of app.config.ts, opened as the roles that use it, in normal and 大字模式: each
 * visit goes through the accessibility pass (axe-core WCAG 2.2 A/AA, 44×44 tap targets) that
 * browser.ts runs on every navigation. A screenshot of each visit goes to artifacts/e2e/pages/
 * (375×812 CSS px) so a person can look at the pages; the README's screenshots come from here.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { plusDays } from '../../miniapp/src/utils/canteen';
import { todayInShanghai } from '../../shared/src/domain/identity/person';
import { currentPage, h5Url, NEWCOMER, signIn } from './app';
import { ARTIFACTS_DIR, expectVisible, withBrowser, type OpenBrowser } from './browser';

/** A sweep visits dozens of pages twice; said here so it holds whatever the project's default. */
const SWEEP_TIMEOUT_MS = 300_000;

const PAGES_DIR = path.join(ARTIFACTS_DIR, 'pages');

/** LARGE_TEXT_STORAGE_KEY of hooks/use-large-text.ts (that module loads Taro, which node cannot). */
const LARGE_TEXT_STORAGE_KEY = 'linli:large-text';

const tomorrow = plusDays(todayInShanghai(), 1);

let pagesOfApp: string[] | undefined;

/** Every page path of the app, tab pages and subpackages alike (app.config.ts calls Taro's global). */
function allPages(): string[] {
  if (pagesOfApp) return pagesOfApp;
  let config: { pages: string[]; subPackages: { root: string; pages: string[] }[] } | undefined;
  (globalThis as { defineAppConfig?: unknown }).defineAppConfig = (value: typeof config) => (config = value);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../miniapp/src/app.config');
  if (!config) throw new Error('app.config.ts did not call defineAppConfig');
  pagesOfApp = [...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((p) => `${sub.root}/${p}`))];
  return pagesOfApp;
}

/** Query strings that give a page something to show (ids from the demo seed). */
const QUERY: Record<string, string> = {
  'packages/council/session/index': 'sessionId=session-demo-1',
  'packages/staff/council/attendees/index': 'sessionId=session-demo-1',
  'packages/staff/council/book-for/index': 'sessionId=session-demo-1',
  'packages/canteen/menu/index': `canteenId=canteen-1&date=${tomorrow}&meal=lunch`,
  'packages/staff/canteen/kitchen/index': `canteenId=canteen-1&date=${tomorrow}&meal=lunch`,
  'packages/staff/canteen/publish/index': `canteenId=canteen-1&date=${tomorrow}&meal=dinner`,
  'packages/staff/points/activity/index': 'activityId=activity-demo-1',
  'packages/points/redeem/index': 'merchantId=merchant-1&offerId=haircut',
  'packages/street/roles/index': 'streetId=manchengbei',
  'packages/street/figures/index': 'streetId=manchengbei',
  'packages/grid/person/index': 'communityId=anjuyuan&memberId=m-sun-guilan',
  'packages/grid/visit/index': `communityId=anjuyuan&memberId=m-sun-guilan&name=${encodeURIComponent('孙桂兰')}`,
  'packages/care/wish/index': 'communityId=anjuyuan&wishId=seed-wish-open',
  'packages/staff/care/review/index': 'wishId=seed-wish-pending',
  // 王桂芳's need waiting for her rating; the volunteer sees the same page as its assignee.
  'packages/care/needs/detail/index': 'communityId=anjuyuan&needId=need-demo-4',
};

const STREET_PAGES = allPages().filter((p) => p.startsWith('packages/street/'));

const RESIDENT_PAGES = [
  'pages/home/index',
  'pages/council/index',
  'pages/canteen/index',
  'pages/points/index',
  'pages/mine/index',
  'packages/account/dependents/index',
  'packages/messages/index/index',
  'packages/council/session/index',
  'packages/council/bookings/index',
  'packages/agenda/index/index',
  'packages/agenda/submit/index',
  'packages/agenda/mine/index',
  'packages/agenda/topic/index',
  'packages/agenda/board/index',
  'packages/canteen/menu/index',
  'packages/canteen/order/index',
  'packages/canteen/orders/index',
  'packages/care/wall/index',
  'packages/care/post/index',
  'packages/care/mine/index',
  'packages/care/wish/index',
  'packages/care/claims/index',
  'packages/care/needs/post/index',
  'packages/care/needs/mine/index',
  'packages/care/needs/detail/index',
];

/** The operator of the demo partner unit (共建单位): the wall with what is offered to it, and its claims. */
const PARTNER_PAGES = [
  'pages/home/index',
  'pages/mine/index',
  'packages/care/wall/index',
  'packages/care/claims/index',
  'packages/care/wish/index',
  'packages/care/needs/tasks/index',
];

const VOLUNTEER_PAGES = [
  'pages/points/index',
  'packages/points/history/index',
  'packages/points/activities/index',
  'packages/points/merchants/index',
  'packages/points/redeem/index',
  'packages/canteen/deliveries/index',
  'packages/care/needs/tasks/index',
  'packages/care/needs/detail/index',
];

const STAFF_PAGES = allPages().filter((p) => p.startsWith('packages/staff/'));

/** A visitor who has not signed in: what a poster link or a shared page shows first. */
const SIGNED_OUT = '未登录访客';

/** Who visits what: every page of the app is somebody's. */
const VISITS: { who: string; pages: string[] }[] = [
  {
    who: SIGNED_OUT,
    // The privacy guide is open to everyone: the consent sheet links it before anyone signs in.
    pages: [
      'pages/home/index',
      'packages/onboarding/find/index',
      'packages/account/login/index',
      'packages/account/privacy-guide/index',
    ],
  },
  {
    who: NEWCOMER,
    pages: [
      'pages/home/index',
      'packages/account/apply/index',
      'packages/onboarding/invite/index',
      'packages/care/bind/index',
    ],
  },
  { who: '王桂芳', pages: [...RESIDENT_PAGES, 'packages/account/privacy/index'] },
  { who: '张伟', pages: VOLUNTEER_PAGES },
  { who: '马师傅', pages: ['pages/home/index', 'packages/merchant/center/index'] },
  { who: '周慧', pages: PARTNER_PAGES },
  { who: '刘晶', pages: ['pages/home/index', ...STAFF_PAGES] },
  { who: '系统管理员', pages: ['pages/home/index', 'pages/mine/index', 'packages/street/console/index'] },
  { who: '马建华', pages: ['pages/home/index', 'pages/mine/index', ...STREET_PAGES] },
  {
    who: '赵红梅',
    pages: ['pages/home/index', 'pages/mine/index', ...allPages().filter((p) => p.startsWith('packages/grid/'))],
  },
];

function fileNameOf(who: string): string {
  return who === NEWCOMER ? 'newcomer' : who === SIGNED_OUT ? 'visitor' : who;
}

async function setLargeText(page: Page, on: boolean): Promise<void> {
  await page.evaluate(([key, value]) => localStorage.setItem(key as string, JSON.stringify({ data: value })), [
    LARGE_TEXT_STORAGE_KEY,
    on,
  ] as const);
  await page.reload();
  await currentPage(page).first().waitFor({ state: 'visible' });
}

/**
 * Opens each page, waits until what it loads has arrived, and audits it again then: the audit a
 * navigation runs by itself may have seen only 「正在加载…」.
 */
async function visitAll(browser: OpenBrowser, who: string, pages: string[], mode: string): Promise<void> {
  const { page } = browser;
  mkdirSync(PAGES_DIR, { recursive: true });
  for (const pagePath of pages) {
    const query = QUERY[pagePath];
    await page.goto(`${h5Url()}/#/${pagePath}${query ? `?${query}` : ''}`);
    await expectVisible(currentPage(page).locator('.linli-page').first());
    await currentPage(page)
      .getByText(/^正在加载/)
      .first()
      .waitFor({ state: 'detached' });
    await browser.audit();
    const name = `${fileNameOf(who)}-${mode}-${pagePath.replace(/\/index$/, '').replace(/\//g, '_')}`;
    await page.screenshot({ path: path.join(PAGES_DIR, `${name}.png`), scale: 'css' });
  }
}

describe('accessibility of every page, as each role, in normal and 大字模式', () => {
  it('covers every page of app.config.ts at least once', () => {
    const visited = new Set(VISITS.flatMap((visit) => visit.pages));
    expect(allPages().filter((p) => !visited.has(p))).toEqual([]);
  });

  it.each(VISITS.map((visit) => [visit.who, visit.pages] as const))(
    'finds no serious accessibility defect or small tap target on the pages %s uses',
    async (who, pages) => {
      await withBrowser(`a11y-${fileNameOf(who)}`, async (browser) => {
        const { page, pageErrors } = browser;
        if (who === SIGNED_OUT) await page.goto(`${h5Url()}/#/pages/home/index`);
        else await signIn(page, who);
        await visitAll(browser, who, pages, 'normal');
        await setLargeText(page, true);
        await visitAll(browser, who, pages, 'large');
        expect(pageErrors).toEqual([]);
      });
    },
    SWEEP_TIMEOUT_MS,
  );
});
