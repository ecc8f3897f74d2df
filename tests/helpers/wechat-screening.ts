/** For integration test files that screen text and photos: WeChat's content check on a fake WeChat server. */
import { setContentSecurity } from '../../functions/src/moderation/screen';
import { wechatContentSecurity } from '../../functions/src/moderation/wechat-security';
import { fakeWechatSecurity, type FakeWechatSecurity } from './fake-wechat-security';

/**
 * Starts a fake WeChat server for the calling file and screens through the real adapter against
 * it (`timeoutMs` short where a test lets WeChat time out). Before each test the calls seen and
 * the queued answers are cleared; after the file the server stops and screening is unset.
 * The object returned is filled in when the file starts.
 */
export function fakeWechatForThisFile(timeoutMs: number): FakeWechatSecurity {
  const wechat = {} as FakeWechatSecurity;
  beforeAll(async () => {
    Object.assign(wechat, await fakeWechatSecurity());
  });
  afterAll(async () => {
    setContentSecurity(undefined);
    await wechat.close();
  });
  beforeEach(() => {
    wechat.textAnswers.length = 0;
    wechat.mediaCalls.length = 0;
    wechat.textCalls.length = 0;
    setContentSecurity(wechatContentSecurity({ appId: 'wx', appSecret: 's', baseUrl: wechat.baseUrl, timeoutMs }));
  });
  return wechat;
}
