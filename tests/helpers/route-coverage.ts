import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { matchRoute } from '../../functions/src/local/route-matcher';
import { coverageDir } from './route-coverage-files';

/**
 * Which write routes the integration tests made succeed: every 2xx answer to a write through
 * TestApi is noted (one file per jest worker), and `npm test` then checks that each write route
 * of the route table succeeded at least once (scripts/check-write-coverage.ts), so no write route
 * goes untested again (issue #17, defect 1: a route that always failed had no test).
 */
export function noteAnswer(method: string, path: string, status: number): void {
  if (method === 'GET' || status < 200 || status >= 300) return;
  const match = matchRoute(method, path.split('?')[0]!);
  if (match.kind !== 'match') return;
  mkdirSync(coverageDir, { recursive: true });
  appendFileSync(join(coverageDir, `${process.pid}.txt`), `${match.route.id}\n`);
}
