import { describe, expect, it } from 'vitest';
import { dailyReturns, returnRatios } from '../../../../src/application/backtest/metrics/return-ratios.js';
import { cash, equity } from './fills.js';

const START = cash(10_000_000);
// Returns +10 %, -10 %, +10 %.
const SERIES = equity([
  ['2024-03-01', 11_000_000],
  ['2024-03-04', 9_900_000],
  ['2024-03-05', 10_890_000],
]);

describe('returnRatios', () => {
  it('measures daily returns against the previous close, the first against the starting cash', () => {
    const returns = dailyReturns(START, SERIES);
    expect(returns.map((r) => Number(r.toFixed(12)))).toEqual([0.1, -0.1, 0.1]);
  });

  it('computes total return, CAGR over 252-day years, volatility, Sharpe and Sortino', () => {
    const ratios = returnRatios(START, SERIES, 0);
    const mean = 0.1 / 3;
    const deviation = Math.sqrt(((0.2 / 3) ** 2 * 2 + (0.4 / 3) ** 2) / 2);
    const downside = Math.sqrt(0.01 / 3);

    expect(ratios.totalReturn).toBeCloseTo(0.089, 12);
    expect(ratios.cagr).toBeCloseTo(1.089 ** (252 / 3) - 1, 6);
    expect(ratios.volatility).toBeCloseTo(deviation * Math.sqrt(252), 12);
    expect(ratios.sharpe).toBeCloseTo((mean / deviation) * Math.sqrt(252), 12);
    expect(ratios.sortino).toBeCloseTo((mean / downside) * Math.sqrt(252), 12);
  });

  it('subtracts a compounded daily risk-free rate', () => {
    const rf = 1.05 ** (1 / 252) - 1;
    const ratios = returnRatios(START, SERIES, 0.05);
    const deviation = Math.sqrt(((0.2 / 3) ** 2 * 2 + (0.4 / 3) ** 2) / 2);
    expect(ratios.sharpe).toBeCloseTo(((0.1 / 3 - rf) / deviation) * Math.sqrt(252), 12);
  });

  it('gives null where a ratio is undefined: one day, no movement, no losing day', () => {
    expect(returnRatios(START, equity([['2024-03-01', 10_100_000]]), 0)).toMatchObject({
      volatility: null,
      sharpe: null,
      sortino: null,
    });
    const flat = equity([
      ['2024-03-01', 10_000_000],
      ['2024-03-04', 10_000_000],
    ]);
    expect(returnRatios(START, flat, 0)).toMatchObject({ totalReturn: 0, volatility: 0, sharpe: null, sortino: null });
    const rising = equity([
      ['2024-03-01', 10_100_000],
      ['2024-03-04', 10_300_000],
    ]);
    expect(returnRatios(START, rising, 0).sortino).toBeNull();
    expect(returnRatios(START, [], 0)).toMatchObject({ totalReturn: 0, cagr: null });
  });
});
