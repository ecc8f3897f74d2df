/**
 * Consent to Linli's privacy guide (隐私保护指引), WeChat's privacy check included.
 *
 * In WeChat (`__usePrivacyCheck__`), a privacy API called before the user agreed makes WeChat
 * raise `onNeedPrivacyAuthorization`; Linli answers with its own sheet (components/privacy-sheet)
 * and tells WeChat the answer. On H5 there is no WeChat to ask, so the same sheet opens before
 * the first privacy API. An agreement is kept here with the guide's version and recorded on the
 * server once someone is signed in; declining changes nothing else: public pages stay open.
 */
import Taro from '@tarojs/taro';
import { PRIVACY_GUIDE_VERSION } from '@linli/shared/contract/privacy';
import { api } from './api';
import { sessionUserId, subscribeSession } from './session';

export { PRIVACY_GUIDE_VERSION };

/** The id of the sheet's agree button: WeChat checks that this button was tapped. */
export const AGREE_BUTTON_ID = 'linli-privacy-agree';
export const CONSENT_STORAGE_KEY = 'linli:privacy-consent';

export type ConsentAnswer = 'agree' | 'disagree';

interface StoredConsent {
  version: string;
  agreedAt: string;
  /** The user id the server has recorded it for, once it has. */
  recordedFor?: string;
}

let pending: { resolve: (answer: ConsentAnswer) => void; promise: Promise<ConsentAnswer> } | undefined;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/** Whether the consent sheet is open (for useSyncExternalStore). */
export function isConsentSheetOpen(): boolean {
  return pending !== undefined;
}

/** Re-renders subscribers when the sheet opens or closes. */
export function subscribeConsentSheet(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Opens the sheet (once, however many callers ask at the same time) and waits for the answer. */
export function askForConsent(): Promise<ConsentAnswer> {
  if (!pending) {
    let resolve!: (answer: ConsentAnswer) => void;
    const promise = new Promise<ConsentAnswer>((r) => (resolve = r));
    pending = { resolve, promise };
    notify();
  }
  return pending.promise;
}

/** The sheet's buttons call this: closes the sheet and keeps an agreement. */
export function answerConsent(answer: ConsentAnswer): void {
  const open = pending;
  if (!open) return;
  pending = undefined;
  if (answer === 'agree') {
    writeStored({ version: PRIVACY_GUIDE_VERSION, agreedAt: new Date().toISOString() });
    void recordOnServer();
  }
  notify();
  open.resolve(answer);
}

function readStored(): StoredConsent | undefined {
  try {
    const value: unknown = Taro.getStorageSync(CONSENT_STORAGE_KEY);
    return value && typeof value === 'object' ? (value as StoredConsent) : undefined;
  } catch {
    return undefined;
  }
}

function writeStored(consent: StoredConsent): void {
  Taro.setStorageSync(CONSENT_STORAGE_KEY, consent);
}

/** Whether this device holds an agreement to the guide in force. */
export function hasCurrentConsent(): boolean {
  return readStored()?.version === PRIVACY_GUIDE_VERSION;
}

/**
 * Sends the agreement to the server when someone is signed in and it is not recorded for them
 * yet (a visitor who agreed before signing in is recorded at sign-in). Failures wait for the
 * next chance: the local agreement stands either way.
 */
export async function recordOnServer(): Promise<void> {
  const stored = readStored();
  const userId = sessionUserId();
  if (!stored || stored.version !== PRIVACY_GUIDE_VERSION || !userId || stored.recordedFor === userId) return;
  try {
    await api.call('recordPrivacyConsent', {
      body: { version: stored.version, platform: process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5' },
      toast: false,
    });
    writeStored({ ...stored, recordedFor: userId });
  } catch {
    // Tried again at the next sign-in or launch.
  }
}

/**
 * Before a privacy API: true when the user agreed (now or before). In WeChat, WeChat decides
 * whether to ask (requirePrivacyAuthorize raises onNeedPrivacyAuthorization when needed).
 */
export async function ensurePrivacyConsent(): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      await Taro.requirePrivacyAuthorize();
      return true;
    } catch {
      return false;
    }
  }
  if (hasCurrentConsent()) return true;
  return (await askForConsent()) === 'agree';
}

/** At launch: answer WeChat's privacy requests with Linli's sheet, and record agreements at sign-in. */
export function installPrivacyAuthorization(): void {
  subscribeSession(() => void recordOnServer());
  void recordOnServer();
  if (process.env.TARO_ENV !== 'weapp') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // Tell WeChat the sheet is shown, then pass on the answer (agree names the button tapped).
    resolve({ event: 'exposureAuthorization' });
    void askForConsent().then((answer) =>
      resolve(answer === 'agree' ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' }),
    );
  });
}

/** Forgets the sheet's state (tests). */
export function resetConsentSheet(): void {
  pending = undefined;
  notify();
}
