/**
 * `npm run upload` offline: with everything but the private key in place it refuses for the key
 * alone, with a message that says where the key comes from; with a key, --dry-run passes every
 * check and sends nothing. The appid goes into the build's copy of project.config.json only.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '..', '..');
const APPID = 'wx0123456789abcdef';
// Each case starts tsx in a child process; loading miniprogram-ci alone takes seconds.
jest.setTimeout(60_000);
let dist: string;

beforeEach(() => {
  // A small build: the upload checks look at app.json and project.config.json, not the pages.
  dist = mkdtempSync(join(tmpdir(), 'linli-weapp-'));
  writeFileSync(join(dist, 'app.json'), JSON.stringify({ pages: ['pages/home/index'] }));
  writeFileSync(join(dist, 'app.js'), 'App({});\n');
  cpSync(join(root, 'miniapp', 'project.config.json'), join(dist, 'project.config.json'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

async function upload(args: string[], env: Record<string, string | undefined>) {
  const childEnv: Record<string, string | undefined> = { ...process.env, LINLI_WEAPP_DIST: dist, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/upload-weapp.ts', ...args],
      { cwd: root, env: childEnv },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const appidIn = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { appid: string }).appid;

describe('npm run upload (offline)', () => {
  it('fails only because the private key is missing, saying where to get it', async () => {
    const run = await upload(['--dry-run'], { WECHAT_APPID: APPID, WECHAT_UPLOAD_KEY_PATH: undefined });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✓ appid ${APPID}`);
    expect(run.stdout).toContain('✓ weapp build in miniapp/dist/weapp, version 0.1.0 by robot 1');
    expect(run.stderr).toContain(`✗ upload refused: no upload key: set WECHAT_UPLOAD_KEY_PATH`);
    expect(run.stderr).toContain(`private.${APPID}.key`);
    expect(run.stderr).toContain('开发管理 → 开发设置 → 小程序代码上传');
    // The appid went into the build's copy; the committed files keep the tourist appid.
    expect(appidIn(join(dist, 'project.config.json'))).toBe(APPID);
    expect(appidIn(join(root, 'miniapp', 'project.config.json'))).toBe('touristappid');
    expect(appidIn(join(root, 'project.config.json'))).toBe('touristappid');
  });

  it('passes every check with a key and sends nothing on --dry-run', async () => {
    const key = join(dist, `private.${APPID}.key`);
    writeFileSync(key, '-----BEGIN RSA PRIVATE KEY-----\nnot-a-real-key\n-----END RSA PRIVATE KEY-----\n');
    const run = await upload(['--dry-run', '--version', '1.2.3', '--desc', '议事会分享'], {
      WECHAT_APPID: APPID,
      WECHAT_UPLOAD_KEY_PATH: key,
    });

    expect(run.stderr).not.toContain('✗');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('version 1.2.3 by robot 1: 议事会分享');
    expect(run.stdout).toContain(`✓ dry run: would upload 1.2.3 for ${APPID}; nothing was sent`);
  });

  it('refuses a missing or malformed appid before anything else', async () => {
    const missing = await upload(['--dry-run'], { WECHAT_APPID: undefined });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('WECHAT_APPID is not set');

    const malformed = await upload(['--dry-run'], { WECHAT_APPID: 'touristappid' });
    expect(malformed.stderr).toContain('is not a mini-program AppID');
    expect(appidIn(join(dist, 'project.config.json'))).toBe('touristappid');
  });

  it('refuses when there is no build to upload', async () => {
    rmSync(join(dist, 'app.json'));
    const run = await upload(['--dry-run'], { WECHAT_APPID: APPID });
    expect(run.stderr).toContain('no weapp build in miniapp/dist/weapp: run `npm run build:weapp` first');
  });
});
