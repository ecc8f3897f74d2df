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

/** A photo taken or picked: its temporary path, size, and what the platform says it is. */
export interface PickedPhoto {
  path: string;
  size: number;
  /** The file's MIME type or name where the platform gives one (H5). */
  type?: string;
  name?: string;
}

/**
 * One photo from the camera or the album, compressed, after consent (WeChat's chooseMedia, H5's
 * chooseImage). Undefined when the person cancels; other failures are thrown as they come.
 */
export async function pickPhoto(): Promise<PickedPhoto | undefined> {
  await consented('拍照或选择照片');
  if (process.env.TARO_ENV === 'weapp') {
    const picked = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    });
    const file = picked.tempFiles[0];
    return file ? { path: file.tempFilePath, size: file.size } : undefined;
  }
  const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  const file = picked.tempFiles[0] as { path: string; size: number; type?: string; originalFileObj?: File } | undefined;
  if (!file) return undefined;
  return {
    path: file.path,
    size: file.size,
    type: file.type ?? file.originalFileObj?.type,
    name: file.originalFileObj?.name,
  };
}

/** A file picked for upload: its name, size and bytes as base64. */
export interface PickedFile {
  name: string;
  size: number;
  base64: string;
}

/** Reads a browser File as base64 (H5). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}

/** H5: the browser's own file chooser, through a file input made for this one pick. */
function pickInBrowser(extensions: string[]): Promise<PickedFile | undefined> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    const done = () => input.remove();
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done();
      if (!file) return resolve(undefined);
      readAsBase64(file).then((base64) => resolve({ name: file.name, size: file.size, base64 }), reject);
    });
    input.addEventListener('cancel', () => {
      done();
      resolve(undefined);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * One file of the given types: in WeChat from a chat (chooseMessageFile, after consent), on H5
 * from the computer. Undefined when the person cancels.
 */
export async function pickFile(extensions: string[]): Promise<PickedFile | undefined> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser(extensions);
  await consented('选择文件');
  let picked: Taro.chooseMessageFile.ChooseFile | undefined;
  try {
    picked = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions })).tempFiles[0];
  } catch {
    return undefined; // cancelled
  }
  if (!picked) return undefined;
  const base64 = Taro.getFileSystemManager().readFileSync(picked.path, 'base64') as string;
  return { name: picked.name, size: picked.size, base64 };
}
