import type { Page } from 'playwright-core';
import { currentPage, revisitMine, signIn } from './app';
import { expectVisible, withBrowser } from './browser';
import { callApi, signInApi, waitFor, type DemoSession } from './stack-api';
import { inMinutes } from '../helpers/clock';

const COMMUNITY = 'anjuyuan';

interface Message {
  messageId: string;
  title: string;
  body: string;
  link?: string;
  readAt?: string;
}

/**
 * Through the API (these screens belong to the council pages): staff schedule a session in a
 * one-seat venue for the whole community, 张伟 takes the seat, 王桂芳 joins the waitlist, and
 * 张伟 cancels, which hands the seat to 王桂芳.
 */
async function freeASeatFor王桂芳(title: string): Promise<{ sessionId: string }> {
  const suffix = title.slice(-5);
  const staff = await signInApi('dev:staff');
  const venue = await callApi(staff, 'POST', `/community/${COMMUNITY}/venues`, {
    body: { name: `候补测试厅${suffix}`, place: '社区服务中心三楼', capacity: 1 },
  });
  const session = await callApi(staff, 'POST', `/community/${COMMUNITY}/sessions`, {
    body: {
      title,
      venueId: venue.venueId,
      startsAt: inMinutes(2 * 24 * 60),
      endsAt: inMinutes(2 * 24 * 60 + 90),
      audience: { kind: 'community' },
    },
  });
  const bookings = `/community/${COMMUNITY}/sessions/${session.sessionId}/bookings`;
  const zhangWei = await signInApi('dev:volunteer');
  const wangGuifang = await signInApi('dev:resident');
  expect((await callApi(zhangWei, 'POST', bookings)).status).toBe('booked');
  expect((await callApi(wangGuifang, 'POST', bookings)).status).toBe('waitlisted');
  await callApi(zhangWei, 'POST', `${bookings}/cancel`);
  return { sessionId: session.sessionId as string };
}

const inbox = async (who: DemoSession): Promise<Message[]> =>
  (await callApi<{ messages: Message[] }>(who, 'GET', '/me/messages')).messages;

/** Ids of the unread messages, as the server has them (the stack is fresh, so one page holds them). */
const unreadIds = async (who: DemoSession) =>
  new Set((await inbox(who)).filter((m) => !m.readAt).map((m) => m.messageId));

/** The badge Taro draws on the 我的 tab of the H5 tab bar. */
const mineBadge = (page: Page) => page.locator('.weui-tabbar__item', { hasText: '我的' }).locator('.taro-tabbar-badge');

const countText = (n: number) => (n > 0 ? `${n} 条未读消息` : '没有未读消息');

describe('notifications on H5: the message centre', () => {
  it('tells 王桂芳 in 消息 that a seat freed up for her, and counts the message read once she opens it', async () => {
    const title = `楼道照明改造议事 ${Date.now().toString(36).slice(-5)}`;
    const { sessionId } = await freeASeatFor王桂芳(title);
    const wangGuifang = await signInApi('dev:resident');
    // The stream poller turns the promotion into a message within a second or so.
    const message = await waitFor(
      async () => (await inbox(wangGuifang)).find((m) => m.title === '候补成功' && m.body.includes(title)),
      '候补成功 in 王桂芳’s messages',
    );
    expect(message.link).toBe(`/packages/council/session/index?communityId=${COMMUNITY}&sessionId=${sessionId}`);

    await withBrowser('seat-freed-message', async ({ page, pageErrors }) => {
      // 我的 and its tab show how many messages wait (other tests may have sent her some too).
      await signIn(page, '王桂芳');
      const before = await unreadIds(wangGuifang);
      expect(before.has(message.messageId)).toBe(true);
      let mine = await revisitMine(page);
      await expectVisible(mine.getByText(countText(before.size), { exact: true }));
      await expectVisible(mineBadge(page).getByText(String(before.size), { exact: true }));

      // 消息 lists 候补成功 for this session, marked unread.
      await mine.getByText('消息', { exact: true }).click();
      await page.waitForURL(/#\/packages\/messages\/index\/index/);
      const messages = currentPage(page);
      await expectVisible(messages.getByText(`${before.size} 条未读`, { exact: true }));
      const card = messages.locator('.messages__item', { hasText: title }).filter({ hasText: '候补成功' });
      await expectVisible(card.getByText('候补成功', { exact: true }));
      await expectVisible(card.getByText(`「${title}」有空位了，已为王桂芳保留座位`, { exact: false }));
      await expectVisible(card.getByLabel('未读'));

      // Opening it goes to the session (the council pages show it) and marks the message read.
      await card.click();
      await page.waitForURL((url) => url.hash === `#${message.link}`);
      await expectVisible(currentPage(page).getByText(title, { exact: true }));
      await waitFor(
        async () => (await inbox(wangGuifang)).find((m) => m.messageId === message.messageId && m.readAt),
        'the message read on the server',
      );
      await page.goBack();
      await page.waitForURL(/#\/packages\/messages\/index\/index/);
      await card.getByLabel('未读').waitFor({ state: 'detached' });
      await expectVisible(card.getByText('候补成功', { exact: true }));

      // The count went down by this message (anything newer that arrived meanwhile is counted too).
      const after = await unreadIds(wangGuifang);
      expect(after.has(message.messageId)).toBe(false);
      const arrived = [...after].filter((id) => !before.has(id)).length;
      expect(after.size).toBe(before.size - 1 + arrived);
      await page.goBack();
      await page.waitForURL(/#\/pages\/mine\/index/);
      mine = await revisitMine(page);
      await expectVisible(mine.getByText(countText(after.size), { exact: true }));
      if (after.size > 0) await expectVisible(mineBadge(page).getByText(String(after.size), { exact: true }));
      else await mineBadge(page).waitFor({ state: 'detached' });
      expect(pageErrors).toEqual([]);
    });
  });

  it('shows staff a drawn chart of the week’s messages above the table, with its figures in words', async () => {
    const staff = await signInApi('dev:staff');
    const stats = await callApi<{ days: { date: string; inApp: number; wechatSent: number }[] }>(
      staff,
      'GET',
      `/community/${COMMUNITY}/notification-stats`,
    );
    const inApp = stats.days.reduce((sum, d) => sum + d.inApp, 0);

    await withBrowser('notify-stats-chart', async ({ page, pageErrors }) => {
      await signIn(page, '刘晶');
      await page.goto(`${page.url().split('#')[0]}#/packages/staff/notify-stats/index`);
      const statsPage = currentPage(page);
      await expectVisible(statsPage.getByText('每天发出的消息', { exact: true }));
      await expectVisible(statsPage.getByText(new RegExp(`^站内消息 ${inApp}条`)));
      // F2 drew on the canvas: axes, labels and the two lines leave thousands of painted pixels.
      const painted = await page.waitForFunction(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('.taro_page:not([style*="none"]) .chart canvas');
        const ctx = canvas?.getContext('2d');
        if (!canvas || !ctx || canvas.width === 0) return 0;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count += 1;
        return count > 2000 ? count : 0;
      });
      expect(await painted.jsonValue()).toBeGreaterThan(2000);
      expect(pageErrors).toEqual([]);
    });
  });
});
