// Lints fixture files as if they lived at the path each names in its `// lint as: <path>` line,
// with the repository's eslint.config.mjs, and prints { fixture: [messages] } as JSON. A plain
// ES module run by node: jest (CommonJS) cannot load the flat config itself.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import process from 'node:process';
import { ESLint } from 'eslint';

const root = process.cwd();
const eslint = new ESLint({ cwd: root });
const out = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const filePath = /^\/\/ lint as: (.+)$/m.exec(text)?.[1];
  if (!filePath) throw new Error(`${file} does not say what it is linted as`);
  const [result] = await eslint.lintText(text, { filePath: join(root, filePath) });
  out[basename(file)] = result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}
process.stdout.write(JSON.stringify(out));
