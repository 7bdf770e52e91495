import type { LocalDate } from '../../../domain/values/time.js';
import { niceScale, spreadIndices, type LinearScale } from './chart-scale.js';
import { element, escapeHtml, textElement } from './html.js';

export interface LineChartSpec {
  readonly id: string;
  readonly title: string;
  readonly dates: readonly LocalDate[];
  readonly values: readonly number[];
  readonly formatTick: (value: number) => string;
  readonly yLabel: string;
  /** Shades the area between the line and this value (the zero line of a drawdown chart). */
  readonly fillTo?: number;
}

const WIDTH = 960;
const HEIGHT = 320;
const MARGIN = { top: 40, right: 24, bottom: 56, left: 96 } as const;
const PLOT = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
const X_TICKS = 6;

/**
 * A line chart as inline SVG: one point per trading day, spaced evenly (weekends and holidays take no room),
 * with a y axis of round values, dated x ticks and axis titles. The line is `path.series` with exactly one
 * coordinate pair per value.
 */
export function renderLineChart(spec: LineChartSpec): string {
  const { values } = spec;
  const [low, high] = extent(spec.fillTo === undefined ? values : [...values, spec.fillTo]);
  const y = niceScale(low, high, PLOT.bottom, PLOT.top);
  const x = (index: number): number =>
    values.length <= 1
      ? (PLOT.left + PLOT.right) / 2
      : PLOT.left + (index * (PLOT.right - PLOT.left)) / (values.length - 1);
  const points = values.map((value, index) => `${round(x(index))},${round(y.at(value))}`);
  return element(
    'svg',
    {
      class: 'chart',
      id: spec.id,
      width: WIDTH,
      height: HEIGHT,
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      'aria-label': spec.title,
      'data-points': values.length,
    },
    textElement('title', {}, spec.title),
    textElement('text', { class: 'chart-title', x: PLOT.left, y: 24 }, spec.title),
    yAxis(y, spec),
    xAxis(spec.dates, x),
    spec.fillTo === undefined || points.length === 0 ? '' : area(points, x, y.at(spec.fillTo)),
    points.length === 0 ? '' : element('path', { class: 'series', d: `M${points.join(' L')}` }),
  );
}

function yAxis(y: LinearScale, spec: LineChartSpec): string {
  const ticks = y.ticks.map((value) => {
    const at = round(y.at(value));
    return element(
      'g',
      { class: 'tick' },
      element('line', { class: 'grid', x1: PLOT.left, x2: PLOT.right, y1: at, y2: at }),
      textElement('text', { class: 'y-label', x: PLOT.left - 8, y: at + 4 }, spec.formatTick(value)),
    );
  });
  const title = textElement(
    'text',
    { class: 'axis-title', transform: `translate(16 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)` },
    spec.yLabel,
  );
  const line = element('line', { class: 'axis', x1: PLOT.left, x2: PLOT.left, y1: PLOT.top, y2: PLOT.bottom });
  return element('g', { class: 'y-axis' }, line, ...ticks, title);
}

function xAxis(dates: readonly LocalDate[], x: (index: number) => number): string {
  const indices = spreadIndices(dates.length, X_TICKS);
  const ticks = indices.map((index, k) => {
    const at = round(x(index));
    // The outermost labels hang inwards so they stay inside the drawing.
    const anchor = indices.length < 2 ? 'middle' : k === 0 ? 'start' : k === indices.length - 1 ? 'end' : 'middle';
    return element(
      'g',
      { class: 'tick' },
      element('line', { class: 'axis', x1: at, x2: at, y1: PLOT.bottom, y2: PLOT.bottom + 6 }),
      textElement('text', { class: 'x-label', x: at, y: PLOT.bottom + 22, 'text-anchor': anchor }, dates[index] ?? ''),
    );
  });
  const line = element('line', { class: 'axis', x1: PLOT.left, x2: PLOT.right, y1: PLOT.bottom, y2: PLOT.bottom });
  const title = textElement(
    'text',
    { class: 'axis-title', x: (PLOT.left + PLOT.right) / 2, y: HEIGHT - 8 },
    'Trading day',
  );
  return element('g', { class: 'x-axis' }, line, ...ticks, title);
}

function area(points: readonly string[], x: (index: number) => number, base: number): string {
  const d = `M${round(x(0))},${round(base)} L${points.join(' L')} L${round(x(points.length - 1))},${round(base)} Z`;
  return `<path class="area" d="${escapeHtml(d)}"></path>`;
}

/** The lowest and highest value (0 and 1 for none), without spreading a long series into arguments. */
function extent(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  return values.reduce<[number, number]>(
    ([low, high], v) => [Math.min(low, v), Math.max(high, v)],
    [Infinity, -Infinity],
  );
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
