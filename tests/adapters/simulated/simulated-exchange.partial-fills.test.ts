import { describe, expect, it } from 'vitest';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { BHP, bar, makeExchange, minute, order } from './exchange-fixture.js';

describe('partial fills', () => {
  it('takes at most the participation share of each bar and keeps the rest working', () => {
    const exchange = makeExchange({ maxVolumeParticipation: 0.1 });
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.05', 5_000));
    exchange.submitOrder(order({ id: 'buy-1', shares: 1_000 }), minute(1));

    exchange.publishBar(BHP, bar(minute(1), '10.00', '10.10', '9.95', '10.05', 4_009));
    const afterOne = exchange.findOrder(clientOrderId('buy-1'));
    expect(afterOne).toMatchObject({ status: 'partially_filled', filledQuantity: 400 });
    expect(exchange.openOrders().map((o) => o.clientOrderId)).toEqual(['buy-1']);

    exchange.publishBar(BHP, bar(minute(2), '10.20', '10.30', '10.10', '10.20', 5_000));
    exchange.publishBar(BHP, bar(minute(3), '10.40', '10.50', '10.30', '10.40', 5_000));
    exchange.publishBar(BHP, bar(minute(4), '10.40', '10.50', '10.30', '10.40', 5_000));

    expect(exchange.fills().map((f) => f.quantity)).toEqual([400, 500, 100]);
    const done = exchange.findOrder(clientOrderId('buy-1'));
    expect(done?.status).toBe('filled');
    // (400 x 10.00 + 500 x 10.20 + 100 x 10.40) / 1000
    expect(done?.averageFillPriceMills).toBe(10_140);
  });

  it('fills nothing when the participation share of the volume is under one share', () => {
    const exchange = makeExchange({ maxVolumeParticipation: 0.5 });
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.05'));
    exchange.submitOrder(order({ id: 'buy-1', shares: 10 }), minute(1));
    exchange.publishBar(BHP, bar(minute(1), '10.00', '10.00', '10.00', '10.00', 0));
    exchange.publishBar(BHP, bar(minute(2), '10.00', '10.00', '10.00', '10.00', 1));

    expect(exchange.findOrder(clientOrderId('buy-1'))?.status).toBe('working');
    expect(exchange.fills()).toEqual([]);
  });

  it("trades a stop's remainder only on later bars that reach the stop, never better than the stop", () => {
    const exchange = makeExchange({ maxVolumeParticipation: 0.5 });
    exchange.submitOrder(order({ id: 'entry', type: 'STP', stop: '10.50', shares: 300 }), minute(0));
    exchange.publishBar(BHP, bar(minute(0), '10.40', '10.60', '10.30', '10.55', 200));
    exchange.publishBar(BHP, bar(minute(1), '10.70', '10.80', '10.60', '10.75', 200));
    exchange.publishBar(BHP, bar(minute(2), '10.40', '10.45', '10.20', '10.30', 400));
    expect(exchange.findOrder(clientOrderId('entry'))?.filledQuantity).toBe(200);
    exchange.publishBar(BHP, bar(minute(3), '10.40', '10.55', '10.20', '10.50', 400));

    expect(exchange.fills().map((f) => [f.quantity, f.price])).toEqual([
      [100, parsePrice('10.50')],
      [100, parsePrice('10.70')],
      [100, parsePrice('10.50')],
    ]);
  });
});
