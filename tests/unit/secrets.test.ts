import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  loadJwtSecret,
  readSecret,
  resetJwtSecretCache,
  resetSecretsClient,
} from '../../functions/src/platform/secrets';
import { answerPushUrlCheck, resetPushTokenCache } from '../../functions/src/moderation/push-signature';
import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

interface SeenRequest {
  target: string | undefined;
  secretId: string;
  signed: boolean;
}

const SECRET_ACCESS_KEY = 'example-secret';
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * Checks a request's SigV4 signature from the specification (not with the SDK's signer, which
 * signed it): the canonical request, the string to sign and the derived key for this scope.
 */
function validSigV4(req: IncomingMessage, body: string, service: string, region: string): boolean {
  const auth =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization),
    );
  if (!auth) return false;
  const [, accessKey, day, scopeRegion, scopeService, signedHeaders, signature] = auth;
  if (accessKey !== 'AKIDEXAMPLE' || scopeRegion !== region || scopeService !== service) return false;
  const names = signedHeaders!.split(';');
  if (!['host', 'x-amz-date', 'x-amz-target', 'content-type'].every((n) => names.includes(n))) return false;
  const canonical = [
    req.method,
    req.url,
    '',
    ...names.map((n) => `${n}:${String(req.headers[n]).trim()}`),
    '',
    signedHeaders,
    sha256(body),
  ].join('\n');
  const amzDate = String(req.headers['x-amz-date']);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = ['aws4_request', service, region, day!].reduceRight(
    (k: string | Buffer, part) => hmac(k, part),
    `AWS4${SECRET_ACCESS_KEY}`,
  );
  // reduceRight walks day, region, service, aws4_request: the SigV4 key derivation order.
  return hmac(key, stringToSign).toString('hex') === signature;
}

/** Answers GetSecretValue the way Secrets Manager does (JSON 1.1 protocol) on 127.0.0.1. */
function fakeSecretsManager(secrets: Record<string, string>) {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      seen.push({
        target: req.headers['x-amz-target'] as string | undefined,
        secretId: SecretId,
        signed: validSigV4(req, body, 'secretsmanager', 'cn-northwest-1'),
      });
      const value = secrets[SecretId];
      if (value === undefined) {
        res
          .writeHead(400, { 'content-type': 'application/x-amz-json-1.1' })
          .end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'Secrets Manager can’t find it' }));
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
        .end(JSON.stringify({ ARN: SecretId, Name: 'linli', SecretString: value, VersionId: 'v1' }));
    });
  });
  return new Promise<{ url: string; seen: SeenRequest[]; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

describe('reading secrets with one signed GetSecretValue call', () => {
  const saved = { ...process.env };
  const jwtArn = 'arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:jwt-AbCdEf';
  const wechatArn = 'arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:wechat-AbCdEf';
  let sm: Awaited<ReturnType<typeof fakeSecretsManager>>;

  beforeEach(async () => {
    sm = await fakeSecretsManager({
      [jwtArn]: 's3cret-key',
      empty: '',
      [wechatArn]: JSON.stringify({ appId: 'wx1', appSecret: 's', pushToken: 'console-token' }),
    });
    process.env.SECRETS_MANAGER_ENDPOINT = sm.url;
    process.env.AWS_REGION = 'cn-northwest-1';
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = SECRET_ACCESS_KEY;
    resetSecretsClient();
    resetJwtSecretCache();
  });
  afterEach(async () => {
    process.env = { ...saved };
    resetSecretsClient();
    resetJwtSecretCache();
    resetPushTokenCache();
    await sm.close();
  });

  it('returns the secret string from a GetSecretValue call whose SigV4 signature checks out', async () => {
    await expect(readSecret(jwtArn)).resolves.toBe('s3cret-key');
    expect(sm.seen).toEqual([{ target: 'secretsmanager.GetSecretValue', secretId: jwtArn, signed: true }]);
  });

  it('the check above is real: a request signed with another secret key fails it', async () => {
    process.env.AWS_SECRET_ACCESS_KEY = 'someone-else';
    resetSecretsClient();
    await readSecret(jwtArn);
    expect(sm.seen).toEqual([{ target: 'secretsmanager.GetSecretValue', secretId: jwtArn, signed: false }]);
  });

  it('fails clearly when the secret does not exist or holds no string', async () => {
    await expect(readSecret('missing')).rejects.toThrow(/can’t find it/);
    await expect(readSecret('empty')).rejects.toThrow('Secret empty has no string value');
    await expect(readSecret('missing')).rejects.toThrow(/ResourceNotFoundException/);
  });

  it('fails clearly when the endpoint answers something that is not JSON', async () => {
    const html = createServer((_req, res) => res.writeHead(502).end('<html>bad gateway</html>'));
    await new Promise<void>((r) => html.listen(0, '127.0.0.1', () => r()));
    process.env.SECRETS_MANAGER_ENDPOINT = `http://127.0.0.1:${(html.address() as AddressInfo).port}`;
    await expect(readSecret(jwtArn)).rejects.toThrow(/GetSecretValue .*HTTP 502.*bad gateway/);
    await new Promise((r) => html.close(r));
  });

  it('uses JWT_SECRET_ARN when no local key is set, and asks only once', async () => {
    delete process.env.JWT_SECRET;
    process.env.JWT_SECRET_ARN = jwtArn;
    const first = await loadJwtSecret();
    const second = await loadJwtSecret();
    expect(new TextDecoder().decode(first)).toBe('s3cret-key');
    expect(second).toBe(first);
    expect(sm.seen).toHaveLength(1);
  });

  it('prefers the local JWT_SECRET in dev and tests', async () => {
    process.env.JWT_SECRET = 'local-key';
    expect(new TextDecoder().decode(await loadJwtSecret())).toBe('local-key');
    expect(sm.seen).toHaveLength(0);
  });

  it('checks the WeChat push URL with the pushToken of the WeChat secret in a deployment', async () => {
    delete process.env.WECHAT_PUSH_TOKEN;
    delete process.env.WECHAT_MODE;
    process.env.WECHAT_SECRET_ARN = wechatArn;
    resetPushTokenCache();
    const signed = (token: string) => ({
      timestamp: '1764800000',
      nonce: 'abc',
      echostr: 'e-123',
      signature: createHash('sha1').update([token, '1764800000', 'abc'].sort().join('')).digest('hex'),
    });
    await expect(answerPushUrlCheck(signed('console-token'))).resolves.toBe('e-123');
    await expect(answerPushUrlCheck(signed('linli-dev-push'))).rejects.toMatchObject({
      code: 'WECHAT_SIGNATURE_INVALID',
    });
    expect(sm.seen.map((s) => s.secretId)).toEqual([wechatArn]);
  });
});
