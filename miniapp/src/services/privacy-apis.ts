/**
 * The privacy APIs Linli uses, each behind the consent check (services/privacy-consent.ts). Pages
 * and hooks call these instead of Taro's, so nothing reaches a privacy API without the sheet.
 */
import Taro from '@tarojs/taro';
import { ensurePrivacyConsent } from './privacy-consent';

/** Thrown when the user declined the privacy guide: the caller shows why nothing happened. */
export class ConsentDeclined extends Error {
  constructor(readonly what: string) {
    super(`同意《邻里隐私保护指引》后才能${what}`);
    this.name = 'ConsentDeclined';
  }
}

async function consented(what: string): Promise<void> {
  if (await ensurePrivacyConsent()) return;
  void Taro.showToast({ title: `同意隐私保护指引后才能${what}`, icon: 'none', duration: 3000 });
  throw new ConsentDeclined(what);
}

/** Scans a QR code with WeChat's scanner (camera only), after consent. */
export async function scanQrCode(): Promise<string> {
  await consented('扫码');
  const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
  return result;
}

/** Puts text on the clipboard (write only), after consent. */
export async function copyToClipboard(text: string): Promise<void> {
  await consented('复制');
  await Taro.setClipboardData({ data: text });
}
