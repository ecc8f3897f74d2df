import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(__dirname, '..', '..');

/**
 * The whole local product for the browser tests, started as `scripts/serve-stack.ts` in a child
 * process: DynamoDB Local (in memory) with the demo community, the local API, and the H5 build.
 */
export default async function e2eGlobalSetup(): Promise<void> {
  const distDir = join(root, 'miniapp', 'dist', 'h5');
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`No H5 build in ${distDir}. Run \`npm run build:h5\` first (npm test does).`);
  }
  const child: ChildProcess = spawn(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'scripts', 'serve-stack.ts')],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const urls = await new Promise<{ apiUrl: string; h5Url: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the local stack did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the local stack exited early (code ${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as { apiUrl: string; h5Url: string });
    });
  });
  process.env.LINLI_E2E_API_URL = urls.apiUrl;
  process.env.LINLI_E2E_H5_URL = urls.h5Url;
  (globalThis as { __linliE2e?: ChildProcess }).__linliE2e = child;
}
