import { create } from 'qrcode/lib/core/qrcode';

/** Light modules around the symbol that scanners need to find its edges (the standard asks for 4). */
export const QUIET_ZONE = 4;

/** UTF-8 bytes of `text`, without TextEncoder (which WeChat's JS engine does not always have). */
export function utf8Bytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(bytes);
}

/** The modules of `text` as a QR code (error correction M), true for dark, with the quiet zone around. */
export function qrMatrix(text: string): boolean[][] {
  // One byte-mode segment of our own bytes: qrcode would otherwise encode the string with TextEncoder.
  const { modules } = create([{ data: utf8Bytes(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const n = modules.size + 2 * QUIET_ZONE;
  return Array.from({ length: n }, (_, row) =>
    Array.from({ length: n }, (_, col) => {
      const r = row - QUIET_ZONE;
      const c = col - QUIET_ZONE;
      return r >= 0 && c >= 0 && r < modules.size && c < modules.size && Boolean(modules.get(r, c));
    }),
  );
}

/** A row as runs of equal modules, so a row draws with a few boxes instead of one per module. */
export function rowRuns(row: readonly boolean[]): { dark: boolean; length: number }[] {
  const runs: { dark: boolean; length: number }[] = [];
  for (const dark of row) {
    const last = runs[runs.length - 1];
    if (last && last.dark === dark) last.length++;
    else runs.push({ dark, length: 1 });
  }
  return runs;
}
