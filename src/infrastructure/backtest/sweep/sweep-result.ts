import type { BacktestMetrics } from '../../../application/backtest/metrics/backtest-metrics.js';
import type { SweepPoint } from './sweep-grid.js';

/** What a sweep keeps of one run: small, plain data that crosses the worker boundary. */
export interface SweepRunResult {
  readonly index: number;
  readonly point: SweepPoint;
  readonly metrics: BacktestMetrics;
  readonly applicationErrors: number;
}

/** Best first: higher Sharpe (a run without one last), then higher total return, then grid order. */
export function rankRuns(results: readonly SweepRunResult[]): SweepRunResult[] {
  const sharpe = (result: SweepRunResult): number => result.metrics.sharpe ?? Number.NEGATIVE_INFINITY;
  return [...results].sort(
    (a, b) => sharpe(b) - sharpe(a) || b.metrics.totalReturn - a.metrics.totalReturn || a.index - b.index,
  );
}
