import { describe, expect, it } from 'vitest';
import type { BrokerOrder } from '../../../src/domain/orders/broker-order.js';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import { BHP, bar, makeExchange, minute, order } from './exchange-fixture.js';

describe('time in force', () => {
  it('expires DAY orders at the end of the day, working or still pending', () => {
    const exchange = makeExchange();
    exchange.submitOrder(order({ id: 'working', type: 'LMT', limit: '9.00', shares: 10 }), minute(0));
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.05'));
    exchange.submitOrder(order({ id: 'pending', type: 'LMT', limit: '9.00', shares: 10 }), minute(1));
    const updates: BrokerOrder[] = [];
    exchange.onOrderUpdate((o) => updates.push(o));

    exchange.endOfDay(minute(360));

    expect(updates.map((o) => [o.clientOrderId, o.status])).toEqual([
      ['working', 'cancelled'],
      ['pending', 'cancelled'],
    ]);
    expect(updates[0]?.rejectReason).toMatch(/expired/);
    expect(updates[0]?.updatedAt).toBe(minute(360));
    expect(exchange.openOrders()).toEqual([]);
  });

  it('keeps GTC orders across the close and fills them the next day', () => {
    const exchange = makeExchange();
    exchange.submitOrder(order({ id: 'gtc', type: 'LMT', limit: '9.00', shares: 10, tif: 'GTC' }), minute(0));
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.05'));
    exchange.endOfDay();
    expect(exchange.findOrder(clientOrderId('gtc'))?.status).toBe('working');

    exchange.publishBar(BHP, bar(minute(0, 1), '9.20', '9.20', '8.90', '9.00'));

    expect(exchange.findOrder(clientOrderId('gtc'))?.status).toBe('filled');
  });

  it('does not let an expired order fill', () => {
    const exchange = makeExchange();
    exchange.submitOrder(order({ id: 'day', type: 'LMT', limit: '9.00', shares: 10 }), minute(0));
    exchange.endOfDay();
    exchange.publishBar(BHP, bar(minute(0, 1), '9.20', '9.20', '8.90', '9.00'));

    expect(exchange.fills()).toEqual([]);
  });
});
