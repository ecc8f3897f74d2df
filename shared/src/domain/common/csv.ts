/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; a BOM lets Excel read UTF-8. */
export function toCsv(rows: (string | number | undefined)[][]): string {
  const field = (v: string | number | undefined) => {
    const text = v === undefined ? '' : String(v);
    // A leading = + - @ (or tab, CR) would run as a formula in a spreadsheet.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
