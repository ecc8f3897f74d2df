/** Writes docs/openapi.json from the route table (`npm run openapi`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiText } from './lib/openapi';

const target = join(__dirname, '..', 'docs', 'openapi.json');
writeFileSync(target, openApiText());
console.log(`wrote ${target}`);
