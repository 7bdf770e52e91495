import { describe, expect, it } from 'vitest';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { BHP, bar, makeExchange, minute, order } from './exchange-fixture.js';

const p = parsePrice;

function exchangeHolding(shares: number, slippageBps = 0) {
  const exchange = makeExchange({ slippageBps });
  exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.05'));
  exchange.submitOrder(order({ id: 'entry', shares }), minute(1));
  exchange.publishBar(BHP, bar(minute(1), '10.00', '10.10', '9.95', '10.05'));
  return exchange;
}

describe('fill rules on the simulated exchange', () => {
  it('leaves a buy-stop working until a bar trades above the stop, then fills it at the stop', () => {
    const exchange = makeExchange();
    exchange.submitOrder(order({ id: 'entry', type: 'STP', stop: '10.50', shares: 100 }), minute(0));
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.49', '9.90', '10.40'));
    expect(exchange.findOrder(clientOrderId('entry'))?.status).toBe('working');

    exchange.publishBar(BHP, bar(minute(1), '10.40', '10.70', '10.30', '10.60'));

    expect(exchange.fills().map((f) => f.price)).toEqual([p('10.50')]);
  });

  it('fills a buy-stop at the open when the market gaps over the stop', () => {
    const exchange = makeExchange();
    exchange.submitOrder(order({ id: 'entry', type: 'STP', stop: '10.50', shares: 100 }), minute(0));
    exchange.publishBar(BHP, bar(minute(0), '10.80', '10.90', '10.60', '10.70'));

    expect(exchange.fills().map((f) => f.price)).toEqual([p('10.80')]);
  });

  it('sells a sell-stop at min(stop, open) once the low reaches it', () => {
    const exchange = exchangeHolding(200);
    exchange.submitOrder(order({ id: 'stop', side: 'SELL', type: 'STP', stop: '9.80', shares: 100 }), minute(2));
    exchange.submitOrder(order({ id: 'stop-2', side: 'SELL', type: 'STP', stop: '9.00', shares: 100 }), minute(2));
    exchange.publishBar(BHP, bar(minute(2), '10.00', '10.00', '9.81', '9.90'));
    expect(exchange.fills()).toHaveLength(1);

    exchange.publishBar(BHP, bar(minute(3), '9.85', '9.85', '9.60', '9.70'));
    exchange.publishBar(BHP, bar(minute(4), '8.50', '8.60', '8.40', '8.55'));

    const sells = exchange.fills().filter((f) => f.side === 'SELL');
    expect(sells.map((f) => f.price)).toEqual([p('9.80'), p('8.50')]);
  });

  it('fills a buy limit at the limit, or at the open when the open is already below it', () => {
    const exchange = makeExchange();
    exchange.submitOrder(order({ id: 'dip', type: 'LMT', limit: '9.80', shares: 100 }), minute(0));
    exchange.submitOrder(order({ id: 'any', type: 'LMT', limit: '11.00', shares: 100 }), minute(0));
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.81', '10.00'));
    exchange.publishBar(BHP, bar(minute(1), '10.00', '10.10', '9.70', '9.90'));

    expect(exchange.fills().map((f) => [f.clientOrderId, f.price])).toEqual([
      ['any', p('10.00')],
      ['dip', p('9.80')],
    ]);
  });

  it('fills a sell limit at max(limit, open) when the high reaches it', () => {
    const exchange = exchangeHolding(100);
    exchange.submitOrder(order({ id: 'take', side: 'SELL', type: 'LMT', limit: '10.30', shares: 100 }), minute(2));
    exchange.publishBar(BHP, bar(minute(2), '10.00', '10.29', '9.95', '10.20'));
    expect(exchange.fills()).toHaveLength(1);
    exchange.publishBar(BHP, bar(minute(3), '10.20', '10.40', '10.10', '10.35'));

    expect(exchange.fills()[1]?.price).toBe(p('10.30'));
  });

  it('charges slippage on market and stop fills, rounded to a tick against the trader', () => {
    // 10.00 x (1 + 25 bps) = 10.025 -> 10.03 on the buy; 9.80 x (1 - 25 bps) = 9.7755 -> 9.77 on the stop
    const exchange = exchangeHolding(100, 25);
    expect(exchange.fills()[0]?.price).toBe(p('10.03'));
    exchange.submitOrder(order({ id: 'stop', side: 'SELL', type: 'STP', stop: '9.80', shares: 100 }), minute(2));
    exchange.publishBar(BHP, bar(minute(2), '10.00', '10.00', '9.50', '9.60'));

    expect(exchange.fills()[1]?.price).toBe(p('9.77'));
  });
});
