/**
 * A roster file's bytes → rows of cell text. XLSX through exceljs; CSV through csv-parse, decoded
 * as UTF-8 (with or without a BOM) or, when the bytes are not valid UTF-8, as GBK — what Excel
 * on Chinese Windows writes for 「CSV（逗号分隔）」. Nothing here is stored.
 */
import { parse } from 'csv-parse/sync';
import { ROSTER_MAX_FILE_BYTES } from '@linli/shared/contract/roster';
import { DomainError } from '@linli/shared/domain-error';

export interface SheetRows {
  /** The first non-empty row. */
  headers: string[];
  /** The rows after it, with their line numbers in the file (header = its own line). */
  rows: { line: number; cells: string[] }[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const isZip = (bytes: Buffer) => ZIP_MAGIC.every((b, i) => bytes[i] === b);

/**
 * GBK through node's own WHATWG decoder (ICU; official node builds and Lambda's node runtimes
 * have full ICU) rather than a JS table library: iconv-lite put 493 KB of encoding tables into
 * the roster bundle, parsed at every cold start. The label is `gb18030`, which is what the WHATWG
 * "GBK" decoder is: node maps the label `gbk` to ICU's windows-936-2000 table instead, which
 * gives private-use code points for 83 GBK codes and silently drops a 0xFF byte.
 *
 * Against iconv-lite's GBK, ASCII and every double-byte code decode the same except 18 codes
 * that GB18030-2022 moved out of the private-use area (ten vertical punctuation forms, U+FE10–
 * FE19, and eight CJK ideographs, U+9FB4–9FBB): they come out as those characters where
 * iconv-lite gave private-use code points that no font shows (tests/unit/gbk-decode.test.ts
 * lists them). Four-byte GB18030 sequences, never valid GBK, decode to their characters too.
 */
export function decodeGbk(bytes: Uint8Array): string {
  return new TextDecoder('gb18030').decode(bytes);
}

/** UTF-8 when the bytes decode strictly, else GBK; a UTF-8 BOM is dropped. */
export function decodeText(bytes: Buffer): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeGbk(body);
  }
}

/** Binary files that are not XLSX (old .xls, images, PDFs) carry NUL bytes CSV never has. */
const looksBinary = (text: string) => text.slice(0, 4096).includes('\u0000');

function fromCsv(bytes: Buffer): string[][] {
  const text = decodeText(bytes);
  if (looksBinary(text)) throw new DomainError('ROSTER_FILE_TYPE');
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false, trim: true, bom: true }) as string[][];
  } catch (error) {
    throw new DomainError('ROSTER_FILE_UNREADABLE', [{ message: (error as Error).message.slice(0, 200) }]);
  }
}

/** A cell as staff see it: dates as YYYY-MM-DD, numbers without exponent, rich text flattened. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates carry no zone; exceljs gives the day at UTC midnight.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return String(value);
}

async function fromXlsx(bytes: Buffer): Promise<string[][]> {
  // Loaded on first XLSX only: CSV imports and the other roster routes never pay for it. In
  // Lambda it is a file of its own beside the function's (SEPARATELY_BUNDLED in
  // scripts/lib/function-bundles.ts), so cold starts do not even compile it.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('ROSTER_FILE_UNREADABLE');
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return [];
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = (row.values as unknown[]).slice(1); // exceljs rows are 1-based
    out[rowNumber - 1] = values.map(cellText);
  });
  return Array.from(out, (r) => r ?? []);
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Reads the file; refuses an oversized, empty or unreadable one before anything is written. */
export async function readRosterFile(fileName: string, bytes: Buffer): Promise<SheetRows> {
  if (bytes.length > ROSTER_MAX_FILE_BYTES) throw new DomainError('ROSTER_FILE_TOO_LARGE');
  if (bytes.length === 0) throw new DomainError('ROSTER_FILE_EMPTY');
  const lower = fileName.toLowerCase();
  let table: string[][];
  if (isZip(bytes)) table = await fromXlsx(bytes);
  else if (lower.endsWith('.xlsx') || lower.endsWith('.xls')) throw new DomainError('ROSTER_FILE_TYPE');
  else table = fromCsv(bytes);
  const headerIndex = table.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) throw new DomainError('ROSTER_FILE_EMPTY');
  const rows = table
    .map((cells, i) => ({ line: i + 1, cells }))
    .slice(headerIndex + 1)
    .filter((r) => !isBlank(r.cells));
  if (rows.length === 0) throw new DomainError('ROSTER_FILE_EMPTY');
  return { headers: table[headerIndex]!, rows };
}
