import { DEV_MARKERS, devContentSecurity, wechatContentSecurity } from '../../functions/src/moderation/wechat-security';
import { fakeWechatSecurity, verdict, type FakeWechatSecurity } from '../helpers/fake-wechat-security';

const config = { appId: 'wx-app', appSecret: 'app-secret' };
const check = { openid: 'o-author', scene: 'forum' as const, title: '楼道灯不亮', content: '三楼到五楼的灯坏了' };

describe('wechatContentSecurity against a fake WeChat server', () => {
  let wechat: FakeWechatSecurity;
  beforeEach(async () => {
    wechat = await fakeWechatSecurity();
  });
  afterEach(() => wechat.close());

  const security = (timeoutMs = 1000) => wechatContentSecurity({ ...config, baseUrl: wechat.baseUrl, timeoutMs });

  it('asks msgSecCheck v2 with the author openid, the scene and the title, and reads a pass', async () => {
    wechat.textAnswers.push(verdict('pass'));
    const answer = await security().checkText(check);
    expect(answer).toEqual({ suggest: 'pass', label: 100, traceId: 'trace-pass' });
    expect(wechat.textCalls).toHaveLength(1);
    expect(wechat.textCalls[0]!.query.access_token).toBe('token-1');
    expect(wechat.textCalls[0]!.body).toEqual({
      version: 2,
      openid: 'o-author',
      scene: 3,
      title: '楼道灯不亮',
      content: '三楼到五楼的灯坏了',
    });
  });

  it('reads risky and review as WeChat suggests them', async () => {
    wechat.textAnswers.push(verdict('risky', 20003), verdict('review', 10001));
    const s = security();
    expect(await s.checkText(check)).toMatchObject({ suggest: 'risky', label: 20003 });
    expect(await s.checkText({ ...check, scene: 'comment' })).toMatchObject({ suggest: 'review', label: 10001 });
    expect(wechat.textCalls[1]!.body.scene).toBe(2);
    // One token serves both calls.
    expect(wechat.tokenCalls).toHaveLength(1);
  });

  it('holds for review when WeChat answers an error code (user not seen in two hours)', async () => {
    wechat.textAnswers.push({ body: { errcode: 61010, errmsg: 'code is expired' } });
    expect(await security().checkText(check)).toEqual({
      suggest: 'review',
      traceId: undefined,
      reason: '61010 code is expired',
    });
  });

  it('holds for review when WeChat is busy or the HTTP call fails', async () => {
    wechat.textAnswers.push({ body: { errcode: -1, errmsg: 'system error' } }, { status: 502, body: {} });
    const s = security();
    expect((await s.checkText(check)).suggest).toBe('review');
    expect(await s.checkText(check)).toMatchObject({ suggest: 'review', reason: '-1 HTTP 502' });
  });

  it('holds for review when WeChat does not answer in time, never passing the text', async () => {
    wechat.textAnswers.push({ ...verdict('pass'), delayMs: 600 });
    const answer = await security(150).checkText(check);
    expect(answer.suggest).toBe('review');
    expect(answer.reason).toMatch(/^-1 unreachable/);
  });

  it('fetches a fresh token once when WeChat says the token expired, then judges', async () => {
    wechat.textAnswers.push({ body: { errcode: 42001, errmsg: 'access_token expired' } }, verdict('risky'));
    const answer = await security().checkText(check);
    expect(answer.suggest).toBe('risky');
    expect(wechat.tokenCalls).toHaveLength(2);
    expect(wechat.textCalls.map((c) => c.query.access_token)).toEqual(['token-1', 'token-2']);
  });

  it('holds for review when an answer carries no suggestion', async () => {
    wechat.textAnswers.push({ body: { errcode: 0, errmsg: 'ok' } });
    expect((await security().checkText(check)).suggest).toBe('review');
  });

  it('cuts content to the 2500 characters msgSecCheck accepts', async () => {
    await security().checkText({ ...check, content: '长'.repeat(3000) });
    expect(String(wechat.textCalls[0]!.body.content)).toHaveLength(2500);
  });

  it('submits an image to mediaCheckAsync v2 and returns its trace id', async () => {
    const answer = await security().submitMedia({
      openid: 'o-staff',
      scene: 'profile',
      mediaUrl: 'https://img.example.cn/dish.jpg',
    });
    expect(answer).toEqual({ traceId: 'media-trace-1' });
    expect(wechat.mediaCalls[0]!.body).toEqual({
      version: 2,
      openid: 'o-staff',
      scene: 1,
      media_url: 'https://img.example.cn/dish.jpg',
      media_type: 2,
    });
  });

  it('reports a media submission WeChat refused', async () => {
    wechat.mediaAnswers.push({ body: { errcode: 45009, errmsg: 'reach max api daily quota limit' } });
    const answer = await security().submitMedia({ openid: 'o', scene: 'profile', mediaUrl: 'https://x.cn/a.jpg' });
    expect(answer).toEqual({ error: '45009 reach max api daily quota limit' });
  });
});

describe('devContentSecurity', () => {
  it('records every check and passes plain text', async () => {
    const dev = devContentSecurity();
    expect((await dev.checkText(check)).suggest).toBe('pass');
    expect(dev.texts).toEqual([check]);
  });

  it('answers risky and review for the demo markers, in the title too', async () => {
    const dev = devContentSecurity();
    expect((await dev.checkText({ ...check, content: `x${DEV_MARKERS.risky}` })).suggest).toBe('risky');
    expect((await dev.checkText({ ...check, title: DEV_MARKERS.review })).suggest).toBe('review');
  });

  it('records each photo and passes it at once, since no verdict callback reaches a laptop', async () => {
    const dev = devContentSecurity();
    const media = {
      openid: 'o',
      scene: 'profile' as const,
      mediaUrl: 'http://127.0.0.1:3001/dev-photos/photos/c/p.jpg',
    };
    expect(await dev.submitMedia(media)).toEqual({ traceId: 'dev-media-1', suggest: 'pass' });
    expect(dev.media).toEqual([media]);
  });
});
