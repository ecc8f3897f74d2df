/**
 * The weapp build (miniapp/dist/weapp) for tests that read WeChat's compiled output. `npm test`
 * builds it before jest; a test run on its own rebuilds it when it is missing or older than the
 * sources (miniapp/src, miniapp/config, shared/src), so nobody tests an old build by accident.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
/** Where Taro writes the weapp build. */
export const WEAPP_DIST = join(root, 'miniapp', 'dist', 'weapp');

function newestFileTime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

/** Builds the weapp output when it is missing or stale; returns its directory. */
export function freshWeappBuild(): string {
  const builtAt = existsSync(join(WEAPP_DIST, 'app.json')) ? statSync(join(WEAPP_DIST, 'app.json')).mtimeMs : 0;
  const sources = ['miniapp/src', 'miniapp/config', 'shared/src'].map((dir) => join(root, dir));
  if (sources.some((dir) => newestFileTime(dir) > builtAt)) {
    execFileSync('npm', ['run', '--silent', 'build:weapp'], { cwd: root, stdio: 'pipe', env: process.env });
  }
  return WEAPP_DIST;
}

/** A file of the weapp build, as text. */
export function weappFile(relativePath: string): string {
  return readFileSync(join(WEAPP_DIST, relativePath), 'utf8');
}
