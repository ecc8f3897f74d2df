/**
 * What a chart shows, independent of how it is drawn: rows of (x, y, series?) in display order.
 * Kept apart from the F2 rendering so it can be tested without a canvas.
 */
export interface ChartRow {
  /** Category on the horizontal axis, e.g. a day "11-03" or a merchant name. */
  x: string;
  /** An integer count or amount in display units (portions, points, yuan). */
  y: number;
  /** Which series the row belongs to (e.g. 发放 / 兑换); omitted for a single series. */
  series?: string;
}

export type ChartKind = 'bar' | 'line';

/** The distinct series in first-seen order; empty for a single-series chart. */
export function seriesOf(rows: readonly ChartRow[]): string[] {
  const seen: string[] = [];
  for (const row of rows) if (row.series !== undefined && !seen.includes(row.series)) seen.push(row.series);
  return seen;
}

/**
 * A one-sentence reading of the chart for people who cannot see it well (and screen readers):
 * the total per series and where the peak is.
 */
export function describeChart(rows: readonly ChartRow[], unit: string): string {
  if (rows.length === 0) return '暂无数据';
  const series = seriesOf(rows);
  const groups =
    series.length === 0
      ? [{ name: '合计', rows }]
      : series.map((name) => ({ name, rows: rows.filter((r) => r.series === name) }));
  return groups
    .map(({ name, rows: rs }) => {
      const total = rs.reduce((sum, r) => sum + r.y, 0);
      const peak = rs.reduce((best, r) => (r.y > best.y ? r : best), rs[0]!);
      return total === 0 ? `${name} 0${unit}` : `${name} ${total}${unit}，最高 ${peak.x}（${peak.y}${unit}）`;
    })
    .join('；');
}
