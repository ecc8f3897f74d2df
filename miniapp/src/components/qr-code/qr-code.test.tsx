import { render, screen } from '@testing-library/react';
import jsQR from 'jsqr';
import { qrMatrix, QUIET_ZONE, rowRuns, utf8Bytes } from './matrix';
import { QrCode } from '.';

const payload = 'linli:checkin:01JD2X7Q8M5V3N9K4T6R2W1YZB:K7M2QX';

/** Paints a matrix as an RGBA image, `scale` pixels per module, for a QR reader. */
function paint(matrix: boolean[][], scale = 4) {
  const side = matrix.length * scale;
  const data = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const v = matrix[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255;
      data.set([v, v, v, 255], (y * side + x) * 4);
    }
  }
  return { data, side };
}

/** The 7×7 finder pattern's top row: all dark. */
const finderRow = (row: boolean[], from: number) => row.slice(from, from + 7).every(Boolean);

describe('QR code', () => {
  it('encodes a check-in payload as a square matrix with a light quiet zone', () => {
    const matrix = qrMatrix(payload);
    const n = matrix.length;

    expect(matrix.every((row) => row.length === n)).toBe(true);
    // Version 1 is 21 modules, each further version adds 4.
    expect((n - 2 * QUIET_ZONE - 21) % 4).toBe(0);
    expect(matrix[0]!.some(Boolean)).toBe(false);
    expect(matrix[n - 1]!.some(Boolean)).toBe(false);
    expect(matrix.every((row) => !row[0] && !row[n - 1])).toBe(true);
  });

  it('reads back as the payload in a QR reader', () => {
    const { data, side } = paint(qrMatrix(payload));

    expect(jsQR(data, side, side)?.data).toBe(payload);
  });

  it('has the three finder patterns in their corners', () => {
    const matrix = qrMatrix(payload);
    const n = matrix.length;
    const top = matrix[QUIET_ZONE]!;

    expect(finderRow(top, QUIET_ZONE)).toBe(true);
    expect(finderRow(top, n - QUIET_ZONE - 7)).toBe(true);
    expect(finderRow(matrix[n - QUIET_ZONE - 1]!, QUIET_ZONE)).toBe(true);
    // The separator row under the top-left finder is light.
    expect(matrix[QUIET_ZONE + 7]!.slice(QUIET_ZONE, QUIET_ZONE + 8).some(Boolean)).toBe(false);
  });

  it('gives different payloads different codes', () => {
    expect(qrMatrix(payload)).not.toEqual(qrMatrix(payload.replace('K7M2QX', 'K7M2QY')));
  });

  it('encodes text as UTF-8 the way TextEncoder does', () => {
    const text = 'linli:签到✓😀';
    expect(Array.from(utf8Bytes(text))).toEqual(Array.from(Buffer.from(text, 'utf8')));
  });

  it('groups a row into runs that add up to the row', () => {
    expect(rowRuns([true, true, false, true, false, false])).toEqual([
      { dark: true, length: 2 },
      { dark: false, length: 1 },
      { dark: true, length: 1 },
      { dark: false, length: 2 },
    ]);
  });

  it('renders one row per module row, each row’s runs spanning the full width', () => {
    render(<QrCode text={payload} label="王桂芳的签到二维码" />);

    const code = screen.getByRole('img', { name: '王桂芳的签到二维码' });
    const n = qrMatrix(payload).length;
    const rows = Array.from(code.querySelectorAll('.qr-code__row'));
    expect(rows).toHaveLength(n);
    for (const row of rows) {
      const widths = Array.from(row.children).map((run) => Number((run as HTMLElement).style.flexGrow));
      expect(widths.reduce((a, b) => a + b, 0)).toBe(n);
    }
    expect(code.querySelectorAll('.qr-code__run--dark').length).toBeGreaterThan(n);
  });
});
