import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadJwtSecret, readSecretThroughExtension, resetJwtSecretCache } from '../../functions/src/platform/secrets';

/** Stands in for the AWS Parameters and Secrets Lambda Extension on 127.0.0.1. */
function fakeExtension(secrets: Record<string, string>, token: string) {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(url.pathname);
    if (req.headers['x-aws-parameters-secrets-token'] !== token) {
      res.writeHead(401).end();
      return;
    }
    const value = secrets[url.searchParams.get('secretId') ?? ''];
    if (url.pathname !== '/secretsmanager/get' || value === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ SecretString: value }));
  });
  return new Promise<{ port: number; seen: string[]; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        seen,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

describe('reading the JWT key through the secrets extension', () => {
  const saved = { ...process.env };
  let ext: Awaited<ReturnType<typeof fakeExtension>>;

  beforeEach(async () => {
    ext = await fakeExtension({ 'arn:jwt': 's3cret-key' }, 'session-token');
    process.env.PARAMETERS_SECRETS_EXTENSION_HOST = '127.0.0.1';
    process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = String(ext.port);
    process.env.AWS_SESSION_TOKEN = 'session-token';
    resetJwtSecretCache();
  });
  afterEach(async () => {
    process.env = { ...saved };
    resetJwtSecretCache();
    await ext.close();
  });

  it('returns the secret string, sending the session token', async () => {
    await expect(readSecretThroughExtension('arn:jwt')).resolves.toBe('s3cret-key');
  });

  it('fails clearly when the extension refuses', async () => {
    process.env.AWS_SESSION_TOKEN = 'wrong';
    await expect(readSecretThroughExtension('arn:jwt')).rejects.toThrow('secrets extension answered 401');
  });

  it('uses JWT_SECRET_ARN when no local key is set, and asks only once', async () => {
    delete process.env.JWT_SECRET;
    process.env.JWT_SECRET_ARN = 'arn:jwt';
    const first = await loadJwtSecret();
    const second = await loadJwtSecret();
    expect(new TextDecoder().decode(first)).toBe('s3cret-key');
    expect(second).toBe(first);
    expect(ext.seen).toHaveLength(1);
  });

  it('prefers the local JWT_SECRET in dev and tests', async () => {
    process.env.JWT_SECRET = 'local-key';
    expect(new TextDecoder().decode(await loadJwtSecret())).toBe('local-key');
    expect(ext.seen).toHaveLength(0);
  });
});
