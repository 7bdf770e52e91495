import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tradesCsv } from '../../application/backtest/metrics/trades-csv.js';
import type { EquityPoint } from '../../application/backtest/metrics/equity-point.js';
import { renderBacktestReport } from '../../application/backtest/report/backtest-report.js';
import { formatMoney } from '../../domain/values/money.js';
import type { BacktestOutcome } from './run-backtest.js';

export const REPORT_FILES = { html: 'report.html', trades: 'trades.csv', equity: 'equity.csv' } as const;

/** `date,equity` lines, header first, equity in dollars exact to the cent. */
export function equityCsv(equity: readonly EquityPoint[]): string {
  return ['date,equity', ...equity.map((point) => `${point.date},${formatMoney(point.equity)}`)]
    .map((line) => `${line}\n`)
    .join('');
}

/** Writes the HTML report, the trades and the daily equity into `dir` (created if missing); returns the paths. */
export function writeReportFolder(dir: string, outcome: BacktestOutcome, title: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    [
      REPORT_FILES.html,
      renderBacktestReport({
        title,
        results: outcome.results,
        equity: outcome.run.equity,
        configuration: outcome.configuration,
        openingRange: 'minute-bars',
      }),
    ],
    [REPORT_FILES.trades, tradesCsv(outcome.results.trades)],
    [REPORT_FILES.equity, equityCsv(outcome.run.equity)],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}
