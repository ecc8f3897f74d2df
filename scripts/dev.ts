/**
 * `npm start`: the whole product on this machine. DynamoDB Local (data kept in .linli/;
 * `npm start -- --fresh` wipes it), the demo community, the local API, and the H5 build of
 * the mini-program, with the URLs and demo logins printed. Ctrl-C stops everything.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startH5Server } from './lib/h5-server';
import { startLocalStack } from './lib/local-stack';
import { DEMO_COMMUNITY_ID, demoCommunity, demoUsers } from './lib/seed-data';
import { wishDemoUsers } from './lib/seed-wishes';

const root = join(__dirname, '..');
const args = new Set(process.argv.slice(2));
const fresh = args.has('--fresh');
const skipBuild = args.has('--no-build');
const apiPort = Number(process.env.LINLI_API_PORT ?? 3001);
const h5Port = Number(process.env.LINLI_H5_PORT ?? 10086);

const log = (line: string) => console.log(`[linli] ${line}`);

function buildH5(): Promise<void> {
  log('building the H5 mini-program (about a minute)…');
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'build:h5'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`H5 build failed (exit ${code})`))));
  });
}

async function main(): Promise<void> {
  const stack = await startLocalStack({
    dbPath: join(root, '.linli', 'dynamodb'),
    fresh,
    apiPort,
    log,
  });
  const running: { h5?: { url: string; close(): Promise<void> } } = {};
  const stop = async () => {
    log('stopping…');
    await running.h5?.close();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  if (!skipBuild) await buildH5();
  const h5 = await startH5Server({ distDir: join(root, 'miniapp', 'dist', 'h5'), apiUrl: stack.apiUrl, port: h5Port });
  running.h5 = h5;

  const lines = [
    '',
    '  Linli 邻里 is running',
    '',
    `  Mini-program (H5)   ${h5.url}`,
    `  Local API           ${stack.apiUrl}   (try ${stack.apiUrl}/health)`,
    `  Demo community      ${stack.apiUrl}/community/${DEMO_COMMUNITY_ID}  ${demoCommunity.city}${demoCommunity.district}${demoCommunity.name}`,
    `  DynamoDB Local      ${stack.dynamoEndpoint}   table "${stack.tableName}", data in .linli/dynamodb`,
    '  WeChat DevTools     open this folder (project.config.json); build with `npm run build:weapp`',
    '',
    '  Demo logins (dev mode, no WeChat needed):',
    ...[...demoUsers, ...wishDemoUsers].map((u) => `    ${u.devCode.padEnd(16)} ${u.name}  ${u.roleLabel}`),
    '',
    '  Ctrl-C stops everything. `npm start -- --fresh` starts from a clean database.',
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(`[linli] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
