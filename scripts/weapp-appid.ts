/**
 * Runs after `npm run build:weapp`: puts WECHAT_APPID into miniapp/dist/weapp/project.config.json
 * (the committed files keep the tourist appid). Without WECHAT_APPID the build stays a tourist
 * build, which DevTools opens and `npm run check:weapp` compiles, but which cannot be uploaded.
 */
import { appidFromEnv, writeBuildAppid } from './lib/weapp-project';

try {
  const appid = appidFromEnv();
  if (appid) {
    writeBuildAppid(appid);
    console.log(`weapp build: appid ${appid} (WECHAT_APPID)`);
  } else {
    console.log('weapp build: tourist appid (set WECHAT_APPID to build for upload)');
  }
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
