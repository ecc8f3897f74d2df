/** Key, type tag and item builder of the privacy-guide consents, declared once; no I/O. */
import { partition } from '../table';

type Item = Record<string, unknown>;

export const privacyTypes = ['PrivacyConsent'] as const;
export type PrivacyType = (typeof privacyTypes)[number];

export const privacyKey = {
  /** The user's agreement to one version of the privacy guide (隐私保护指引), kept once per version. */
  consent: (userId: string, version: string) => ({ pk: partition.user(userId), sk: `PRIVACY#${version}` }),
  /** Sort-key prefix of a user's consents (AP97). */
  consentPrefix: 'PRIVACY#',
} as const;

export const privacyConsentItem = (userId: string, consent: { version: string }): Item => ({
  ...privacyKey.consent(userId, consent.version),
  type: 'PrivacyConsent',
  ...consent,
});
