import iconv from 'iconv-lite';
import { decodeGbk, decodeText } from '../../functions/src/roster/file-reader';

/**
 * The roster's GBK decoding moved from iconv-lite to node's WHATWG decoder (file-reader.ts says
 * why). These codes are the only ones that decode differently: GB18030-2022 gave them the
 * standard code points (vertical punctuation forms and CJK ideographs of Unicode 4.1) where
 * iconv-lite's tables, like GB18030-2005, still give private-use ones.
 */
const GB18030_2022_REMAPPED: Readonly<Record<number, { iconvLite: number; now: number }>> = {
  0xa6d9: { iconvLite: 0xe78d, now: 0xfe10 },
  0xa6da: { iconvLite: 0xe78e, now: 0xfe12 },
  0xa6db: { iconvLite: 0xe78f, now: 0xfe11 },
  0xa6dc: { iconvLite: 0xe790, now: 0xfe13 },
  0xa6dd: { iconvLite: 0xe791, now: 0xfe14 },
  0xa6de: { iconvLite: 0xe792, now: 0xfe15 },
  0xa6df: { iconvLite: 0xe793, now: 0xfe16 },
  0xa6ec: { iconvLite: 0xe794, now: 0xfe17 },
  0xa6ed: { iconvLite: 0xe795, now: 0xfe18 },
  0xa6f3: { iconvLite: 0xe796, now: 0xfe19 },
  0xfe59: { iconvLite: 0xe81e, now: 0x9fb4 },
  0xfe61: { iconvLite: 0xe826, now: 0x9fb5 },
  0xfe66: { iconvLite: 0xe82b, now: 0x9fb6 },
  0xfe67: { iconvLite: 0xe82c, now: 0x9fb7 },
  0xfe6d: { iconvLite: 0xe832, now: 0x9fb8 },
  0xfe7e: { iconvLite: 0xe843, now: 0x9fb9 },
  0xfe90: { iconvLite: 0xe854, now: 0x9fba },
  0xfea0: { iconvLite: 0xe864, now: 0x9fbb },
};

/** Every GBK double-byte code: lead 0x81–0xFE, trail 0x40–0xFE except 0x7F. */
function gbkDoubleByteCodes(): number[] {
  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) if (trail !== 0x7f) codes.push((lead << 8) | trail);
  }
  return codes;
}

const bytesOf = (code: number) => Buffer.from([code >> 8, code & 0xff]);
const hex = (code: number) => code.toString(16).toUpperCase();

describe('GBK decoding without iconv-lite', () => {
  it('decodes every ASCII byte as iconv-lite does', () => {
    for (let byte = 0; byte < 0x80; byte += 1) {
      expect(decodeGbk(Buffer.from([byte]))).toBe(iconv.decode(Buffer.from([byte]), 'gbk'));
    }
  });

  it('decodes every GBK double-byte code as iconv-lite does, but for the 18 codes GB18030-2022 remapped', () => {
    const codes = gbkDoubleByteCodes();
    expect(codes).toHaveLength(126 * 190);
    const differing: string[] = [];
    for (const code of codes) {
      const ours = decodeGbk(bytesOf(code));
      const theirs = iconv.decode(bytesOf(code), 'gbk');
      if (ours !== theirs) {
        differing.push(`${hex(code)}: ${hex(theirs.codePointAt(0)!)} → ${hex(ours.codePointAt(0) ?? 0)}`);
      }
    }
    expect(differing).toEqual(
      Object.entries(GB18030_2022_REMAPPED).map(
        ([code, { iconvLite, now }]) => `${hex(Number(code))}: ${hex(iconvLite)} → ${hex(now)}`,
      ),
    );
  });

  it('decodes all the codes in one run of text as one by one', () => {
    const codes = gbkDoubleByteCodes();
    // ASCII between the codes, as in a CSV: a decoder that lost its place would show it here.
    const bytes = Buffer.concat(codes.map((code) => Buffer.concat([bytesOf(code), Buffer.from(',')])));
    const expected = codes
      .map((code) => {
        const remapped = GB18030_2022_REMAPPED[code];
        return `${remapped ? String.fromCodePoint(remapped.now) : iconv.decode(bytesOf(code), 'gbk')},`;
      })
      .join('');
    expect(decodeGbk(bytes) === expected).toBe(true);
  });

  it('shows a byte that starts no GBK code as a replacement character, as iconv-lite does', () => {
    for (const bytes of [
      [0x61, 0xff, 0x62],
      [0x61, 0x80],
      [0x81, 0x20],
      [0x61, 0x81],
    ]) {
      expect(decodeGbk(Buffer.from(bytes))).toBe(iconv.decode(Buffer.from(bytes), 'gbk'));
    }
  });

  it('tries UTF-8 first: GBK only when the bytes are not UTF-8, a BOM dropped either way', () => {
    const gbk = iconv.encode('1号楼,王桂芳', 'gbk');
    expect(decodeText(gbk)).toBe('1号楼,王桂芳');
    expect(decodeText(Buffer.from('1号楼,王桂芳'))).toBe('1号楼,王桂芳');
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('楼栋')]))).toBe('楼栋');
    // GBK C2A0 is also UTF-8 for U+00A0: valid UTF-8 wins, as before.
    expect(decodeText(Buffer.from([0xc2, 0xa0]))).toBe('\u00a0');
  });
});
