/**
 * Uploads the weapp build to WeChat as a development version (`npm run upload`), with WeChat's
 * miniprogram-ci, as DevTools' 上传 would. Then choose it in the console (版本管理) for 体验版 or
 * review. Builds nothing: run `npm run build:weapp` (and `npm run check:weapp`) first.
 *
 *   WECHAT_APPID            the mini-program's AppID (wx + 16 hex digits)
 *   WECHAT_UPLOAD_KEY_PATH  the code-upload private key (private.<appid>.key) from the console:
 *                           开发管理 → 开发设置 → 小程序代码上传 (add this machine's IP to its whitelist)
 *   --version <x.y.z>       default: package.json's version
 *   --desc <text>           default: the last commit's subject
 *   --robot <1-30>          which CI robot uploads (the console lists versions per robot); default 1
 *   --dry-run               check everything, write the appid, upload nothing
 *
 * Every check runs before the key is read, so an offline run without a key fails for the key only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appidFromEnv, WEAPP_DIST, writeBuildAppid } from './lib/weapp-project';

const root = join(__dirname, '..');

class UploadRefused extends Error {}

function fail(message: string): never {
  throw new UploadRefused(message);
}

function lastCommitSubject(): string {
  try {
    return execFileSync('git', ['log', '-1', '--pretty=%s'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'Linli';
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      version: { type: 'string' },
      desc: { type: 'string' },
      robot: { type: 'string', default: '1' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const version =
    values.version ?? (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  if (!/^\d+\.\d+\.\d+$/.test(version)) fail(`version "${version}" is not x.y.z`);
  const robot = Number(values.robot);
  if (!Number.isInteger(robot) || robot < 1 || robot > 30) fail(`--robot must be 1 to 30, not "${values.robot}"`);
  // WeChat keeps the description to 1000 characters (shown in 版本管理).
  const desc = (values.desc ?? lastCommitSubject()).slice(0, 1000);

  let appid: string | undefined;
  try {
    appid = appidFromEnv();
  } catch (error) {
    fail((error as Error).message);
  }
  if (!appid) fail('WECHAT_APPID is not set: the AppID is under 开发管理 → 开发设置 in the mini-program console');
  console.log(`✓ appid ${appid}`);

  if (!existsSync(join(WEAPP_DIST, 'app.json')))
    fail('no weapp build in miniapp/dist/weapp: run `npm run build:weapp` first');
  console.log(`✓ weapp build in miniapp/dist/weapp, version ${version} by robot ${robot}: ${desc}`);
  writeBuildAppid(appid);
  console.log('✓ miniapp/dist/weapp/project.config.json now names the appid (the committed files keep touristappid)');

  const keyPath = process.env.WECHAT_UPLOAD_KEY_PATH;
  if (!keyPath || !existsSync(keyPath)) {
    fail(
      `no upload key${keyPath ? ` at ${keyPath}` : ''}: set WECHAT_UPLOAD_KEY_PATH to the code-upload private key ` +
        `(private.${appid}.key) downloaded from the mini-program console, 开发管理 → 开发设置 → 小程序代码上传, ` +
        "and add this machine's IP to the whitelist there",
    );
  }
  // Loaded only now: miniprogram-ci takes seconds to load, and the checks above need none of it.
  const ci = await import('miniprogram-ci');
  const project = new ci.Project({
    appid,
    type: 'miniProgram',
    projectPath: WEAPP_DIST,
    privateKeyPath: keyPath,
    ignores: ['node_modules/**/*'],
  });
  console.log(`✓ upload key ${keyPath}`);

  if (values['dry-run']) {
    console.log(`✓ dry run: would upload ${version} for ${appid}; nothing was sent`);
    return;
  }
  const result = await ci.upload({
    project,
    version,
    desc,
    robot,
    setting: { es6: false, es7: false, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true },
    onProgressUpdate: (task) => {
      if (typeof task === 'string') console.log(task);
    },
  });
  const sizes = (result.subPackageInfo ?? []).map((p) => `${p.name} ${(p.size / 1024).toFixed(1)} KB`).join(', ');
  console.log(`✓ uploaded ${version} for ${appid}${sizes ? `: ${sizes}` : ''}; choose it in 版本管理`);
}

main().catch((error: unknown) => {
  console.error(`✗ upload refused: ${error instanceof UploadRefused ? error.message : String(error)}`);
  process.exitCode = 1;
});
