import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalStack } from '../../scripts/lib/local-stack';
import { startH5Server } from '../../scripts/lib/h5-server';

const root = join(__dirname, '..', '..');

/**
 * The whole local product for the browser tests: DynamoDB Local (in memory) with the demo
 * community, the local API, and the H5 build served with /api proxied to it.
 */
export default async function e2eGlobalSetup(): Promise<void> {
  const distDir = join(root, 'miniapp', 'dist', 'h5');
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`No H5 build in ${distDir}. Run \`npm run build:h5\` first (npm test does).`);
  }
  const stack = await startLocalStack({ tableName: `linli-e2e-${Date.now()}` });
  const h5 = await startH5Server({ distDir, apiUrl: stack.apiUrl });
  process.env.LINLI_E2E_API_URL = stack.apiUrl;
  process.env.LINLI_E2E_H5_URL = h5.url;
  (globalThis as { __linliE2e?: { stop(): Promise<void> } }).__linliE2e = {
    stop: async () => {
      await h5.close();
      await stack.stop();
    },
  };
}
