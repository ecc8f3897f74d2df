/** Writes docs/privacy-apis.md from the privacy APIs the mini-program's code uses (`npm run privacy:apis`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPrivacyApiUses, miniappSources, renderPrivacyApisDoc, undeclaredUses } from './lib/privacy-apis';

const uses = findPrivacyApiUses(miniappSources());
const missing = undeclaredUses(uses);
const target = join(__dirname, '..', 'docs', 'privacy-apis.md');
writeFileSync(target, renderPrivacyApisDoc(uses));
console.log(`wrote ${target} (${uses.length} privacy APIs in use)`);
if (missing.length > 0) {
  console.error(
    `✗ no purpose in miniapp/src/services/privacy-catalog.ts CONSOLE_PURPOSES for: ${missing
      .map((u) => `${u.api} (${u.key}, ${u.files.join(', ')})`)
      .join('; ')}`,
  );
  process.exitCode = 1;
}
