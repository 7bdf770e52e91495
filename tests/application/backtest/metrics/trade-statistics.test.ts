import { describe, expect, it } from 'vitest';
import { exposure } from '../../../../src/application/backtest/metrics/exposure.js';
import { roundTrips } from '../../../../src/application/backtest/metrics/round-trips.js';
import { tradeStatistics } from '../../../../src/application/backtest/metrics/trade-statistics.js';
import { CBA, equity, fill } from './fills.js';

/** Three closed trades (+3,988, -2,012, -12.001 ... in mills below) and one open trade. */
const FILLS = [
  fill({ on: '2024-03-01', side: 'BUY', shares: 100, price: 45000, commission: 6000 }),
  fill({ on: '2024-03-04', side: 'SELL', shares: 100, price: 45100, commission: 6000 }),
  fill({ on: '2024-03-05', side: 'BUY', shares: 100, price: 45000, commission: 6000, instrument: CBA }),
  fill({ on: '2024-03-05', time: '14:00', side: 'SELL', shares: 100, price: 44920, commission: 6001, instrument: CBA }),
  fill({ on: '2024-03-07', side: 'BUY', shares: 10, price: 45000, commission: 6000 }),
  fill({ on: '2024-03-08', side: 'SELL', shares: 10, price: 45000, commission: 6000 }),
  fill({ on: '2024-03-12', side: 'BUY', shares: 10, price: 45000, commission: 6000, instrument: CBA }),
];

describe('tradeStatistics', () => {
  it('counts wins and losses of closed trades and averages them to the mill', () => {
    const stats = tradeStatistics(roundTrips(FILLS));
    // Results: BHP +10,000 - 12,000 = -2,000; CBA -8,000 - 12,001 = -20,001; BHP 0 - 12,000 = -12,000.
    expect(stats).toEqual({
      trades: 3,
      openTrades: 1,
      wins: 0,
      losses: 3,
      winRate: 0,
      averageWin: null,
      averageLoss: -11334,
      expectancy: -11334,
      profitFactor: 0,
      realisedPnl: -34001,
    });
  });

  it('gives the profit factor as gross profit over gross loss', () => {
    const fills = [
      fill({ on: '2024-03-01', side: 'BUY', shares: 100, price: 45000, commission: 0 }),
      fill({ on: '2024-03-04', side: 'SELL', shares: 100, price: 45300, commission: 0 }),
      fill({ on: '2024-03-05', side: 'BUY', shares: 100, price: 45000, commission: 0 }),
      fill({ on: '2024-03-06', side: 'SELL', shares: 100, price: 44900, commission: 0 }),
    ];
    expect(tradeStatistics(roundTrips(fills))).toMatchObject({
      wins: 1,
      losses: 1,
      winRate: 0.5,
      averageWin: 30000,
      averageLoss: -10000,
      expectancy: 10000,
      profitFactor: 3,
    });
  });
});

describe('exposure', () => {
  it('counts each trading day with a position once, open trades running to the last day', () => {
    const days = equity(
      [
        '2024-03-01',
        '2024-03-04',
        '2024-03-05',
        '2024-03-06',
        '2024-03-07',
        '2024-03-08',
        '2024-03-11',
        '2024-03-12',
        '2024-03-13',
        '2024-03-14',
      ].map((date) => [date, 10_000_000] as const),
    );
    // Held: 1 and 4 March (BHP), 5 March (CBA, same day), 7-8 March, 12-14 March (open) = 8 of 10 days.
    expect(exposure(roundTrips(FILLS), days)).toBe(0.8);
    expect(exposure([], days)).toBe(0);
    expect(exposure(roundTrips(FILLS), [])).toBe(0);
  });
});
