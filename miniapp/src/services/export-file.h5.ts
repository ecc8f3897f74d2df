/** 导出 (名单, 街道数据) in the browser: a real file download. WeChat builds use export-file.ts. */
import { copyToClipboard } from './privacy-apis';

export interface CsvFile {
  filename: string;
  csv: string;
}

export type SavedCsv = { kind: 'downloaded' } | { kind: 'file'; path: string };

export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '-');

export async function saveCsv(file: CsvFile): Promise<SavedCsv> {
  const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(file.filename);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { kind: 'downloaded' };
}

export async function shareCsv(): Promise<void> {
  throw new Error('sending a file to a chat needs WeChat');
}

export async function copyCsv(file: CsvFile): Promise<void> {
  await copyToClipboard(file.csv.replace(/^\uFEFF/, ''));
}
