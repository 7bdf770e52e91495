import { describe, expect, it } from 'vitest';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { dollars } from '../../../src/domain/values/money.js';
import { BHP, CBA, bar, makeExchange, minute, order } from './exchange-fixture.js';

function holding100() {
  const exchange = makeExchange();
  exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.05'));
  exchange.submitOrder(order({ id: 'entry', shares: 100 }), minute(1));
  exchange.publishBar(BHP, bar(minute(1), '10.00', '10.10', '9.95', '10.05'));
  return exchange;
}

describe('orders the simulated exchange refuses', () => {
  it('refuses to sell shares the account does not hold', () => {
    const exchange = makeExchange();
    const sell = exchange.submitOrder(order({ id: 'sell-1', side: 'SELL', shares: 1 }), minute(0));

    expect(sell.status).toBe('rejected');
    expect(sell.rejectReason).toMatch(/no short selling.*BHP/);
  });

  it('refuses a sell larger than the position', () => {
    const exchange = holding100();
    expect(exchange.submitOrder(order({ id: 'sell-1', side: 'SELL', shares: 101 }), minute(2)).status).toBe('rejected');
    expect(exchange.submitOrder(order({ id: 'sell-2', side: 'SELL', shares: 100 }), minute(2)).status).toBe('pending');
  });

  it('counts sells already working against the position', () => {
    const exchange = holding100();
    exchange.submitOrder(order({ id: 'stop', side: 'SELL', type: 'STP', stop: '9.00', shares: 60 }), minute(2));

    const tooMany = exchange.submitOrder(order({ id: 'half', side: 'SELL', shares: 50 }), minute(2));
    const fits = exchange.submitOrder(order({ id: 'rest', side: 'SELL', shares: 40 }), minute(2));

    expect(tooMany.rejectReason).toMatch(/60 already being sold/);
    expect(fits.status).toBe('pending');
  });

  it('frees the shares of a cancelled sell for a new one', () => {
    const exchange = holding100();
    exchange.submitOrder(order({ id: 'stop', side: 'SELL', type: 'STP', stop: '9.00', shares: 100 }), minute(2));
    exchange.cancelOrder(clientOrderId('stop'), minute(2));

    expect(exchange.submitOrder(order({ id: 'stop-2', side: 'SELL', shares: 100 }), minute(2)).status).toBe('pending');
  });

  it('refuses a buy the cash cannot pay for, counting buys already open', () => {
    const exchange = makeExchange({ startingCash: dollars(10_000) });
    exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.00'));

    const tooBig = exchange.submitOrder(order({ id: 'big', shares: 1_000 }), minute(1));
    const first = exchange.submitOrder(order({ id: 'lmt', type: 'LMT', limit: '10.00', shares: 600 }), minute(1));
    const second = exchange.submitOrder(order({ id: 'lmt-2', type: 'LMT', limit: '10.00', shares: 500 }), minute(1));

    expect(tooBig.rejectReason).toMatch(/insufficient funds.*BHP/);
    expect(first.status).toBe('pending');
    expect(second.status).toBe('rejected');
  });

  it('refuses a market buy when it has no price to value it', () => {
    const sell = makeExchange().submitOrder(order({ id: 'buy-1', shares: 1 }), minute(0));
    expect(sell.rejectReason).toMatch(/no market price for BHP/);
  });

  it('refuses orders without the price their type needs, and unknown instruments', () => {
    const exchange = makeExchange({ instruments: [CBA] });
    const intent = order({ id: 'lmt', type: 'LMT', shares: 1, on: CBA });
    expect(exchange.submitOrder(intent, minute(0)).rejectReason).toMatch(/limit price/);
    const unknown = order({ id: 'xyz', type: 'LMT', limit: '1.00', shares: 1, on: instrument('XYZ', 99) });
    expect(exchange.submitOrder(unknown, minute(0)).rejectReason).toMatch(/unknown instrument XYZ/);
  });

  it('rejects the next order on demand, then accepts again', () => {
    const exchange = makeExchange();
    exchange.rejectNextOrder('simulated outage');
    const rejected = exchange.submitOrder(order({ id: 'lmt-1', type: 'LMT', limit: '9.00', shares: 10 }), minute(0));
    const resent = exchange.submitOrder(order({ id: 'lmt-1', type: 'LMT', limit: '9.00', shares: 10 }), minute(0));
    const next = exchange.submitOrder(order({ id: 'lmt-2', type: 'LMT', limit: '9.00', shares: 10 }), minute(0));

    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'simulated outage' });
    expect(resent).toBe(rejected);
    expect(next.status).toBe('pending');
  });

  it('rejects every order at a random rejection rate of 1 and none at 0', () => {
    const always = makeExchange({ randomRejectionRate: 1 });
    const never = makeExchange({ randomRejectionRate: 0 });
    const ids = ['a-1', 'a-2', 'a-3'];
    const intents = ids.map((id) => order({ id, type: 'LMT', limit: '9.00', shares: 10 }));

    expect(intents.map((i) => always.submitOrder(i, minute(0)).status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(intents.map((i) => never.submitOrder(i, minute(0)).status)).toEqual(['pending', 'pending', 'pending']);
  });

  it('stops a buy the cash no longer covers when it executes after a gap', () => {
    const exchange = makeExchange({ startingCash: dollars(10_000) });
    exchange.submitOrder(order({ id: 'entry', type: 'STP', stop: '9.00', shares: 1_000 }), minute(0));
    exchange.publishBar(BHP, bar(minute(0), '12.00', '12.10', '11.90', '12.00'));

    const entry = exchange.findOrder(clientOrderId('entry'));
    // 832 x 12.00 = 9,984.00 plus 7.99 commission fits in 10,000; 833 shares would cost 10,004.00
    expect(entry?.filledQuantity).toBe(832);
    exchange.publishBar(BHP, bar(minute(1), '12.00', '12.10', '11.90', '12.00'));
    const ended = exchange.findOrder(clientOrderId('entry'));
    expect(ended?.status).toBe('cancelled');
    expect(ended?.rejectReason).toMatch(/insufficient funds/);
    expect(exchange.cash()).toBeGreaterThanOrEqual(0);
  });
});
