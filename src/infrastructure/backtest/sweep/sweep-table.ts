import { formatDollars, formatPercent, formatRatio } from '../../../application/backtest/report/display-format.js';
import { formatTable } from '../../cli/format/table.js';
import type { SweepRunResult } from './sweep-result.js';

/** `minGapPct=3 orMinutes=15`, positionDollars in dollars. */
export function describePoint(point: SweepRunResult['point']): string {
  const parts = Object.entries(point).map(([key, value]) =>
    key === 'positionDollars' && typeof value === 'number' ? `${key}=${value / 1000}` : `${key}=${String(value)}`,
  );
  return parts.length === 0 ? '(configuration)' : parts.join(' ');
}

/** The ranked runs, best first, one line each. */
export function sweepTable(ranked: readonly SweepRunResult[]): string {
  return formatTable(
    ranked.map((result, rank) => ({ rank: rank + 1, result })),
    [
      { header: '#', value: (row) => String(row.rank), align: 'right' },
      { header: 'Settings', value: (row) => describePoint(row.result.point) },
      { header: 'Sharpe', value: (row) => formatRatio(row.result.metrics.sharpe), align: 'right' },
      { header: 'Return', value: (row) => formatPercent(row.result.metrics.totalReturn), align: 'right' },
      { header: 'Net profit', value: (row) => formatDollars(row.result.metrics.netProfit), align: 'right' },
      { header: 'Max DD', value: (row) => formatPercent(-row.result.metrics.maxDrawdown.depth), align: 'right' },
      { header: 'Trades', value: (row) => String(row.result.metrics.trades), align: 'right' },
      { header: 'Errors', value: (row) => String(row.result.applicationErrors), align: 'right' },
    ],
  );
}
