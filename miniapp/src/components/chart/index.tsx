import { Canvas as TaroCanvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Axis, Canvas, Chart as F2Chart, Interval, Legend, Line, Point, jsx } from '@antv/f2';
import { useEffect, useMemo, useRef } from 'react';
import { describeChart, seriesOf, type ChartKind, type ChartRow } from './spec';
import './index.css';

export type { ChartKind, ChartRow } from './spec';

interface ChartProps {
  kind: ChartKind;
  rows: readonly ChartRow[];
  /** Unit read out in the summary line: 份, 积分, 元. */
  unit: string;
  /** Drawing height in px; the width follows the screen. */
  height?: number;
  title?: string;
}

let nextId = 0;

// F2's jsx() is typed for its own JSX transform, whose generic component types don't unify with a
// plain call; the element shape it returns is the same either way.
const element = jsx as unknown as (type: unknown, props: Record<string, unknown>) => unknown;

// Elderly-readable colours: each holds ≥ 4.5:1 against white for the legend text.
const PALETTE = ['#1d6f42', '#b3471b', '#1f5fa8', '#6b4aa0'];

interface CanvasSize {
  width: number;
  height: number;
  pixelRatio: number;
}

/** Waits (a few frames at most) until `probe` answers, for web components that render late. */
function eventually<T>(probe: () => T | null, frames = 120): Promise<T | null> {
  return new Promise((resolve) => {
    const step = (left: number) => {
      const found = probe();
      if (found || left === 0) resolve(found);
      else requestAnimationFrame(() => step(left - 1));
    };
    step(frames);
  });
}

/** A 2d drawing context for the canvas with this id, its backing store sized for the pixel ratio. */
function canvasContext(
  id: string,
  { width, height, pixelRatio }: CanvasSize,
): Promise<CanvasRenderingContext2D | null> {
  if (process.env.TARO_ENV === 'h5') {
    // Taro's <taro-canvas-core> renders its <canvas> after React commits, then sets the backing size
    // from its width/height props (which clears it): draw only once that has happened.
    return eventually(() => {
      const canvas = document.getElementById(id)?.querySelector('canvas');
      return canvas && canvas.width === width * pixelRatio ? canvas.getContext('2d') : null;
    });
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec(
        (res: Array<{ node?: { width: number; height: number; getContext(t: '2d'): CanvasRenderingContext2D } }>) => {
          const node = res?.[0]?.node;
          if (!node) return resolve(null);
          node.width = width * pixelRatio;
          node.height = height * pixelRatio;
          resolve(node.getContext('2d'));
        },
      );
  });
}

/**
 * A bar or line chart drawn with AntV F2 on a 2d canvas (weapp and H5 alike), with a text
 * summary underneath so the figures can be read without the drawing.
 */
export function Chart({ kind, rows, unit, height = 220, title }: ChartProps) {
  const id = useRef(`linli-chart-${++nextId}`).current;
  const summary = useMemo(() => describeChart(rows, unit), [rows, unit]);
  // Callers often build rows inline: redraw when the figures change, not when the array does.
  const rowsKey = JSON.stringify(rows);
  const size = useMemo<CanvasSize>(() => {
    const { windowWidth, pixelRatio } = Taro.getSystemInfoSync();
    // The card's 16pt padding on each side plus the page's margin; wide H5 windows get a phone-width chart.
    return { width: Math.max(240, Math.min(windowWidth, 480) - 64), height, pixelRatio: Math.round(pixelRatio) || 1 };
  }, [height]);
  const { width, pixelRatio } = size;

  useEffect(() => {
    let cancelled = false;
    let drawn: { destroy(): void } | undefined;
    void canvasContext(id, size).then((context) => {
      if (cancelled || !context || rows.length === 0) return;
      const multi = seriesOf(rows).length > 0;
      const color = multi ? { field: 'series', range: PALETTE } : PALETTE[0];
      const geometry =
        kind === 'bar'
          ? element(Interval, { x: 'x', y: 'y', color, adjust: multi ? 'dodge' : undefined })
          : [element(Line, { x: 'x', y: 'y', color }), element(Point, { x: 'x', y: 'y', color })];
      const chart = element(F2Chart, {
        data: rows.map((r) => ({ ...r })),
        // A month of days would crowd the axis: at most six labels, evenly spread.
        scale: { y: { min: 0, nice: true }, x: { tickCount: Math.min(6, new Set(rows.map((r) => r.x)).size) } },
        children: [
          element(Axis, { field: 'x', style: { label: { fontSize: 14, fill: '#3d434a' } } }),
          element(Axis, { field: 'y', style: { label: { fontSize: 14, fill: '#3d434a' } } }),
          geometry,
          multi ? element(Legend, { position: 'top', nameStyle: { fontSize: 14, fill: '#1f2329' } }) : null,
        ],
      });
      const canvas = new Canvas({ context, pixelRatio, width, height, animate: false, children: chart });
      void canvas.render();
      drawn = canvas;
    });
    return () => {
      cancelled = true;
      drawn?.destroy();
    };
  }, [id, kind, rowsKey, size]); // rowsKey stands for rows

  return (
    <View className="linli-card chart">
      {title ? <Text className="chart__title">{title}</Text> : null}
      {rows.length === 0 ? (
        <Text className="chart__empty">暂无数据</Text>
      ) : (
        <TaroCanvas
          type="2d"
          id={id}
          className="chart__canvas"
          style={{ width: `${width}px`, height: `${height}px` }}
          {...(process.env.TARO_ENV === 'h5'
            ? { width: String(width * pixelRatio), height: String(height * pixelRatio) }
            : {})}
        />
      )}
      <Text className="chart__summary" data-testid="chart-summary">
        {summary}
      </Text>
    </View>
  );
}
