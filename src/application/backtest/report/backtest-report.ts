import { money } from '../../../domain/values/money.js';
import type { BacktestResults } from '../metrics/backtest-metrics.js';
import type { EquityPoint } from '../metrics/equity-point.js';
import { formatDollars, formatPercent } from './display-format.js';
import { element, escapeHtml, textElement } from './html.js';
import { LAYOUT_PROBE_SCRIPT } from './layout-probe.js';
import { renderLineChart } from './line-chart.js';
import { renderMetricsTable } from './metrics-table.js';
import { renderMonthlyTable } from './monthly-table.js';
import { REPORT_STYLE } from './report-style.js';
import { renderTradesTable } from './trades-table.js';

/** Where the opening range came from: real minute bars, or an approximation from daily high and low. */
export type OpeningRangeSource = 'minute-bars' | 'approximated-from-daily';

export interface BacktestReportInput {
  readonly title: string;
  readonly results: BacktestResults;
  /** The daily equity the results were computed from. */
  readonly equity: readonly EquityPoint[];
  /** The exact configuration of the run (strategy, risk, costs, data), as plain JSON-serialisable data. */
  readonly configuration: unknown;
  readonly openingRange: OpeningRangeSource;
}

/**
 * The backtest report as one self-contained HTML page: inline CSS and SVG, no scripts or fonts from
 * anywhere else, so it opens the same offline. The caller writes it to a file.
 */
export function renderBacktestReport(input: BacktestReportInput): string {
  const { results, equity } = input;
  const dates = equity.map((point) => point.date);
  const first = dates[0];
  const last = dates[dates.length - 1];
  const period = first === undefined || last === undefined ? 'no trading days' : `${first} to ${last}`;
  const body = [
    textElement('h1', {}, input.title),
    textElement('p', { class: 'subtitle' }, `${period} · ${results.metrics.tradingDays} trading days`),
    openingRangeNotice(input.openingRange),
    textElement('h2', {}, 'Equity'),
    renderLineChart({
      id: 'equity-chart',
      title: 'Equity at each close',
      dates,
      values: equity.map((point) => point.equity / 1000),
      formatTick: (dollars) => formatDollars(money(Math.round(dollars * 1000))).replace(/\.00$/, ''),
      yLabel: 'Equity (AUD)',
    }),
    renderLineChart({
      id: 'drawdown-chart',
      title: 'Drawdown from the running peak',
      dates: results.drawdowns.map((point) => point.date),
      values: results.drawdowns.map((point) => point.drawdown),
      formatTick: (fraction) => formatPercent(fraction, 1),
      yLabel: 'Drawdown',
      fillTo: 0,
    }),
    textElement('h2', {}, 'Metrics'),
    renderMetricsTable(results.metrics),
    textElement('h2', {}, 'Monthly returns'),
    renderMonthlyTable(results.monthly),
    textElement('h2', {}, `Trades (${results.trades.length})`),
    renderTradesTable(results.trades),
    textElement('h2', {}, 'Configuration'),
    element(
      'pre',
      { id: 'configuration' },
      element('code', {}, escapeHtml(JSON.stringify(input.configuration ?? null, null, 2))),
    ),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script>${LAYOUT_PROBE_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function openingRangeNotice(source: OpeningRangeSource): string {
  if (source === 'minute-bars') return '';
  return textElement(
    'p',
    { class: 'notice', id: 'opening-range-approximated' },
    'Opening range approximated from daily bars: no minute bars were available, so the opening range high and ' +
      'low were estimated from each day\u2019s daily high and low. Entries, stops and fills are less accurate ' +
      'than with minute data.',
  );
}
