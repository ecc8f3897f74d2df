/** Roster files for tests: CSV text from rows, and the calls that preview and confirm them. */
import type { TestApi } from './api';

export const ROSTER_HEADER = ['楼栋', '单元', '房号', '姓名', '出生日期', '手机', '标签'];

/** CSV text (UTF-8) of a header and rows; cells with commas or quotes are quoted. */
export function rosterCsv(rows: string[][], header: string[] = ROSTER_HEADER): string {
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** n valid rows spread over buildings b1/b2 (1号楼/2号楼), units 1单元/2单元, distinct rooms. */
export function manyRows(n: number, phonePrefix = '139'): string[][] {
  return Array.from({ length: n }, (_, i) => [
    `${(i % 2) + 1}号楼`,
    `${(Math.floor(i / 2) % 2) + 1}单元`,
    String(101 + Math.floor(i / 4)),
    `居民${String(i).padStart(5, '0')}`.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]!),
    `19${50 + (i % 40)}-0${(i % 9) + 1}-1${i % 9}`,
    `${phonePrefix}${String(10_000_000 + i).slice(-8)}`,
    i % 7 === 0 ? '独居' : '',
  ]);
}

export const base64 = (content: string | Buffer) => Buffer.from(content).toString('base64');

export function rosterCalls(api: TestApi, communityId: string, token: string) {
  const path = `/community/${communityId}/roster`;
  return {
    preview: (content: string | Buffer, fileName = '台账.csv') =>
      api.call<any>('POST', `${path}/imports`, { token, body: { fileName, contentBase64: base64(content) } }),
    confirm: (importId: string) => api.call<any>('POST', `${path}/imports/${importId}/confirm`, { token, body: {} }),
    job: (importId: string) => api.call<any>('GET', `${path}/imports/${importId}`, { token }),
    list: (query = '') => api.call<any>('GET', `${path}${query}`, { token }),
  };
}
