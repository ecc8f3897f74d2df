import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  loadJwtSecret,
  readSecret,
  resetJwtSecretCache,
  resetSecretsClient,
} from '../../functions/src/platform/secrets';
import { answerPushUrlCheck, resetPushTokenCache } from '../../functions/src/moderation/push-signature';
import { createHash } from 'node:crypto';

interface SeenRequest {
  target: string | undefined;
  secretId: string;
  signed: boolean;
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
        signed: String(req.headers.authorization).startsWith('AWS4-HMAC-SHA256'),
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

describe('reading secrets with the Secrets Manager SDK', () => {
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
    process.env.AWS_SECRET_ACCESS_KEY = 'example-secret';
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

  it('returns the secret string from a signed GetSecretValue call', async () => {
    await expect(readSecret(jwtArn)).resolves.toBe('s3cret-key');
    expect(sm.seen).toEqual([{ target: 'secretsmanager.GetSecretValue', secretId: jwtArn, signed: true }]);
  });

  it('fails clearly when the secret does not exist or holds no string', async () => {
    await expect(readSecret('missing')).rejects.toThrow(/can’t find it/);
    await expect(readSecret('empty')).rejects.toThrow('Secret empty has no string value');
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
