import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Where route-coverage.ts notes succeeded writes; no route table here, so jest's globalSetup can load it. */
export const coverageDir = join(__dirname, '..', '..', 'artifacts', 'route-coverage');

export function clearRouteCoverage(): void {
  rmSync(coverageDir, { recursive: true, force: true });
  mkdirSync(coverageDir, { recursive: true });
}

/** Route ids that succeeded at least once in the last run. */
export function succeededRoutes(): Set<string> {
  const ids = new Set<string>();
  let files: string[] = [];
  try {
    files = readdirSync(coverageDir);
  } catch {
    return ids;
  }
  for (const file of files) {
    for (const id of readFileSync(join(coverageDir, file), 'utf8').split('\n')) if (id) ids.add(id);
  }
  return ids;
}
