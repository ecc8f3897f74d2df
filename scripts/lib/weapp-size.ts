import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface WeappPackageSizes {
  /** Bytes of the main package: every file outside a subpackage root. */
  main: number;
  /** Bytes of each subpackage, in app.json order. */
  subpackages: { root: string; bytes: number }[];
  /** Bytes of the whole code package. */
  total: number;
}

// DevTools project files sit in the folder but are not part of the uploaded code package.
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);

function listFiles(dir: string, base = dir): { rel: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return [{ rel: path.relative(base, full).split(path.sep).join('/'), bytes: statSync(full).size }];
  });
}

/** Main package and subpackage sizes of a weapp build (e.g. miniapp/dist/weapp), read from its app.json. */
export function weappPackageSizes(distDir: string): WeappPackageSizes {
  const appJson = JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => sub.root.replace(/^\/+|\/+$/g, ''));
  const files = listFiles(distDir).filter((file) => !NOT_UPLOADED.has(file.rel));

  const subpackages = roots.map((root) => ({
    root,
    bytes: files.filter((file) => file.rel.startsWith(`${root}/`)).reduce((sum, file) => sum + file.bytes, 0),
  }));
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  const main = total - subpackages.reduce((sum, sub) => sum + sub.bytes, 0);
  return { main, subpackages, total };
}
