import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import jsQR from 'jsqr';
import { ageOn, todayInShanghai } from '../../shared/src/domain/identity/person';
import {
  button,
  choice,
  currentPage,
  h5Url,
  openStaffEntry,
  pickOfferedDate,
  shownPage,
  signIn,
  startsWith,
  tab,
  textInput,
} from './app';
import { expectVisible, withBrowsers } from './browser';
import { callApi, signInApi } from './stack-api';
import { inMinutes } from '../helpers/clock';

/**
 * Two browsers and a dozen page loads each, every one audited (axe-core takes a second or more on
 * a busy machine); said here so it holds whatever the project's default.
 */
const SCENARIO_TIMEOUT_MS = 240_000;

/**
 * The page on show whose root has `rootClass` (PageShell's className): while the router swaps
 * pages both are visible for a moment, and the one leaving may show the same text.
 */

/** Reads the QR code on screen the way a scanner would: a screenshot of it, decoded by jsQR. */
async function scanQrOnScreen(page: Page, code: Locator): Promise<string | undefined> {
  // CSS pixels are enough for a scanner (each module is several pixels wide), and a quarter of
  // the device pixels' size to decode and to hand back from the page on a busy machine.
  const png = (await code.screenshot({ scale: 'css' })).toString('base64');
  const { width, height, rgba } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    // The pixels travel as one base64 string: a JSON array of a million numbers is slow to pass.
    const bytes = ctx.getImageData(0, 0, img.width, img.height).data;
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return { width: img.width, height: img.height, rgba: btoa(binary) };
  }, png);
  // A scanner needs the light border around the symbol; the screenshot is the symbol with its quiet zone.
  return jsQR(Uint8ClampedArray.from(Buffer.from(rgba, 'base64')), width, height)?.data;
}

