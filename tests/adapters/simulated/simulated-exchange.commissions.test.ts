import { describe, expect, it } from 'vitest';
import { dollars, money } from '../../../src/domain/values/money.js';
import { BHP, bar, makeExchange, minute, order } from './exchange-fixture.js';

describe('commissions (IBKR ASX fixed: 0.08 %, at least 6.00 per order)', () => {
  it('charges the minimum once per order, not once per partial fill', () => {
    const exchange = makeExchange({ maxVolumeParticipation: 0.25 });
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.00', '10.00', '10.00'));
    exchange.submitOrder(order({ id: 'buy-1', shares: 1_000 }), minute(1));
    for (let i = 1; i <= 4; i++) exchange.publishBar(BHP, bar(minute(i), '10.00', '10.00', '10.00', '10.00', 1_000));

    // cumulative value 2,500 / 5,000 / 7,500 / 10,000 -> cumulative commission 6 / 6 / 6 / 8
    expect(exchange.fills().map((f) => f.commission)).toEqual([money(6_000), money(0), money(0), money(2_000)]);
    expect(exchange.totals().commissions).toBe(dollars(8));
  });

  it('charges each order its own minimum', () => {
    const exchange = makeExchange();
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.00', '10.00', '10.00'));
    exchange.submitOrder(order({ id: 'buy-1', shares: 100 }), minute(1));
    exchange.submitOrder(order({ id: 'buy-2', shares: 100 }), minute(1));
    exchange.publishBar(BHP, bar(minute(1), '10.00', '10.00', '10.00', '10.00'));

    expect(exchange.fills().map((f) => f.commission)).toEqual([dollars(6), dollars(6)]);
  });

  it('starts a new minimum when a GTC order keeps filling on the next day', () => {
    const exchange = makeExchange({ maxVolumeParticipation: 0.5 });
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.00', '10.00', '10.00'));
    exchange.submitOrder(order({ id: 'buy-1', shares: 200, tif: 'GTC' }), minute(1));
    exchange.publishBar(BHP, bar(minute(1), '10.00', '10.00', '10.00', '10.00', 200));
    exchange.endOfDay();
    exchange.publishBar(BHP, bar(minute(0, 1), '10.00', '10.00', '10.00', '10.00', 200));

    expect(exchange.fills().map((f) => f.commission)).toEqual([dollars(6), dollars(6)]);
  });

  it('rounds the rate-based commission to the cent and takes it from cash', () => {
    const exchange = makeExchange();
    exchange.publishBar(BHP, bar(minute(0), '45.21', '45.21', '45.21', '45.21'));
    exchange.submitOrder(order({ id: 'buy-1', shares: 333 }), minute(1));
    exchange.publishBar(BHP, bar(minute(1), '45.21', '45.21', '45.21', '45.21'));

    // 333 x 45.21 = 15,054.93; x 0.08 % = 12.043944 -> 12.04
    const [fill] = exchange.fills();
    expect(fill?.commission).toBe(money(12_040));
    expect(exchange.cash()).toBe(money(100_000_000 - 15_054_930 - 12_040));
  });
});
