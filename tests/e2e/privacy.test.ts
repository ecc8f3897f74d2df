import { DEV_MARKERS } from '../../functions/src/moderation/wechat-security';
import {
  button,
  choice,
  confirmModal,
  currentPage,
  h5Url,
  NEWCOMER,
  openTopicList,
  shownPage,
  signIn,
  textArea,
  textInput,
} from './app';
import { expectVisible, withBrowser } from './browser';

const SCENARIO_TIMEOUT_MS = 120_000;

describe('personal data and content security on H5', () => {
  it(
    'lets a resident download a copy of their data and delete their account after typing the confirmation',
    async () => {
      await withBrowser('account-erasure', async ({ page }) => {
        const mine = await signIn(page, NEWCOMER);
        await mine.getByText('个人信息与账号', { exact: true }).click();
        await page.waitForURL(/#\/packages\/account\/privacy\/index/);
        const privacy = shownPage(page, 'privacy');

        const [download] = await Promise.all([page.waitForEvent('download'), button(privacy, '下载我的数据').click()]);
        expect(download.suggestedFilename()).toMatch(/^linli-我的数据-\d{4}-\d{2}-\d{2}\.json$/);
        const copy = JSON.parse(await streamText(await download.createReadStream())) as { format: string };
        expect(copy.format).toBe('linli-data-copy/1');
        await expectVisible(privacy.getByText('数据文件已生成', { exact: true }));

        // The button waits for the exact words.
        const erase = button(privacy, '注销账号');
        await textInput(privacy, '确认文字').fill('注销');
        expect(await erase.getAttribute('class')).toContain('disabled');
        await textInput(privacy, '确认文字').fill('确认注销');
        await erase.click();
        await confirmModal(page);
        await page.waitForURL(/#\/pages\/home\/index/);

        // Signed out for good: a fresh start of the app finds no session.
        await page.goto(`${h5Url()}/#/pages/mine/index`);
        await page.reload();
        await expectVisible(button(currentPage(page), '登录'));
      });
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'refuses a topic WeChat’s content check calls risky with a clear Chinese message and publishes nothing',
    async () => {
      await withBrowser('content-refusal', async ({ page }) => {
        await signIn(page, '王桂芳');
        await openTopicList(page);
        await button(shownPage(page, 'agenda'), '提一个议题').click();
        await page.waitForURL(/#\/packages\/agenda\/submit\/index/);
        const form = shownPage(page, 'agenda-submit');
        const title = `楼下广告${Date.now().toString(36).slice(-4)}`;
        await textInput(form, '议题标题').fill(title);
        await textArea(form, '具体情况').fill(`楼下贴满了小广告${DEV_MARKERS.risky}，希望清理。`);
        await choice(form, '环境卫生').click();
        await choice(form, '全社区').click();
        await button(form, '提交议题').click();

        await expectVisible(page.getByText('内容含有不适宜公开的信息，未能发布。请修改后再提交'));
        // Still on the form with the text kept; nothing was published.
        expect(page.url()).toMatch(/#\/packages\/agenda\/submit\/index/);
        await expectVisible(textInput(form, '议题标题'));
        expect(await textInput(form, '议题标题').inputValue()).toBe(title);
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
