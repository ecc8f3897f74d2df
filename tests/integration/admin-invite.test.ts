import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { apiForThisFile } from '../helpers/api';
import { newWechatUser } from '../helpers/fixtures';

const run = promisify(execFile);
const api = apiForThisFile();

describe('npm run admin:invite', () => {
  it('prints a one-time admin invite that makes its first user platform admin, and only the first', async () => {
    const { stdout } = await run(
      'npx',
      [
        'tsx',
        'scripts/admin-invite.ts',
        '--table',
        process.env.TABLE_NAME!,
        '--endpoint',
        process.env.DYNAMODB_ENDPOINT!,
      ],
      { env: process.env },
    );
    const code = /邀请码: ([A-Z0-9]{8})/.exec(stdout)?.[1];
    expect(code).toBeDefined();
    expect(stdout).toContain(`/packages/onboarding/invite/index?code=${code}`);

    const first = await newWechatUser(api, 'first-admin');
    const accepted = await api.call<any>('POST', `/invites/${code}/accept`, { token: first.accessToken });
    expect(accepted.status).toBe(200);
    const street = await api.call<any>('POST', '/streets', {
      token: accepted.body.accessToken,
      body: { name: `首个街道${Date.now()}`, city: '银川市', district: '西夏区' },
      headers: { 'idempotency-key': `first-street-${Date.now()}` },
    });
    expect(street.status).toBe(201);

    const second = await newWechatUser(api, 'second');
    const again = await api.call<any>('POST', `/invites/${code}/accept`, { token: second.accessToken });
    expect([again.status, again.body.error.code]).toEqual([409, 'INVITE_USED']);
  }, 60_000);
});
