import type { BacktestMetrics } from '../metrics/backtest-metrics.js';
import { formatDollars, formatOptionalDollars, formatPercent, formatRatio, NONE, signClass } from './display-format.js';
import { element, textElement } from './html.js';

interface Row {
  readonly label: string;
  readonly value: string;
  readonly sign?: number | null;
}

/** The headline figures, one row each. */
export function renderMetricsTable(metrics: BacktestMetrics): string {
  const rows = metricRows(metrics).map((row) =>
    element(
      'tr',
      {},
      textElement('th', { scope: 'row' }, row.label),
      textElement('td', { class: row.sign === undefined ? undefined : signClass(row.sign) }, row.value),
    ),
  );
  return element('table', { id: 'metrics', class: 'metrics' }, element('tbody', {}, ...rows));
}

function metricRows(m: BacktestMetrics): Row[] {
  const drawdown = m.maxDrawdown;
  return [
    { label: 'Starting cash', value: formatDollars(m.startingCash) },
    { label: 'Ending equity', value: formatDollars(m.endingEquity) },
    { label: 'Net profit', value: formatDollars(m.netProfit), sign: m.netProfit },
    { label: 'Realised P&L (closed trades)', value: formatDollars(m.realisedPnl), sign: m.realisedPnl },
    { label: 'Commissions', value: formatDollars(m.commissions) },
    { label: 'Total return', value: formatPercent(m.totalReturn), sign: m.totalReturn },
    { label: 'CAGR (252 trading days a year)', value: formatPercent(m.cagr), sign: m.cagr },
    { label: 'Annualised volatility', value: formatPercent(m.volatility) },
    { label: `Sharpe ratio (risk-free ${formatPercent(m.riskFreeRate)})`, value: formatRatio(m.sharpe) },
    { label: 'Sortino ratio', value: formatRatio(m.sortino) },
    { label: 'Max drawdown', value: `${formatPercent(-drawdown.depth)} (${formatDollars(drawdown.amount)})` },
    { label: 'Drawdown peak / trough', value: `${drawdown.peakDate ?? 'start'} / ${drawdown.troughDate ?? NONE}` },
    { label: 'Drawdown recovered on', value: drawdown.recoveryDate ?? (drawdown.depth === 0 ? NONE : 'not recovered') },
    { label: 'Drawdown duration (trading days)', value: String(drawdown.durationDays) },
    { label: 'Closed trades', value: String(m.trades) },
    { label: 'Open trades at the end', value: String(m.openTrades) },
    { label: 'Win rate', value: formatPercent(m.winRate) },
    { label: 'Average win', value: formatOptionalDollars(m.averageWin) },
    { label: 'Average loss', value: formatOptionalDollars(m.averageLoss) },
    { label: 'Expectancy per trade', value: formatOptionalDollars(m.expectancy), sign: m.expectancy },
    { label: 'Profit factor', value: formatRatio(m.profitFactor) },
    { label: 'Exposure (days with a position)', value: formatPercent(m.exposure) },
    { label: 'Trading days', value: String(m.tradingDays) },
  ];
}
