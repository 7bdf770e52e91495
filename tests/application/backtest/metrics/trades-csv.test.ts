import { describe, expect, it } from 'vitest';
import { roundTrips } from '../../../../src/application/backtest/metrics/round-trips.js';
import { tradesCsv, tradesCsvLines } from '../../../../src/application/backtest/metrics/trades-csv.js';
import { CBA, fill } from './fills.js';

describe('trades CSV', () => {
  it('writes a header and one exact line per trade, open trades with empty exit fields', () => {
    const trades = roundTrips([
      fill({ on: '2024-03-01', side: 'BUY', shares: 3, price: 45200, commission: 6000 }),
      fill({ on: '2024-03-06', side: 'SELL', shares: 1, price: 46000, commission: 6000, purpose: 'day3_half' }),
      fill({ on: '2024-03-12', side: 'SELL', shares: 2, price: 45810, commission: 6000, purpose: 'sma_trail' }),
      fill({ on: '2024-03-13', side: 'BUY', shares: 1000, price: 1235, commission: 6000, instrument: CBA }),
    ]);

    expect([...tradesCsvLines(trades)]).toEqual([
      'symbol,conid,status,entry_date,exit_date,quantity,held,entry_price,exit_price,cost,proceeds,commissions,net_pnl,return_on_cost,exits',
      'BHP,4036812,closed,2024-03-01,2024-03-12,3,0,45.200,45.873,135.60,137.62,18.00,-15.98,-0.117847,2024-03-06:1@46.00:day3_half;2024-03-12:2@45.81:sma_trail',
      'CBA,4036818,open,2024-03-13,,1000,1000,1.235,,1235.00,0.00,6.00,,,',
    ]);
    expect(tradesCsv(trades).split('\n')).toHaveLength(4);
    expect(tradesCsv([])).toBe(`${[...tradesCsvLines([])][0] ?? ''}\n`);
  });
});
