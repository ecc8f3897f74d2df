/**
 * The appid of the weapp build. The committed project.config.json files keep WeChat DevTools'
 * tourist appid (anyone can open the project without a registered mini-program); the real one
 * comes from the environment (WECHAT_APPID) and is written into the built copy only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Taro writes the weapp build (LINLI_WEAPP_DIST points the scripts at a copy, as tests do). */
export const WEAPP_DIST = process.env.LINLI_WEAPP_DIST ?? join(__dirname, '..', '..', 'miniapp', 'dist', 'weapp');

/** A mini-program AppID as the console shows it (开发管理 → 开发设置). */
export const APPID_PATTERN = /^wx[0-9a-f]{16}$/;

/** WECHAT_APPID, checked; undefined when unset. Throws on a value that is not an AppID. */
export function appidFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const appid = env.WECHAT_APPID?.trim();
  if (!appid) return undefined;
  if (!APPID_PATTERN.test(appid)) {
    throw new Error(`WECHAT_APPID "${appid}" is not a mini-program AppID (wx followed by 16 hex digits)`);
  }
  return appid;
}

/** Writes the appid into the build's project.config.json; returns the appid it held before. */
export function writeBuildAppid(appid: string, dist: string = WEAPP_DIST): string {
  const file = join(dist, 'project.config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as { appid: string };
  const before = config.appid;
  writeFileSync(file, `${JSON.stringify({ ...config, appid }, null, 2)}\n`);
  return before;
}

/** The appid the build's project.config.json holds. */
export function buildAppid(dist: string = WEAPP_DIST): string {
  return (JSON.parse(readFileSync(join(dist, 'project.config.json'), 'utf8')) as { appid: string }).appid;
}
