import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { NEWCOMER, button, choice, confirmModal, currentPage, h5Url, signIn, startsWith, textInput } from './app';
import { expectVisible, withBrowsers } from './browser';

/** Three browsers and a dozen page loads each; said here so it holds whatever the project's default. */
const SCENARIO_TIMEOUT_MS = 240_000;

/** The textarea labelled `label` (Taro's H5 element wraps a real <textarea>). */
const textArea = (scope: Locator, label: string): Locator =>
  scope.locator(`[aria-label="${label}"] textarea, textarea[aria-label="${label}"]`);

/** The page on show whose root has `rootClass` (PageShell's className). */
const shownPage = (page: Page, rootClass: string): Locator => currentPage(page).locator(`.linli-page.${rootClass}`);

/** Small JPEGs standing in for a phone photo (the wish, the handover). */
const WISH_PHOTO = join(__dirname, 'fixtures', 'wish-photo.jpg');
const DELIVERY_PHOTO = join(__dirname, 'fixtures', 'delivery-photo.jpg');

/** 拍照或从相册选 opens the browser's file chooser on H5; picks `file` and waits until it is uploaded. */
async function attachPhoto(page: Page, form: Locator, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await button(form, '拍照或从相册选').click();
  // A first photo asks for the privacy guide (相册、摄像头): the person agrees and the chooser opens.
  const agree = currentPage(page).locator('.privacy-sheet__button', { hasText: '同意并继续' });
  const first = await Promise.race([chooser.then(() => 'chooser'), agree.waitFor().then(() => 'sheet')]);
  if (first === 'sheet') await agree.click();
  await (await chooser).setFiles(file);
  await expectVisible(form.getByText('已上传，提交后社区审核', { exact: true }));
  await expectVisible(button(form, '重新选择'));
  await expectVisible(button(form, '删除照片'));
}

/** A shown photo (Taro's Image) labelled `label`, loaded from the photo store. */
const photo = (scope: Locator, label: string): Locator =>
  scope.locator(`[aria-label="${label}"] img, img[aria-label="${label}"]`);

/** The wish card showing `text`. */
const wishCard = (scope: Locator, text: string): Locator => scope.locator('.wish-card', { hasText: text });

