/**
 * DynamoDB Local, AWS's own emulator, taken from the npm package amplify-dynamodb-simulator
 * (only its emulator/ folder), verified by checksum, cached outside the repo, run with Java.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

const run = promisify(execFile);

export const SIMULATOR_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
/** npm's integrity of the tarball above. */
export const TARBALL_INTEGRITY =
  'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==';
/** sha256 of DynamoDBLocal.jar 1.25.1 inside it (the package's own emulator/sha256 file is not this). */
export const JAR_SHA256 = '454305e9bc3e6ebcca5b62569869e31563b8d7e346474e94557b2600702146c7';

/** Where the verified emulator lives: outside git, shared by every checkout on the machine. */
export function emulatorDir(): string {
  const base = process.env.LINLI_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'linli');
  return join(base, 'dynamodb-local-2.9.30');
}

async function digest(file: string, algorithm: 'sha256' | 'sha512', encoding: 'hex' | 'base64'): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest(encoding);
}

/** Fails with an explanation when Java 17+ is not on PATH. */
export async function checkJava(): Promise<number> {
  let output: string;
  try {
    const { stderr, stdout } = await run('java', ['-version']);
    output = `${stderr}${stdout}`;
  } catch {
    throw new Error(
      'Java 17 or newer is required to run DynamoDB Local, but `java` was not found on PATH.\n' +
        'Install it, e.g. on Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
  if (!(major >= 17)) {
    throw new Error(`DynamoDB Local needs Java 17 or newer; found: ${output.split('\n')[0] ?? 'unknown'}`);
  }
  return major;
}

/** Downloads (once), verifies and unpacks the emulator; returns its folder. */
export async function ensureDynamoDbLocal(log: (line: string) => void = () => undefined): Promise<string> {
  const dir = emulatorDir();
  const jar = join(dir, 'DynamoDBLocal.jar');
  if (existsSync(jar) && existsSync(join(dir, 'DynamoDBLocal_lib'))) {
    if ((await digest(jar, 'sha256', 'hex')) === JAR_SHA256) return dir;
    log('cached DynamoDB Local failed its checksum; fetching it again');
    await rm(dir, { recursive: true, force: true });
  }
  log(`fetching DynamoDB Local from npm (${SIMULATOR_PACKAGE}, ~57 MB, once per machine)…`);
  const work = await mkdtemp(join(tmpdir(), 'linli-ddb-'));
  try {
    const { stdout } = await run('npm', ['pack', SIMULATOR_PACKAGE, '--pack-destination', work, '--silent'], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const tarballName = stdout.trim().split('\n').pop() ?? '';
    const tarball = join(work, tarballName);
    const integrity = `sha512-${await digest(tarball, 'sha512', 'base64')}`;
    if (integrity !== TARBALL_INTEGRITY) {
      throw new Error(`${SIMULATOR_PACKAGE} tarball integrity mismatch: got ${integrity}`);
    }
    await run('tar', ['-xzf', tarball, '-C', work, 'package/emulator']);
    const extracted = join(work, 'package', 'emulator');
    const jarSha = await digest(join(extracted, 'DynamoDBLocal.jar'), 'sha256', 'hex');
    if (jarSha !== JAR_SHA256) throw new Error(`DynamoDBLocal.jar checksum mismatch: got ${jarSha}`);
    await mkdir(join(dir, '..'), { recursive: true });
    await rm(dir, { recursive: true, force: true });
    await rename(extracted, dir);
    log(`DynamoDB Local verified and cached in ${dir}`);
    return dir;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningDynamoDb {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder for the database files (kept across restarts); omit for in-memory. */
  dbPath?: string;
  port?: number;
  log?: (line: string) => void;
  /** How long to wait for the first answer; the JVM starts slowly on a busy machine. */
  startupTimeoutMs?: number;
}

/** Starts DynamoDB Local and resolves once it answers ListTables. */
export async function startDynamoDbLocal(options: StartOptions = {}): Promise<RunningDynamoDb> {
  await checkJava();
  const dir = await ensureDynamoDbLocal(options.log);
  const port = options.port ?? (await freePort());
  const storage = options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory'];
  if (options.dbPath) await mkdir(options.dbPath, { recursive: true });
  const child = spawn(
    'java',
    [
      '-Xms256m',
      '-Djava.library.path=' + join(dir, 'DynamoDBLocal_lib'),
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      ...storage,
    ],
    // DynamoDB Local writes a metadata file into its working directory; keep it out of the repo.
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.dbPath ?? tmpdir() },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  };
  const client = new DynamoDBClient({
    endpoint,
    region: 'cn-northwest-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const startupTimeoutMs = options.startupTimeoutMs ?? 120_000;
  const deadline = Date.now() + startupTimeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited early:\n${output}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer within ${startupTimeoutMs / 1000} s:\n${output}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, port, process: child, stop };
}

/** Lists cached emulator files (for diagnostics). */
export async function describeCache(): Promise<string[]> {
  return existsSync(emulatorDir()) ? readdir(emulatorDir()) : [];
}
