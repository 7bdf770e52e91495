import { describe, expect, it } from 'vitest';
import { computeBacktestMetrics } from '../../../../src/application/backtest/metrics/backtest-metrics.js';
import { InvalidValue } from '../../../../src/domain/errors/invalid-value.error.js';
import { cash, equity, fill } from './fills.js';

describe('computeBacktestMetrics', () => {
  const fills = [
    fill({ on: '2024-03-01', side: 'BUY', shares: 100, price: 45000, commission: 6000 }),
    fill({ on: '2024-03-05', side: 'SELL', shares: 100, price: 46000, commission: 6000, purpose: 'stop' }),
  ];
  const series = equity([
    ['2024-02-29', 10_000_000],
    ['2024-03-01', 9_994_000],
    ['2024-03-04', 10_094_000],
    ['2024-03-05', 10_088_000],
    ['2024-03-06', 10_088_000],
  ]);

  it('brings trades, returns, drawdown, exposure and the monthly table together', () => {
    const { metrics, trades, monthly, drawdowns } = computeBacktestMetrics({
      startingCash: cash(10_000_000),
      fills,
      equity: series,
    });

    expect(trades).toHaveLength(1);
    expect(metrics).toMatchObject({
      startingCash: 10_000_000,
      endingEquity: 10_088_000,
      netProfit: 88_000,
      realisedPnl: 88_000,
      commissions: 12_000,
      tradingDays: 5,
      trades: 1,
      wins: 1,
      riskFreeRate: 0,
      exposure: 3 / 5,
    });
    expect(metrics.totalReturn).toBeCloseTo(0.0088, 12);
    expect(metrics.maxDrawdown).toMatchObject({ peakDate: '2024-02-29', troughDate: '2024-03-01', durationDays: 2 });
    expect(monthly.months.map((m) => m.month)).toEqual(['2024-02', '2024-03']);
    expect(drawdowns).toHaveLength(5);
  });

  it('refuses an equity series that goes backwards or to zero', () => {
    const backwards = equity([
      ['2024-03-04', 10_000_000],
      ['2024-03-01', 10_000_000],
    ]);
    expect(() => computeBacktestMetrics({ startingCash: cash(10_000_000), fills: [], equity: backwards })).toThrow(
      InvalidValue,
    );
    const zero = equity([['2024-03-04', 0]]);
    expect(() => computeBacktestMetrics({ startingCash: cash(10_000_000), fills: [], equity: zero })).toThrow(
      /positive/,
    );
  });
});
