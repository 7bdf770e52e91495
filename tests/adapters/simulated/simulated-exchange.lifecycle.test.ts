import { describe, expect, it } from 'vitest';
import { BrokerError } from '../../../src/domain/errors/broker-error.js';
import type { BrokerOrder } from '../../../src/domain/orders/broker-order.js';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import type { Fill } from '../../../src/domain/orders/fill.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { BHP, bar, makeExchange, minute, order } from './exchange-fixture.js';

describe('order lifecycle on the simulated exchange', () => {
  it('accepts an order as pending and starts it working at the next market event', () => {
    const exchange = makeExchange();
    const placed = exchange.submitOrder(order({ id: 'buy-1', shares: 100, type: 'LMT', limit: '9.00' }), minute(0));
    expect(placed.status).toBe('pending');
    expect(placed.brokerOrderId).toMatch(/^\d+$/);

    exchange.publishQuote(BHP, { at: minute(1), last: parsePrice('10.00') });

    expect(exchange.findOrder(placed.clientOrderId)?.status).toBe('working');
  });

  it('fills a market buy at the open of the next bar and reports each step', () => {
    const exchange = makeExchange();
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.05'));
    const updates: BrokerOrder[] = [];
    const fills: Fill[] = [];
    exchange.onOrderUpdate((o) => updates.push(o));
    exchange.onFill((f) => fills.push(f));

    exchange.submitOrder(order({ id: 'buy-1', shares: 100 }), minute(1));
    exchange.publishBar(BHP, bar(minute(1), '10.20', '10.40', '10.10', '10.30'));

    expect(updates.map((u) => u.status)).toEqual(['pending', 'working', 'filled']);
    expect(fills).toHaveLength(1);
    expect(fills[0]).toMatchObject({ side: 'BUY', quantity: 100, price: parsePrice('10.20'), at: minute(1) });
    const filled = exchange.findOrder(clientOrderId('buy-1'));
    expect(filled).toMatchObject({ status: 'filled', filledQuantity: 100, averageFillPriceMills: 10_200 });
    expect(exchange.positions()).toEqual([{ instrument: BHP, quantity: 100, averageCostMills: 10_200 }]);
  });

  it('never makes a second order for a client order id it knows', () => {
    const exchange = makeExchange();
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.05'));
    const first = exchange.submitOrder(order({ id: 'buy-1', shares: 100 }), minute(1));
    const again = exchange.submitOrder(order({ id: 'buy-1', shares: 500, side: 'SELL' }), minute(1));
    exchange.publishBar(BHP, bar(minute(1), '10.20', '10.40', '10.10', '10.30'));
    const afterFill = exchange.submitOrder(order({ id: 'buy-1', shares: 100 }), minute(2));
    exchange.publishBar(BHP, bar(minute(2), '10.20', '10.40', '10.10', '10.30'));

    expect(again).toBe(first);
    expect(afterFill.status).toBe('filled');
    expect(afterFill.brokerOrderId).toBe(first.brokerOrderId);
    expect(exchange.orders()).toHaveLength(1);
    expect(exchange.fills()).toHaveLength(1);
  });

  it('cancels an open order so that later bars do not fill it', () => {
    const exchange = makeExchange();
    exchange.submitOrder(order({ id: 'buy-1', shares: 100, type: 'LMT', limit: '9.50' }), minute(0));
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.05'));

    const cancelled = exchange.cancelOrder(clientOrderId('buy-1'), minute(1));
    exchange.publishBar(BHP, bar(minute(1), '9.60', '9.60', '9.00', '9.10'));

    expect(cancelled.status).toBe('cancelled');
    expect(exchange.fills()).toEqual([]);
    expect(exchange.openOrders()).toEqual([]);
  });

  it('returns a finished order unchanged when asked to cancel it', () => {
    const exchange = makeExchange();
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.05'));
    exchange.submitOrder(order({ id: 'buy-1', shares: 100 }), minute(1));
    exchange.publishBar(BHP, bar(minute(1), '10.20', '10.40', '10.10', '10.30'));

    expect(exchange.cancelOrder(clientOrderId('buy-1'), minute(2)).status).toBe('filled');
  });

  it('names the id when asked to cancel an order it never saw', () => {
    const exchange = makeExchange();
    expect(() => exchange.cancelOrder(clientOrderId('ghost-1'), minute(0))).toThrow(BrokerError);
    expect(() => exchange.cancelOrder(clientOrderId('ghost-1'), minute(0))).toThrow(/ghost-1/);
  });

  it('does not trade an order placed by a listener on the bar that triggered it', () => {
    const exchange = makeExchange();
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.05'));
    exchange.onFill((fill) => {
      if (fill.side === 'BUY') {
        exchange.submitOrder(order({ id: 'stop-1', side: 'SELL', type: 'STP', stop: '10.15', shares: 100 }), fill.at);
      }
    });
    exchange.submitOrder(order({ id: 'buy-1', shares: 100 }), minute(1));
    exchange.publishBar(BHP, bar(minute(1), '10.20', '10.40', '10.10', '10.30'));

    expect(exchange.findOrder(clientOrderId('stop-1'))?.status).toBe('pending');
    exchange.publishBar(BHP, bar(minute(2), '10.30', '10.30', '10.00', '10.05'));
    expect(exchange.findOrder(clientOrderId('stop-1'))?.status).toBe('filled');
    expect(exchange.positions()).toEqual([]);
  });
});
