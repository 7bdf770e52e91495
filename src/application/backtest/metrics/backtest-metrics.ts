import type { Fill } from '../../../domain/orders/fill.js';
import { money, type Money } from '../../../domain/values/money.js';
import { drawdownSeries, maxDrawdown, type DrawdownPoint, type MaxDrawdown } from './drawdown.js';
import { requireValidEquity, type EquityPoint } from './equity-point.js';
import { exposure } from './exposure.js';
import { monthlyReturns, type MonthlyReturns } from './monthly-returns.js';
import { returnRatios, type ReturnRatios } from './return-ratios.js';
import { roundTrips, type ExitReasonOf } from './round-trips.js';
import { tradeStatistics, type TradeStatistics } from './trade-statistics.js';
import type { Trade } from './trade.js';

export interface MetricsInput {
  readonly startingCash: Money;
  /** Every fill of the run, in any order. */
  readonly fills: readonly Fill[];
  /** End-of-day equity, one point per trading day, oldest first. */
  readonly equity: readonly EquityPoint[];
  /** Annual risk-free rate for Sharpe and Sortino (0.04 = 4 %); default 0. */
  readonly riskFreeRate?: number;
  readonly exitReasonOf?: ExitReasonOf;
}

export interface BacktestMetrics extends ReturnRatios, TradeStatistics {
  readonly startingCash: Money;
  readonly endingEquity: Money;
  /** Ending equity - starting cash (includes open positions at their last mark). */
  readonly netProfit: Money;
  /** Every commission paid, open trades included. */
  readonly commissions: Money;
  readonly tradingDays: number;
  readonly riskFreeRate: number;
  readonly maxDrawdown: MaxDrawdown;
  /** Share of trading days with a position. */
  readonly exposure: number;
}

export interface BacktestResults {
  readonly metrics: BacktestMetrics;
  readonly trades: readonly Trade[];
  readonly monthly: MonthlyReturns;
  readonly drawdowns: readonly DrawdownPoint[];
}

/**
 * Everything a backtest report shows, from the run's fills and its daily equity. Money stays in exact mills;
 * ratios are floats.
 */
export function computeBacktestMetrics(input: MetricsInput): BacktestResults {
  const { startingCash, equity } = input;
  requireValidEquity(startingCash, equity);
  const riskFreeRate = input.riskFreeRate ?? 0;
  const trades = roundTrips(input.fills, input.exitReasonOf);
  const endingEquity = equity[equity.length - 1]?.equity ?? startingCash;
  const metrics: BacktestMetrics = {
    startingCash,
    endingEquity,
    netProfit: money(endingEquity - startingCash),
    commissions: money(input.fills.reduce((sum, fill) => sum + fill.commission, 0)),
    tradingDays: equity.length,
    riskFreeRate,
    ...returnRatios(startingCash, equity, riskFreeRate),
    ...tradeStatistics(trades),
    maxDrawdown: maxDrawdown(startingCash, equity),
    exposure: exposure(trades, equity),
  };
  return {
    metrics,
    trades,
    monthly: monthlyReturns(startingCash, equity),
    drawdowns: drawdownSeries(startingCash, equity),
  };
}
