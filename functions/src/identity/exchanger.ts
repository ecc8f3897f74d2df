import { optionalEnv, requireEnv } from '../platform/env';
import { memoizeAsync } from '../platform/memo';
import { readSecret } from '../platform/secrets';
import { devSessionExchanger, wechatCode2Session, type SessionExchanger } from './wechat-session';

const exchanger = memoizeAsync(build);

/**
 * The code2Session adapter for this deployment. WECHAT_MODE=dev (local stack only) uses demo
 * codes; otherwise the app id comes from WECHAT_APPID (or the secret) and the app secret from the
 * Secrets Manager secret WECHAT_SECRET_ARN, a JSON `{"appId": "...", "appSecret": "..."}`.
 */
export function sessionExchanger(): Promise<SessionExchanger> {
  return exchanger.get();
}

async function build(): Promise<SessionExchanger> {
  if (optionalEnv('WECHAT_MODE') === 'dev') return devSessionExchanger();
  const secret = JSON.parse(await readSecret(requireEnv('WECHAT_SECRET_ARN'))) as {
    appId?: string;
    appSecret?: string;
  };
  const appId = optionalEnv('WECHAT_APPID') ?? secret.appId;
  if (!appId || !secret.appSecret) throw new Error('WeChat secret needs appId and appSecret');
  return wechatCode2Session({
    appId,
    appSecret: secret.appSecret,
    baseUrl: optionalEnv('WECHAT_API_BASE') ?? 'https://api.weixin.qq.com',
  });
}
