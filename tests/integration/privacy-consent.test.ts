/**
 * Consent to Linli's privacy guide: an agreement is recorded with the guide's version, once per
 * version however many devices or retries send it, and shows in the person's data copy.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { PRIVACY_GUIDE_VERSION } from '../../shared/src/contract/privacy';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { apiForThisFile } from '../helpers/api';
import { newWechatUser } from '../helpers/fixtures';
import { key } from '../../functions/src/table';
import { privacyKey } from '../../functions/src/privacy/items';

const api = apiForThisFile();

async function storedConsents(userId: string) {
  const out = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': key.user(userId).pk, ':sk': privacyKey.consentPrefix },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

describe('privacy-guide consent', () => {
  it('records the version a newcomer agreed to and lists it with the version in force', async () => {
    const user = await newWechatUser(api, 'consent');
    const recorded = await api.call<any>('POST', '/me/privacy-consent', {
      token: user.accessToken,
      body: { version: PRIVACY_GUIDE_VERSION, platform: 'weapp' },
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toEqual({ version: PRIVACY_GUIDE_VERSION, platform: 'weapp', agreedAt: expect.any(String) });

    const listed = await api.call<any>('GET', '/me/privacy-consent', { token: user.accessToken });
    expect(listed.body).toEqual({ current: PRIVACY_GUIDE_VERSION, consents: [recorded.body] });
    expect(await storedConsents(user.userId)).toEqual([
      expect.objectContaining({
        sk: privacyKey.consent(user.userId, PRIVACY_GUIDE_VERSION).sk,
        type: 'PrivacyConsent',
        platform: 'weapp',
      }),
    ]);
  });

  it('keeps the first agreement when several devices send the same version at once', async () => {
    const user = await newWechatUser(api, 'consent');
    const answers = await Promise.all(
      (['weapp', 'h5', 'weapp', 'h5', 'weapp'] as const).map((platform) =>
        api.call<any>('POST', '/me/privacy-consent', {
          token: user.accessToken,
          body: { version: PRIVACY_GUIDE_VERSION, platform },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const stored = await storedConsents(user.userId);
    expect(stored).toHaveLength(1);
    // Every caller is told the agreement on record, not its own attempt.
    for (const a of answers)
      expect(a.body).toEqual({
        version: PRIVACY_GUIDE_VERSION,
        platform: stored[0]!.platform,
        agreedAt: stored[0]!.agreedAt,
      });
  });

  it('keeps one record per version when the guide changes', async () => {
    const user = await newWechatUser(api, 'consent');
    for (const version of ['2026-01-15', PRIVACY_GUIDE_VERSION]) {
      await api.call('POST', '/me/privacy-consent', { token: user.accessToken, body: { version, platform: 'h5' } });
    }
    const listed = await api.call<any>('GET', '/me/privacy-consent', { token: user.accessToken });
    expect(listed.body.consents.map((c: any) => c.version)).toEqual(['2026-01-15', PRIVACY_GUIDE_VERSION]);
  });

  it('refuses a malformed version or platform with field paths and writes nothing', async () => {
    const user = await newWechatUser(api, 'consent');
    const bad = await api.call<any>('POST', '/me/privacy-consent', {
      token: user.accessToken,
      body: { version: 'latest', platform: 'android' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.path).sort()).toEqual(['body.platform', 'body.version']);
    expect(bad.body.error.details.find((d: any) => d.path === 'body.version').message).toMatch(/日期/);
    expect(await storedConsents(user.userId)).toEqual([]);
  });

  it('asks for a sign-in: a visitor who agreed is recorded only once signed in', async () => {
    const anonymous = await api.call<any>('POST', '/me/privacy-consent', {
      body: { version: PRIVACY_GUIDE_VERSION, platform: 'h5' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('shows the agreement in the person’s copy of their data', async () => {
    const user = await newWechatUser(api, 'consent');
    await api.call('POST', '/me/privacy-consent', {
      token: user.accessToken,
      body: { version: PRIVACY_GUIDE_VERSION, platform: 'h5' },
    });
    const copy = await api.call<any>('GET', '/me/data', { token: user.accessToken });
    expect(copy.body.sections.PrivacyConsent).toEqual([
      expect.objectContaining({ version: PRIVACY_GUIDE_VERSION, platform: 'h5' }),
    ]);
  });
});
