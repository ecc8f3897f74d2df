/**
 * After a full integration run: every write route of the route table got at least one 2xx in an
 * integration test (see tests/helpers/route-coverage.ts). Prints the routes that did not.
 */
import { routeList } from '@linli/shared';
import { succeededRoutes } from '../tests/helpers/route-coverage-files';

const succeeded = succeededRoutes();
const writes = routeList.filter((r) => r.method !== 'GET');
const missing = writes.filter((r) => !succeeded.has(r.id));
for (const r of missing) console.error(`✘ no integration test succeeds at ${r.id} (${r.method} ${r.path})`);
console.log(`${writes.length - missing.length} of ${writes.length} write routes succeed in an integration test`);
process.exit(missing.length === 0 ? 0 : 1);