describe('council on H5: venues, sessions, seats and check-in', () => {
  it(
    'lets staff schedule a session, 王桂芳 book a seat and get her QR code and 签到码, and staff check her in with the code',
    async () => {
      const run = Date.now().toString(36).slice(-4);
      const venueName = `议事角${run}`;
      const title = `楼道照明议事${run}`;

      await withBrowsers('council-book-and-check-in', 2, async ([staff, resident]) => {
        const staffPage = staff!.page;
        const residentPage = resident!.page;

        // Staff add a venue with 10 seats.
        await signIn(staffPage, '刘晶');
        let venues = await openStaffEntry(staffPage, '议事场所', /#\/packages\/staff\/council\/venues\/index/);
        await button(venues, '新增议事场所').click();
        await textInput(venues, '场所名称').fill(venueName);
        await textInput(venues, '地点').fill('3号楼北侧活动室');
        await textInput(venues, '座位数（座）').fill('10');
        await button(venues, '保存').click();
        venues = currentPage(staffPage);
        const venueCard = venues.locator(`[aria-label="场所 ${venueName}"]`);
        await expectVisible(venueCard.getByText('10 座', { exact: true }));
        await expectVisible(venueCard.getByText('3号楼北侧活动室', { exact: true }));

        // …and schedule a session there for 1号楼 and 2号楼, two seats held for walk-ins. The form
        // offers the next half hour today, so check-in (from an hour before the start) is open.
        await staffPage.goBack();
        await staffPage.waitForURL(/#\/packages\/staff\/workbench\/index/);
        await currentPage(staffPage).getByText('议事会管理', { exact: true }).click();
        await staffPage.waitForURL(/#\/packages\/staff\/council\/index/);
        await button(currentPage(staffPage), '安排议事会').click();
        await staffPage.waitForURL(/#\/packages\/staff\/council\/schedule\/index/);
        const form = currentPage(staffPage);
        await textInput(form, '议事会主题').fill(title);
        await choice(form, `${venueName} 10 座`).click();
        await expectVisible(form.getByText('地点：3号楼北侧活动室', { exact: true }));
        await pickOfferedDate(staffPage, form, '日期');
        await pickOfferedDate(staffPage, form, '开始时间');
        await pickOfferedDate(staffPage, form, '结束时间');
        const when = (await form.locator('[aria-label="议事会时间"]').innerText()).trim();
        expect(when).toMatch(/^\d{1,2}月\d{1,2}日 周[一二三四五六日] \d{2}:\d{2}–\d{2}:\d{2}$/);
        await choice(form, '指定楼栋').click();
        await form.getByRole('checkbox', { name: '1号楼', exact: true }).click();
        await form.getByRole('checkbox', { name: '2号楼', exact: true }).click();
        await textInput(form, '现场预留座位（座）').fill('2');
        await expectVisible(form.getByText('留给不用手机的居民现场入座；可在线预约 8 座', { exact: true }));
        await button(form, '安排议事会').click();

        await staffPage.waitForURL(/#\/packages\/staff\/council\/index/);
        const scheduled = currentPage(staffPage).getByRole('link', { name: startsWith(title) });
        await expectVisible(scheduled.getByText(when, { exact: true }));
        await expectVisible(scheduled.getByText('1号楼、2号楼居民', { exact: true }));
        await expectVisible(scheduled.getByText('已预约 0 / 8 座 · 现场预留 2 座', { exact: true }));

        // 王桂芳 (1号楼) finds it on 议事 with its time in Shanghai, and books a seat.
        await signIn(residentPage, '王桂芳');
        await tab(residentPage, '议事').click();
        await residentPage.waitForURL(/#\/pages\/council\/index/);
        const card = currentPage(residentPage).getByRole('link', { name: startsWith(title) });
        await expectVisible(card.getByText(when, { exact: true }));
        await expectVisible(card.getByText(`${venueName} · 3号楼北侧活动室`, { exact: true }));
        await expectVisible(card.getByText('还剩 8 个座位', { exact: true }));
        await card.click();
        await residentPage.waitForURL(/#\/packages\/council\/session\/index\?communityId=anjuyuan&sessionId=/);
        const sessionId = new URL(residentPage.url().replace('#/', '')).searchParams.get('sessionId');
        let detail = shownPage(residentPage, 'session');
        await button(detail, '预约座位').click();

        const code = detail.locator('.ticket__code');
        await expectVisible(code);
        const checkinCode = (await code.innerText()).trim();
        expect(checkinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
        await expectVisible(detail.getByText('签到码', { exact: true }));
        await expectVisible(detail.locator('.session-card').getByText('已预约', { exact: true }));
        await expectVisible(detail.getByText('还剩 7 个座位', { exact: true }));
        const qr = detail.getByRole('img', { name: '王桂芳的签到二维码' });
        await expectVisible(qr);
        const box = (await qr.boundingBox())!;
        expect(Math.abs(box.width - box.height)).toBeLessThan(1);
        expect(box.width).toBeGreaterThanOrEqual(250);
        expect(await scanQrOnScreen(residentPage, qr)).toBe(`linli:checkin:${sessionId}:${checkinCode}`);
        await resident!.screenshot('council-session-booked');

        // 我的预约 lists it as booked.
        await residentPage.goBack();
        await residentPage.waitForURL(/#\/pages\/council\/index/);
        await currentPage(residentPage)
          .getByRole('link', { name: startsWith('我的预约') })
          .click();
        await residentPage.waitForURL(/#\/packages\/council\/bookings\/index/);
        const mine = shownPage(residentPage, 'bookings').getByRole('link', { name: startsWith(title) });
        await expectVisible(mine.getByText('已预约', { exact: true }));

        // Staff open the attendee list and type the code 王桂芳 reads out.
        await scheduled.click();
        await staffPage.waitForURL(/#\/packages\/staff\/council\/attendees\/index\?sessionId=/);
        const attendees = currentPage(staffPage);
        const row = attendees.locator('[aria-label="参会人 王桂芳"]');
        await expectVisible(row.getByText('已预约', { exact: true }));
        await expectVisible(row.getByText(/^本人预约 · /));
        await textInput(attendees, '签到码').fill(checkinCode.toLowerCase());
        await button(attendees, '签到').click();
        await expectVisible(attendees.getByText(/^✓ 已签到：王桂芳（\d{2}:\d{2}）$/));
        await expectVisible(row.getByText('已签到', { exact: true }));
        await expectVisible(attendees.getByText('名单（1 人，已签到 1 人）', { exact: true }));

        // The same code again is refused, in Chinese.
        await textInput(attendees, '签到码').fill(checkinCode);
        await button(attendees, '签到').click();
        await expectVisible(attendees.getByText('该预约已签到，不能重复签到', { exact: true }));

        // 导出名单 downloads the CSV with her row.
        const [download] = await Promise.all([
          staffPage.waitForEvent('download'),
          button(attendees, '导出名单').click(),
        ]);
        expect(download.suggestedFilename()).toMatch(new RegExp(`${title}-参会名单\\.csv$`));
        const csv = readFileSync((await download.path())!, 'utf8');
        expect(csv).toContain('王桂芳,1号楼,1单元,302,已签到,王桂芳（本人）');
        await staff!.screenshot('council-attendees-checked-in');

        // 王桂芳 sees herself checked in.
        await residentPage.goto(
          `${h5Url()}/#/packages/council/session/index?communityId=anjuyuan&sessionId=${sessionId}`,
        );
        detail = shownPage(residentPage, 'session');
        await expectVisible(detail.locator('.session-card').getByText('已签到', { exact: true }));
        expect(await detail.locator('.ticket__code').count()).toBe(0);

        expect(staff!.pageErrors).toEqual([]);
        expect(resident!.pageErrors).toEqual([]);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'lets 王桂芳 join the waitlist of a full session and shows her place in the queue, in normal and 大字模式',
    async () => {
      const run = Date.now().toString(36).slice(-4);
      // Through the API: a one-seat venue, a session for everyone, and 张伟 takes the seat.
      const staffApi = await signInApi('dev:staff');
      const venue = await callApi(staffApi, 'POST', `/community/anjuyuan/venues`, {
        body: { name: `候补厅${run}`, place: '社区服务中心三楼', capacity: 1 },
      });
      const session = await callApi(staffApi, 'POST', `/community/anjuyuan/sessions`, {
        body: {
          title: `垃圾分类议事${run}`,
          venueId: venue.venueId,
          startsAt: inMinutes(3 * 24 * 60),
          endsAt: inMinutes(3 * 24 * 60 + 90),
          audience: { kind: 'community' },
        },
      });
      const zhangWei = await signInApi('dev:volunteer');
      expect(
        (await callApi(zhangWei, 'POST', `/community/anjuyuan/sessions/${session.sessionId}/bookings`)).status,
      ).toBe('booked');

      await withBrowsers('council-waitlist', 1, async ([resident]) => {
        const page = resident!.page;
        await signIn(page, '王桂芳');
        await page.goto(
          `${h5Url()}/#/packages/council/session/index?communityId=anjuyuan&sessionId=${session.sessionId}`,
        );
        const detail = shownPage(page, 'session');
        await expectVisible(detail.getByText('已满', { exact: false }).first());
        await button(detail, '加入候补').click();

        await expectVisible(detail.getByText(/座位已满，您排在候补第 1 位/));
        // The status tag, on the session card and on 我的预约.
        await expectVisible(detail.getByText('候补第1位', { exact: true }).first());
        await resident!.screenshot('council-session-waitlisted');
        await page.evaluate(() => localStorage.setItem('linli:large-text', JSON.stringify({ data: true })));
        await page.reload();
        const large = shownPage(page, 'session');
        await expectVisible(large.getByText(/座位已满，您排在候补第 1 位/));
        await resident!.screenshot('council-session-waitlisted-large');
        expect(resident!.pageErrors).toEqual([]);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'lets staff book a seat for 李秀英, who has no WeChat, acting for her on the ordinary session page',
    async () => {
      const banner = `正在为 李秀英（${ageOn('1940-08-02', todayInShanghai())}岁）代办`;

      await withBrowsers('council-staff-books-for-member', 1, async ([staff]) => {
        const page = staff!.page;
        await signIn(page, '刘晶');
        await openStaffEntry(page, '议事会管理', /#\/packages\/staff\/council\/index/);
        await currentPage(page)
          .getByRole('link', { name: startsWith('老旧小区加装电梯意见征集') })
          .click();
        await page.waitForURL(/#\/packages\/staff\/council\/attendees\/index\?sessionId=session-demo-1/);
        await button(currentPage(page), '为不用微信的居民代约').click();
        await page.waitForURL(/#\/packages\/staff\/council\/book-for\/index/);
        const picker = currentPage(page);
        await choice(picker, '1号楼').click();
        const li = picker.locator('.member-card', { hasText: '李秀英' });
        await expectVisible(li.getByText('无微信', { exact: true }));
        await button(li, '为李秀英预约').click();

        await page.waitForURL(/#\/packages\/council\/session\/index\?communityId=anjuyuan&sessionId=session-demo-1/);
        const detail = shownPage(page, 'session');
        await expectVisible(detail.locator('.session-card__title', { hasText: '老旧小区加装电梯意见征集' }));
        await expectVisible(detail.getByText(banner, { exact: true }));
        await expectVisible(detail.locator('.session__title', { hasText: '为李秀英预约' }));
        await button(detail, '预约座位').click();
        await expectVisible(detail.getByText('李秀英的预约', { exact: true }));
        await expectVisible(detail.getByRole('img', { name: '李秀英的签到二维码' }));
        await expectVisible(detail.locator('.ticket__code'));
        await detail.getByRole('button', { name: '退出代办', exact: true }).click();
        await detail.getByText(banner).waitFor({ state: 'detached' });

        await page.goto(`${h5Url()}/#/packages/staff/council/attendees/index?sessionId=session-demo-1`);
        const row = currentPage(page).locator('[aria-label="参会人 李秀英"]');
        await expectVisible(row.getByText('已预约', { exact: true }));
        await expectVisible(row.getByText(/^社区刘晶代约 · /));
        expect(staff!.pageErrors).toEqual([]);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
