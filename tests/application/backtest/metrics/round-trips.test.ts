import { describe, expect, it } from 'vitest';
import { roundTrips } from '../../../../src/application/backtest/metrics/round-trips.js';
import { InvalidValue } from '../../../../src/domain/errors/invalid-value.error.js';
import { BHP, CBA, fill } from './fills.js';

describe('roundTrips', () => {
  it('joins partial entry fills, the day-3 half and the trail exit into one closed trade', () => {
    const fills = [
      fill({ on: '2024-03-01', time: '10:06', side: 'BUY', shares: 60, price: 45200 }),
      fill({ on: '2024-03-01', time: '10:07', side: 'BUY', shares: 50, price: 45210, commission: 0 }),
      fill({ on: '2024-03-06', side: 'SELL', shares: 55, price: 46000, purpose: 'day3_half' }),
      fill({ on: '2024-03-12', side: 'SELL', shares: 55, price: 45800, purpose: 'sma_trail' }),
    ];

    const [trade, ...others] = roundTrips(fills);

    expect(others).toEqual([]);
    expect(trade).toMatchObject({
      instrument: BHP,
      status: 'closed',
      entryDate: '2024-03-01',
      exitDate: '2024-03-12',
      quantity: 110,
      held: 0,
      cost: 60 * 45200 + 50 * 45210,
      proceeds: 55 * 46000 + 55 * 45800,
      commissions: 18000,
      netPnl: 55 * 46000 + 55 * 45800 - (60 * 45200 + 50 * 45210) - 18000,
    });
    expect(trade?.entryPrice).toBeCloseTo((60 * 45200 + 50 * 45210) / 110, 9);
    expect(trade?.exitPrice).toBe(45900);
    expect(trade?.exits.map((e) => [e.date, e.quantity, e.reason])).toEqual([
      ['2024-03-06', 55, 'day3_half'],
      ['2024-03-12', 55, 'sma_trail'],
    ]);
  });

  it('keeps instruments apart, orders trades by entry and leaves an unfinished trade open', () => {
    const fills = [
      fill({ on: '2024-03-05', side: 'SELL', shares: 100, price: 118500, purpose: 'stop', instrument: CBA }),
      fill({ on: '2024-03-04', side: 'BUY', shares: 100, price: 118000, instrument: CBA }),
      fill({ on: '2024-03-01', side: 'BUY', shares: 10, price: 45000 }),
      fill({ on: '2024-03-07', side: 'SELL', shares: 4, price: 46000, purpose: 'day3_half' }),
    ];

    const trades = roundTrips(fills);

    expect(trades.map((t) => [t.instrument.symbol, t.status, t.held, t.netPnl])).toEqual([
      ['BHP', 'open', 6, null],
      ['CBA', 'closed', 0, 100 * 500 - 12000],
    ]);
    expect(trades[0]?.cashFlow).toBe(4 * 46000 - 10 * 45000 - 12000);
    expect(trades[0]?.exitDate).toBeNull();
  });

  it('starts a new trade after the position has been flat', () => {
    const fills = [
      fill({ on: '2024-03-01', side: 'BUY', shares: 10, price: 45000 }),
      fill({ on: '2024-03-01', time: '15:00', side: 'SELL', shares: 10, price: 44000, purpose: 'stop' }),
      fill({ on: '2024-03-04', side: 'BUY', shares: 20, price: 44500 }),
    ];

    expect(roundTrips(fills).map((t) => [t.entryDate, t.status, t.quantity])).toEqual([
      ['2024-03-01', 'closed', 10],
      ['2024-03-04', 'open', 20],
    ]);
  });

  it('marks a sale whose order id carries no exit purpose as unknown, unless told the reason', () => {
    const fills = [
      fill({ on: '2024-03-01', side: 'BUY', shares: 10, price: 45000 }),
      { ...fill({ on: '2024-03-04', side: 'SELL', shares: 10, price: 46000 }), clientOrderId: 'tws-123' as never },
    ];

    expect(roundTrips(fills)[0]?.exits[0]?.reason).toBe('unknown');
    expect(roundTrips(fills, () => 'kill_switch')[0]?.exits[0]?.reason).toBe('kill_switch');
  });

  it('refuses a sale of shares that are not held, naming the execution', () => {
    const sell = fill({ on: '2024-03-01', side: 'SELL', shares: 5, price: 45000 });
    expect(() => roundTrips([sell])).toThrow(InvalidValue);
    expect(() => roundTrips([sell])).toThrow(`"${sell.executionId}": sells 5 BHP, holding none`);

    const buy = fill({ on: '2024-03-01', side: 'BUY', shares: 5, price: 45000 });
    const tooMany = fill({ on: '2024-03-02', side: 'SELL', shares: 6, price: 45000 });
    expect(() => roundTrips([buy, tooMany])).toThrow('sells 6 BHP, holding 5');
  });
});
