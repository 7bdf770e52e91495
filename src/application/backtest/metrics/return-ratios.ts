import { equityBases, type EquityPoint } from './equity-point.js';
import type { Money } from '../../../domain/values/money.js';

/** ASX trading days in a year, the convention for annualising daily figures. */
export const TRADING_DAYS_PER_YEAR = 252;

export interface ReturnRatios {
  readonly totalReturn: number;
  /** Compound annual growth over the series' trading days; null without any day. */
  readonly cagr: number | null;
  /** Standard deviation of daily returns (sample), annualised; null with fewer than two days. */
  readonly volatility: number | null;
  readonly sharpe: number | null;
  readonly sortino: number | null;
}

/** Daily returns: each day's close against the day before (the first day against the starting cash). */
export function dailyReturns(startingCash: Money, equity: readonly EquityPoint[]): number[] {
  const bases = equityBases(startingCash, equity);
  return equity.map((point, i) => {
    const base = bases[i] ?? startingCash;
    return (point.equity - base) / base;
  });
}

/**
 * Return and risk figures from daily equity. `riskFreeRate` is annual (0.04 = 4 %) and is turned into a
 * daily rate by compounding over 252 days. Sharpe divides the mean excess daily return by the sample
 * deviation; Sortino by the downside deviation (root mean square of the negative excess returns over all
 * days); both are annualised by the square root of 252. A ratio whose denominator is zero is null.
 */
export function returnRatios(startingCash: Money, equity: readonly EquityPoint[], riskFreeRate: number): ReturnRatios {
  const returns = dailyReturns(startingCash, equity);
  const last = equity[equity.length - 1]?.equity ?? startingCash;
  const growth = last / startingCash;
  const n = returns.length;
  const riskFreeDaily = (1 + riskFreeRate) ** (1 / TRADING_DAYS_PER_YEAR) - 1;
  const mean = n === 0 ? 0 : returns.reduce((a, r) => a + r, 0) / n;
  const deviation = n < 2 ? 0 : Math.sqrt(returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (n - 1));
  const downside = n === 0 ? 0 : Math.sqrt(returns.reduce((a, r) => a + Math.min(0, r - riskFreeDaily) ** 2, 0) / n);
  const annualise = Math.sqrt(TRADING_DAYS_PER_YEAR);
  return {
    totalReturn: (last - startingCash) / startingCash,
    cagr: n === 0 ? null : growth ** (TRADING_DAYS_PER_YEAR / n) - 1,
    volatility: n < 2 ? null : deviation * annualise,
    sharpe: n < 2 || deviation === 0 ? null : ((mean - riskFreeDaily) / deviation) * annualise,
    sortino: n < 2 || downside === 0 ? null : ((mean - riskFreeDaily) / downside) * annualise,
  };
}
