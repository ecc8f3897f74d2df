import type { Locator, Page } from 'playwright-core';
import { PRIVACY_GUIDE_VERSION } from '../../shared/src/contract/privacy';
import { currentPage, h5Url, signIn } from './app';
import { expectVisible, withBrowser } from './browser';
import { callApi, signInApi, waitFor } from './stack-api';

const SCENARIO_TIMEOUT_MS = 120_000;
const TOPIC_PATH = '/packages/agenda/topic/index?communityId=anjuyuan&topicId=topic-demo-3';
const SESSION_PATH = '/packages/council/session/index?communityId=anjuyuan&sessionId=session-demo-1';

const sheet = (page: Page): Locator => currentPage(page).getByRole('dialog', { name: '邻里隐私保护提示' });
const sheetButton = (page: Page, text: string): Locator =>
  currentPage(page).locator('.privacy-sheet__button', { hasText: text });
const shareButton = (page: Page, text: string): Locator =>
  currentPage(page).locator('.share-button', { hasText: text });
/** What Taro's H5 setClipboardData last copied (it keeps a copy in storage). */
const copied = (page: Page) =>
  page.evaluate(() => {
    const stored = window.localStorage.getItem('taro_clipboard');
    if (!stored) return '';
    try {
      const parsed = JSON.parse(stored) as { data?: unknown };
      return typeof parsed.data === 'string' ? parsed.data : stored;
    } catch {
      return stored;
    }
  });

describe('privacy consent and share cards on H5', () => {
  it(
    'asks for consent before the first copy, lets a resident decline and keep reading, records the agreement, and copies a link that opens the topic in its community',
    async () => {
      await withBrowser('consent-share', async ({ page, screenshot, audit }) => {
        await signIn(page, '王桂芳');
        await page.goto(`${h5Url()}/#${TOPIC_PATH}`);
        await expectVisible(currentPage(page).getByText('南门电动车乱停乱充电', { exact: true }).first());

        // First tap on 分享: the sheet says what is collected and why; nothing is copied yet.
        await shareButton(page, '分享到邻里群').click();
        await expectVisible(sheet(page));
        for (const item of ['姓名', '出生日期', '楼栋和房号', '手机号', '摄像头', '剪贴板（仅写入）']) {
          await expectVisible(sheet(page).getByText(item, { exact: true }));
        }
        // The open sheet passes the same accessibility audit as every page (axe-core, tap targets).
        await audit();
        await screenshot('privacy-sheet');
        await sheetButton(page, '不同意').click();
        await expectVisible(page.getByText('同意隐私保护指引后才能复制'));
        expect(await sheet(page).count()).toBe(0);
        expect(await copied(page)).not.toContain('topic-demo-3');
        // Declining leaves the page readable.
        await expectVisible(currentPage(page).getByText('南门电动车乱停乱充电', { exact: true }).first());

        // Asked again next time; the full guide is one tap away and the sheet waits for the answer.
        await shareButton(page, '分享到邻里群').click();
        await sheet(page).getByRole('link', { name: '阅读完整的《邻里隐私保护指引》' }).click();
        await page.waitForURL(/#\/packages\/account\/privacy-guide\/index/);
        await expectVisible(currentPage(page).getByText(`版本：${PRIVACY_GUIDE_VERSION}`, { exact: false }));
        await screenshot('privacy-guide');
        await page.goBack();
        await page.waitForURL(/#\/packages\/agenda\/topic\/index/);
        await sheetButton(page, '同意并继续').click();
        await expectVisible(page.getByText('链接已复制，可以发给邻居'));
        const link = await copied(page);
        expect(link).toContain(`#${TOPIC_PATH}&community=anjuyuan`);

        // The agreement is on the server with the guide's version.
        const resident = await signInApi('dev:resident');
        const consents = await waitFor(async () => {
          const mine = await callApi<{ current: string; consents: { version: string; platform: string }[] }>(
            resident,
            'GET',
            '/me/privacy-consent',
          );
          return mine.consents.some((c) => c.version === PRIVACY_GUIDE_VERSION) ? mine : undefined;
        }, 'the recorded privacy consent');
        expect(consents.current).toBe(PRIVACY_GUIDE_VERSION);

        // Agreed once: the session's 分享 copies straight away.
        await page.goto(`${h5Url()}/#${SESSION_PATH}`);
        await shareButton(page, '分享给邻居').click();
        await expectVisible(page.getByText('链接已复制，可以发给邻居'));
        expect(await sheet(page).count()).toBe(0);
        expect(await copied(page)).toContain(`#${SESSION_PATH}&community=anjuyuan`);

        // The copied topic link opens the topic in its community.
        await page.goto(link);
        await expectVisible(currentPage(page).getByText('南门电动车乱停乱充电', { exact: true }).first());
        await screenshot('topic-share');

        // 大字模式: the guide stays readable at the larger size.
        await page.evaluate(() => window.localStorage.setItem('linli:large-text', JSON.stringify({ data: true })));
        await page.goto(`${h5Url()}/#/packages/account/privacy-guide/index`);
        await page.reload();
        await expectVisible(currentPage(page).locator('.linli-page--large'));
        await screenshot('privacy-guide-large');
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
