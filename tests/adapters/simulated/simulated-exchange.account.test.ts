import { describe, expect, it } from 'vitest';
import { dollars, money } from '../../../src/domain/values/money.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { BHP, CBA, bar, makeExchange, minute, order } from './exchange-fixture.js';

describe('account and market data', () => {
  it('keeps FIFO cost, realised P&L and cash exact to the mill', () => {
    const exchange = makeExchange({ commission: { kind: 'fixed', rateBps: 0, minimum: money(0) } });
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.00', '10.00', '10.00'));
    exchange.submitOrder(order({ id: 'buy-1', shares: 100 }), minute(1));
    exchange.publishBar(BHP, bar(minute(1), '10.00', '10.00', '10.00', '10.00'));
    exchange.submitOrder(order({ id: 'buy-2', shares: 100 }), minute(2));
    exchange.publishBar(BHP, bar(minute(2), '11.00', '11.00', '11.00', '11.00'));
    exchange.submitOrder(order({ id: 'sell-1', side: 'SELL', shares: 150 }), minute(3));
    exchange.publishBar(BHP, bar(minute(3), '12.00', '12.00', '12.00', '12.00'));

    // sold 100 bought at 10.00 and 50 bought at 11.00, all at 12.00
    expect(exchange.totals()).toEqual({
      cash: money(100_000_000 - 1_000_000 - 1_100_000 + 1_800_000),
      costOfHoldings: money(550_000),
      commissions: money(0),
      realisedPnl: money(250_000),
    });
    expect(exchange.positions()).toEqual([{ instrument: BHP, quantity: 50, averageCostMills: 11_000 }]);
  });

  it('values the account at last prices', () => {
    const exchange = makeExchange();
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.00', '10.00', '10.00'));
    exchange.submitOrder(order({ id: 'buy-1', shares: 100 }), minute(1));
    exchange.publishBar(BHP, bar(minute(1), '10.00', '10.50', '10.00', '10.50'));

    const summary = exchange.accountSummary();
    expect(summary.accountId).toBe('DU1234567');
    expect(summary.cash).toBe(dollars(100_000 - 1_000 - 6));
    expect(summary.netLiquidation).toBe(dollars(100_000 - 1_000 - 6 + 1_050));
  });

  it('holds back cash for open buys in the available funds', () => {
    const exchange = makeExchange();
    exchange.submitOrder(order({ id: 'lmt', type: 'LMT', limit: '10.00', shares: 1_000 }), minute(0));
    expect(exchange.accountSummary().availableFunds).toBe(dollars(100_000 - 10_000 - 8));
  });

  it('quotes the latest bar and today’s range', () => {
    const exchange = makeExchange();
    exchange.publishBar(CBA, bar(minute(0), '150.00', '151.00', '149.00', '150.50', 1_000));
    exchange.publishBar(CBA, bar(minute(1), '150.50', '152.00', '150.00', '151.50', 2_000));
    exchange.publishQuote(CBA, { at: minute(2) + 5_000, bid: parsePrice('151.40'), ask: parsePrice('151.60') });

    expect(exchange.quote(CBA)).toEqual({
      instrument: CBA,
      at: minute(2) + 5_000,
      last: parsePrice('151.50'),
      bid: parsePrice('151.40'),
      ask: parsePrice('151.60'),
      open: parsePrice('150.00'),
      high: parsePrice('152.00'),
      low: parsePrice('149.00'),
      volume: 3_000,
      lastIsPreviousClose: false,
      halted: false,
      freshness: 'realtime',
    });
  });

  it('turns the day’s minute bars into a daily bar and the close into the previous close', () => {
    const exchange = makeExchange();
    exchange.publishBar(CBA, bar(minute(0), '150.00', '151.00', '149.00', '150.50', 1_000));
    exchange.publishBar(CBA, bar(minute(1), '150.50', '152.00', '150.00', '151.50', 2_000));
    exchange.endOfDay();

    expect(exchange.bars(CBA, '1d')).toEqual([bar(minute(0), '150.00', '152.00', '149.00', '151.50', 3_000)]);
    const next = exchange.quote(CBA);
    expect(next).toMatchObject({ last: parsePrice('151.50'), previousClose: parsePrice('151.50') });
    expect(next.lastIsPreviousClose).toBe(true);
    expect(next.open).toBeUndefined();
  });

  it('keeps only recent history when asked to', () => {
    const exchange = makeExchange({ barHistoryLimit: 3 });
    for (let i = 0; i < 10; i++) exchange.publishBar(BHP, bar(minute(i), '10.00', '10.00', '10.00', '10.00'));

    const kept = exchange.bars(BHP, '1min');
    expect(kept.length).toBeLessThanOrEqual(6);
    expect(kept.at(-1)?.start).toBe(minute(9));
  });

  it('refuses a malformed bar, naming the instrument', () => {
    const exchange = makeExchange();
    const broken = { ...bar(minute(0), '10.00', '10.00', '10.00', '10.00'), high: parsePrice('9.00') };
    expect(() => {
      exchange.publishBar(BHP, broken);
    }).toThrow(/BHP bar/);
  });
});
