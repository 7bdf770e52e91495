import type { BacktestMetrics } from '../../application/backtest/metrics/backtest-metrics.js';
import { formatDollars, formatPercent, formatRatio } from '../../application/backtest/report/display-format.js';
import { formatTable } from '../cli/format/table.js';
import type { BacktestOutcome } from './run-backtest.js';

type Row = readonly [string, string];

function metricRows(metrics: BacktestMetrics): Row[] {
  return [
    ['Starting cash', formatDollars(metrics.startingCash)],
    ['Ending equity', formatDollars(metrics.endingEquity)],
    ['Net profit', formatDollars(metrics.netProfit)],
    ['Total return', formatPercent(metrics.totalReturn)],
    ['CAGR', formatPercent(metrics.cagr)],
    ['Sharpe', formatRatio(metrics.sharpe)],
    ['Sortino', formatRatio(metrics.sortino)],
    ['Max drawdown', formatPercent(-metrics.maxDrawdown.depth)],
    ['Trades (closed / open)', `${metrics.trades} / ${metrics.openTrades}`],
    ['Win rate', formatPercent(metrics.winRate)],
    ['Profit factor', formatRatio(metrics.profitFactor)],
    ['Commissions', formatDollars(metrics.commissions)],
    ['Exposure', formatPercent(metrics.exposure)],
    ['Trading days', String(metrics.tradingDays)],
  ];
}

/** The run's headline metrics as a two-column table, plus the bar count and any application errors. */
export function summaryTable(outcome: BacktestOutcome): string {
  const rows: Row[] = [
    ...metricRows(outcome.results.metrics),
    ['Bars read / replayed', `${outcome.run.barsRead} / ${outcome.run.barsReplayed}`],
    ['Application errors', String(outcome.applicationErrors.count)],
  ];
  return formatTable(rows, [
    { header: 'Metric', value: (row) => row[0] },
    { header: 'Value', value: (row) => row[1], align: 'right' },
  ]);
}
