import { describe, expect, it } from 'vitest';
import { drawdownSeries, maxDrawdown } from '../../../../src/application/backtest/metrics/drawdown.js';
import { cash, equity } from './fills.js';

const START = cash(10_000_000);

describe('maxDrawdown', () => {
  it('finds the deepest fall, its dates and the trading days from peak to recovery', () => {
    const series = equity([
      ['2024-03-01', 10_500_000],
      ['2024-03-04', 10_000_000],
      ['2024-03-05', 12_000_000],
      ['2024-03-06', 10_800_000],
      ['2024-03-07', 9_000_000],
      ['2024-03-08', 11_000_000],
      ['2024-03-11', 12_000_000],
      ['2024-03-12', 12_500_000],
    ]);

    expect(maxDrawdown(START, series)).toEqual({
      depth: 0.25,
      amount: 3_000_000,
      peakDate: '2024-03-05',
      troughDate: '2024-03-07',
      recoveryDate: '2024-03-11',
      durationDays: 4,
    });
  });

  it('runs an unrecovered drawdown to the last day, and counts from the starting cash', () => {
    const series = equity([
      ['2024-03-01', 9_500_000],
      ['2024-03-04', 9_000_000],
      ['2024-03-05', 9_800_000],
    ]);

    expect(maxDrawdown(START, series)).toEqual({
      depth: 0.1,
      amount: 1_000_000,
      peakDate: null,
      troughDate: '2024-03-04',
      recoveryDate: null,
      durationDays: 3,
    });
  });

  it('reports no drawdown for a series that never falls', () => {
    const series = equity([
      ['2024-03-01', 10_000_000],
      ['2024-03-04', 10_100_000],
    ]);
    expect(maxDrawdown(START, series)).toMatchObject({ depth: 0, amount: 0, durationDays: 0, troughDate: null });
  });
});

describe('drawdownSeries', () => {
  it('gives every day its distance below the running peak', () => {
    const series = equity([
      ['2024-03-01', 9_000_000],
      ['2024-03-04', 12_000_000],
      ['2024-03-05', 9_000_000],
    ]);
    expect(drawdownSeries(START, series)).toEqual([
      { date: '2024-03-01', drawdown: -0.1 },
      { date: '2024-03-04', drawdown: 0 },
      { date: '2024-03-05', drawdown: -0.25 },
    ]);
  });
});
