/**
 * The local product for the browser tests, in its own process (so the handlers resolve the
 * project's path aliases as in `npm start`): DynamoDB Local in memory with the demo community,
 * the local API, and the H5 build with /api proxied. Prints one JSON line with the URLs, then
 * runs until SIGTERM.
 */
import { join } from 'node:path';
import { startH5Server } from './lib/h5-server';
import { startLocalStack } from './lib/local-stack';

async function main(): Promise<void> {
  const stack = await startLocalStack({ tableName: `linli-e2e-${Date.now()}` });
  const h5 = await startH5Server({ distDir: join(__dirname, '..', 'miniapp', 'dist', 'h5'), apiUrl: stack.apiUrl });
  const stop = async () => {
    await h5.close();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdout.write(`${JSON.stringify({ apiUrl: stack.apiUrl, h5Url: h5.url })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
