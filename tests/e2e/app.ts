/**
 * How the browser tests drive the mini-program's H5 build: finding the page on show, its
 * buttons, inputs and choices by what a person reads, and signing in as a demo user.
 */
import type { Locator, Page } from 'playwright-core';

/** Base URL of the H5 build under test (the e2e globalSetup starts it). */
export function h5Url(): string {
  const value = process.env.LINLI_E2E_H5_URL;
  if (!value) throw new Error('LINLI_E2E_H5_URL is not set: run the e2e project (its globalSetup starts the stack)');
  return value;
}

/** The page on show: Taro's H5 router keeps visited pages in the DOM, hidden. */
export const currentPage = (page: Page): Locator => page.locator('.taro_page').filter({ visible: true });

export const tab = (page: Page, label: string): Locator => page.locator('.weui-tabbar__label', { hasText: label });

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** Matches an accessible name that begins with `text` (cards are named by all they show). */
export const startsWith = (text: string): RegExp => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** A NutUI button whose whole text is `text`. */
export const button = (scope: Locator, text: string): Locator =>
  scope.locator('.nut-button', { hasText: exactly(text) });

/** The text input labelled `label` (Taro wraps the real <input> in its own element). */
export const textInput = (scope: Locator, label: string): Locator =>
  scope.locator(`taro-input-core[aria-label="${label}"] input`);

/** One of a set of large choices (楼栋, 单元, 关系…), by its text. */
export const choice = (scope: Locator, name: string | RegExp): Locator =>
  scope.getByRole('radio', { name, exact: typeof name === 'string' });

/** Opens the date picker labelled `label` and takes the date it offers. */
export async function pickOfferedDate(page: Page, scope: Locator, label: string): Promise<void> {
  await scope.getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).click();
}

/** Confirms the modal Taro.showModal put up. */
export async function confirmModal(page: Page): Promise<void> {
  await page.locator('.taro__modal .taro-model__confirm').filter({ visible: true }).click();
}

/** The login button of a brand-new demo user (`dev:new-…`). */
export const NEWCOMER = '以新居民身份体验';

/** Opens 我的, signs in as the demo user named `who` (or NEWCOMER), and returns on 我的. */
export async function signIn(page: Page, who: string): Promise<Locator> {
  await page.goto(`${h5Url()}/#/pages/mine/index`);
  await button(currentPage(page), '登录').click();
  await page.waitForURL(/#\/packages\/account\/login\/index/);
  // A login card is named by what it shows: the person's name, then their role.
  await currentPage(page)
    .getByRole('button', { name: startsWith(who) })
    .first()
    .click();
  await page.waitForURL(/#\/pages\/mine\/index/);
  return currentPage(page);
}

/** Switches to 首页 and back, so 我的 shows again and reloads what changed meanwhile. */
export async function revisitMine(page: Page): Promise<Locator> {
  await tab(page, '首页').click();
  await page.waitForURL(/#\/pages\/home\/index/);
  await tab(page, '我的').click();
  await page.waitForURL(/#\/pages\/mine\/index/);
  return currentPage(page);
}

/** The page on show whose root has `rootClass` (PageShell's className). */
export const shownPage = (page: Page, rootClass: string): Locator =>
  currentPage(page).locator(`.linli-page.${rootClass}`);

/** The textarea labelled `label` (Taro's H5 element wraps a real <textarea>). */
export const textArea = (scope: Locator, label: string): Locator =>
  scope.locator(`[aria-label="${label}"] textarea, textarea[aria-label="${label}"]`);

/** 我的 → 社区工作台 → one of its entries; returns the entry's page once `url` shows. */
export async function openStaffEntry(page: Page, entry: string, url: RegExp): Promise<Locator> {
  await currentPage(page).getByText('社区工作台', { exact: true }).click();
  await page.waitForURL(/#\/packages\/staff\/workbench\/index/);
  await currentPage(page).getByText(entry, { exact: true }).click();
  await page.waitForURL(url);
  return currentPage(page);
}

/** 我的 → 社区工作台 → the workbench link whose name begins with `name` (links are named by all they show). */
export async function openWorkbenchLink(page: Page, name: string, url: RegExp): Promise<void> {
  await currentPage(page).getByText('社区工作台', { exact: true }).click();
  await page.waitForURL(/#\/packages\/staff\/workbench\/index/);
  await currentPage(page)
    .getByRole('link', { name: startsWith(name) })
    .click();
  await page.waitForURL(url);
}

/** 议事 → 邻里议题: the list of topics. */
export async function openTopicList(page: Page): Promise<void> {
  await tab(page, '议事').click();
  await page.waitForURL(/#\/pages\/council\/index/);
  await currentPage(page)
    .getByRole('link', { name: startsWith('邻里议题') })
    .click();
  await page.waitForURL(/#\/packages\/agenda\/index\/index/);
}

/** A fresh name and room per run, so staff queues and the roster show exactly this run's person. */
export function freshNameAndRoom(): { realName: string; room: string } {
  const pick = (chars: string) => chars[Math.floor(Math.random() * chars.length)]!;
  return {
    realName: `${pick('赵钱孙周吴郑冯陈')}${pick('明华建国秀兰玉')}${pick('平安春梅志强')}`,
    room: String(100 + Math.floor(Math.random() * 800)),
  };
}