describe('微心愿 on H5: from a caregiver’s wish to the 心愿墙', () => {
  it(
    'lets 张伟 post a wish for his father (代办), staff approve it for a partner unit bound by invite code, the unit claim and deliver it, and 张伟 confirm it fulfilled',
    async () => {
      const run = Date.now().toString(36).slice(-4);
      const unitName = `宁夏电力公司党支部${run}`;
      const text = `想要一副老花镜，看报纸用${run}`;

      await withBrowsers('wish-loop', 3, async ([caregiver, staff, partner]) => {
        const staffPage = staff!.page;
        const partnerPage = partner!.page;
        const carePage = caregiver!.page;

        // Staff register the partner unit and read its invite code.
        await signIn(staffPage, '刘晶');
        await staffPage.goto(`${h5Url()}/#/packages/staff/workbench/index`);
        await currentPage(staffPage)
          .getByRole('link', { name: startsWith('微心愿办理') })
          .click();
        await staffPage.waitForURL(/#\/packages\/staff\/care\/index/);
        await currentPage(staffPage)
          .getByRole('link', { name: startsWith('共建单位') })
          .click();
        await staffPage.waitForURL(/#\/packages\/staff\/care\/partners\/index/);
        const partners = shownPage(staffPage, 'staff-care-partners');
        await textInput(partners, '单位名称').fill(unitName);
        await choice(partners, '机关党支部').click();
        await button(partners, '登记并生成邀请码').click();
        const unit = partners.locator(`[aria-label="共建单位 ${unitName}"]`);
        await expectVisible(unit.getByText('待绑定', { exact: true }));
        const code = ((await unit.locator('.partner-unit__code').textContent()) ?? '').trim();
        expect(code).toMatch(/^[A-Z2-9]{4} [A-Z2-9]{4}$/);

        // The unit's operator signs in with WeChat for the first time and binds with the code, as read aloud.
        await signIn(partnerPage, NEWCOMER);
        await currentPage(partnerPage)
          .getByRole('link', { name: startsWith('共建单位绑定') })
          .click();
        await partnerPage.waitForURL(/#\/packages\/care\/bind\/index/);
        const bind = shownPage(partnerPage, 'care-bind');
        await textInput(bind, '邀请码').fill(code.toLowerCase());
        await button(bind, '绑定单位').click();
        await partnerPage.waitForURL(/#\/packages\/care\/wall\/index/);

        // 张伟 acts for his father 张德福 and posts a wish from 首页 → 微心愿.
        const mine = await signIn(carePage, '张伟');
        await button(mine.locator('[aria-label="家人 张德福"]'), '为张德福代办').click();
        await carePage.goto(`${h5Url()}/#/pages/home/index`);
        await currentPage(carePage)
          .getByRole('link', { name: startsWith('微心愿') })
          .click();
        await carePage.waitForURL(/#\/packages\/care\/wall\/index/);
        await currentPage(carePage)
          .getByRole('link', { name: startsWith('为张德福许个心愿') })
          .click();
        await carePage.waitForURL(/#\/packages\/care\/post\/index/);
        const form = shownPage(carePage, 'care-post');
        await textArea(form, '心愿').fill(text);
        await expectVisible(form.getByText(`已写 ${[...text].length} 字，最多 100 字`, { exact: true }));
        await choice(form, '生活用品').click();
        await choice(form, /^上门送达/).click();
        await expectVisible(form.getByText('添加照片（可不加）', { exact: true }));
        await attachPhoto(carePage, form, WISH_PHOTO);
        await caregiver!.screenshot('wish-post-photo');
        await button(form, '提交心愿').click();
        await carePage.waitForURL(/#\/packages\/care\/wish\/index\?communityId=anjuyuan&wishId=/);
        const wishUrl = carePage.url();
        let detail = shownPage(carePage, 'care-wish');
        await expectVisible(detail.getByText('待审核', { exact: true }));
        await expectVisible(detail.getByText('家属代为许愿', { exact: true }));
        // The wisher's side sees the photo (dev mode's image check passes it at once).
        await expectVisible(photo(detail, '心愿照片'));
        expect(await photo(detail, '心愿照片').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);

        // Staff approve it and offer it to the new unit only.
        await staffPage.goto(`${h5Url()}/#/packages/staff/care/index`);
        await button(wishCard(shownPage(staffPage, 'staff-care'), text), '审核').click();
        await staffPage.waitForURL(/#\/packages\/staff\/care\/review\/index\?wishId=/);
        const review = shownPage(staffPage, 'staff-care-review');
        await choice(review, `${unitName} 定向给机关党支部`).click();
        await button(review, '通过，上心愿墙').click();
        await staffPage.waitForURL(/#\/packages\/staff\/care\/index/);

        // The unit finds it on its wall, claims it, and marks it delivered with a note.
        await partnerPage.goto(`${h5Url()}/#/packages/care/wall/index`);
        const card = wishCard(shownPage(partnerPage, 'care-wall'), text);
        await expectVisible(card.getByText('5号楼 张**', { exact: false }));
        await expectVisible(card.getByText('优先', { exact: true }));
        // Approved and passed: the wall shows the photo.
        await expectVisible(photo(card, '心愿照片'));
        await button(card, '认领这个心愿').click();
        await confirmModal(partnerPage);
        await partnerPage.waitForURL(/#\/packages\/care\/wish\/index\?communityId=anjuyuan&wishId=/);
        const claimed = shownPage(partnerPage, 'care-wish');
        await expectVisible(claimed.getByText('送达地址：5号楼2单元601', { exact: true }));
        await textArea(claimed, '送达说明').fill('老花镜已送到家，张大爷试戴合适');
        await attachPhoto(partnerPage, claimed, DELIVERY_PHOTO);
        await button(claimed, '标记已送达').click();
        await confirmModal(partnerPage);
        await expectVisible(claimed.getByText('送达说明：老花镜已送到家，张大爷试戴合适', { exact: true }));
        await expectVisible(photo(claimed, '送达照片'));

        // 张伟, still acting for his father, confirms it.
        await carePage.goto(wishUrl);
        detail = shownPage(carePage, 'care-wish');
        await expectVisible(photo(detail, '送达照片'));
        await button(detail, '确认已收到，心愿圆梦').click();
        await confirmModal(carePage);
        await expectVisible(detail.locator('.status-tag', { hasText: '已圆梦' }));
        const timeline = detail.getByLabel('心愿进程');
        for (const step of ['许下心愿', '待审核 → 待认领', '待认领 → 已认领', '已认领 → 已送达', '已送达 → 已圆梦']) {
          await expectVisible(timeline.getByText(step, { exact: true }));
        }
        await caregiver!.screenshot('wish-fulfilled');

        // The wall shows it fulfilled, claimed by the unit.
        await partnerPage.goto(`${h5Url()}/#/packages/care/wall/index`);
        const wall = shownPage(partnerPage, 'care-wall');
        await choice(wall, '已圆梦').click();
        const done = wishCard(wall, text);
        await expectVisible(done.getByText('已圆梦', { exact: true }));
        await expectVisible(done.getByText(`认领：共建单位 ${unitName}`, { exact: true }));
        await partner!.screenshot('wish-wall-fulfilled');

        // 大字模式: the wish page with both photos, and the form's photo control, still read and tap well.
        await carePage.goto(wishUrl);
        await carePage.evaluate(() => localStorage.setItem('linli:large-text', JSON.stringify({ data: true })));
        await carePage.reload();
        await expectVisible(photo(shownPage(carePage, 'care-wish'), '送达照片'));
        await photo(shownPage(carePage, 'care-wish'), '心愿照片').scrollIntoViewIfNeeded();
        await caregiver!.screenshot('wish-photos-large-text');
        await carePage.goto(`${h5Url()}/#/packages/care/post/index`);
        await button(shownPage(carePage, 'care-post'), '拍照或从相册选').scrollIntoViewIfNeeded();
        await expectVisible(button(shownPage(carePage, 'care-post'), '拍照或从相册选'));
        await caregiver!.screenshot('wish-post-large-text');

        expect(caregiver!.pageErrors).toEqual([]);
        expect(staff!.pageErrors).toEqual([]);
        expect(partner!.pageErrors).toEqual([]);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
