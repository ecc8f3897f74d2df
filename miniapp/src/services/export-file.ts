/**
 * 导出 (名单, 街道数据) in WeChat: the CSV is written to the mini-program's own folder, from where staff send
 * it to a chat (and open it on a computer) or copy it as text. H5 uses export-file.h5.ts instead.
 */
import Taro from '@tarojs/taro';
import { copyToClipboard } from './privacy-apis';

export interface CsvFile {
  filename: string;
  csv: string;
}

/** Where the list went: downloaded by the browser, or saved as a file to send. */
export type SavedCsv = { kind: 'downloaded' } | { kind: 'file'; path: string };

/** A file name WeChat's file system accepts (no path separators or reserved characters). */
export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '-');

export async function saveCsv(file: CsvFile): Promise<SavedCsv> {
  const path = `${Taro.env.USER_DATA_PATH}/${safeFileName(file.filename)}`;
  Taro.getFileSystemManager().writeFileSync(path, file.csv, 'utf8');
  return { kind: 'file', path };
}

/** Sends the saved file to a WeChat chat; must run in a tap. */
export async function shareCsv(path: string, filename: string): Promise<void> {
  await Taro.shareFileMessage({ filePath: path, fileName: safeFileName(filename) });
}

/** Copies the list as text (without the byte-order mark spreadsheets need). */
export async function copyCsv(file: CsvFile): Promise<void> {
  await copyToClipboard(file.csv.replace(/^\uFEFF/, ''));
}
