/**
 * Consent to Linli's privacy guide (隐私保护指引): the mini-program shows its own sheet when
 * WeChat asks (onNeedPrivacyAuthorization) or, on H5, before the first privacy API; an agreement
 * is recorded here with the guide's version, once per version, so the operator can show who
 * agreed to what and when. Declining is not recorded: the person simply keeps browsing.
 */
import { PRIVACY_GUIDE_VERSION } from '@linli/shared/contract/privacy';
import type { Principal } from '@linli/shared/contract/principal';
import * as repo from './repository';

/** Records the caller's agreement to a version of the guide (the first one stands). */
export async function recordPrivacyConsent(
  principal: Principal,
  body: { version: string; platform: 'weapp' | 'h5' },
): Promise<repo.ConsentItem> {
  const kept = await repo.putPrivacyConsent(principal.userId, {
    version: body.version,
    platform: body.platform,
    agreedAt: new Date().toISOString(),
  });
  return { version: kept.version, platform: kept.platform, agreedAt: kept.agreedAt };
}

/** The versions the caller agreed to, and the one in force. */
export async function myPrivacyConsents(principal: Principal) {
  const consents = await repo.privacyConsents(principal.userId);
  return {
    current: PRIVACY_GUIDE_VERSION,
    consents: consents.map(({ version, platform, agreedAt }) => ({ version, platform, agreedAt })),
  };
}
