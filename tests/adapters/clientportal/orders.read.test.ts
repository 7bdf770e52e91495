import { describe, expect, it } from 'vitest';
import { tradeDaysSince } from '../../../src/adapters/clientportal/executions.js';
import { UnexpectedResponse } from '../../../src/adapters/clientportal/errors/unexpected-response.error.js';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { money } from '../../../src/domain/values/money.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { brokersPerTest, TRADING_MORNING } from './support/broker-harness.js';
import { fixture, objectFixture } from './support/fixtures.js';

const LIVE = '/iserver/account/orders?force=true';
const ENTRY = clientOrderId('skim-20250114-BHP-entry-1');

describe('reading and cancelling orders, and fills', () => {
  const brokers = brokersPerTest();

  it('lists open orders, leaving out finished ones and naming foreign orders', async () => {
    const harness = await brokers.connected();
    harness.gateway.ok('GET', LIVE, fixture('live-orders'));
    const open = await harness.broker.openOrders();
    expect(open).toEqual([
      {
        clientOrderId: ENTRY,
        brokerOrderId: '1876543210',
        instrument: instrument('BHP', 4036818),
        side: 'BUY',
        type: 'LMT',
        quantity: 100,
        filledQuantity: 0,
        status: 'working',
        limitPrice: parsePrice('45.20'),
        updatedAt: 1736812501000,
      },
      {
        clientOrderId: clientOrderId('ibkr-1876543300'),
        brokerOrderId: '1876543300',
        instrument: instrument('BHP', 4036818),
        side: 'SELL',
        type: 'STP',
        quantity: 200,
        filledQuantity: 0,
        status: 'pending',
        stopPrice: parsePrice('44.10'),
        updatedAt: 1736812600000,
      },
    ]);
  });

  it('asks again without force when the forced request answers with an empty list', async () => {
    const harness = await brokers.connected();
    harness.gateway
      .ok('GET', LIVE, { orders: [], snapshot: false })
      .ok('GET', '/iserver/account/orders', fixture('live-orders'));
    await expect(harness.broker.findOrder(ENTRY)).resolves.toMatchObject({ brokerOrderId: '1876543210' });
  });

  it('finds a filled order with its average price', async () => {
    const harness = await brokers.connected();
    harness.gateway.ok('GET', LIVE, fixture('live-orders'));
    await expect(harness.broker.findOrder(clientOrderId('skim-20250114-CBA-entry-1'))).resolves.toMatchObject({
      status: 'filled',
      filledQuantity: 50,
      averageFillPriceMills: 152_305,
    });
  });

  it('answers undefined for an id the broker does not know', async () => {
    const harness = await brokers.connected();
    harness.gateway.ok('GET', LIVE, fixture('live-orders'));
    await expect(harness.broker.findOrder(clientOrderId('skim-20250114-XYZ-entry-1'))).resolves.toBeUndefined();
  });

  it('ignores orders of other accounts', async () => {
    const harness = await brokers.connected();
    const list = objectFixture('live-orders');
    const [first] = list.orders as Record<string, unknown>[];
    harness.gateway.ok('GET', LIVE, { orders: [{ ...first, acct: 'DU7654321' }] });
    await expect(harness.broker.openOrders()).resolves.toEqual([]);
  });

  it('reports a partially filled working order as partially filled', async () => {
    const harness = await brokers.connected();
    const list = objectFixture('live-orders');
    const [first] = list.orders as Record<string, unknown>[];
    harness.gateway.ok('GET', LIVE, { orders: [{ ...first, filledQuantity: '40.0', avgPrice: '45.20' }] });
    await expect(harness.broker.findOrder(ENTRY)).resolves.toMatchObject({
      status: 'partially_filled',
      filledQuantity: 40,
      averageFillPriceMills: 45_200,
    });
  });

  it('names the endpoint and field of an order status it does not know', async () => {
    const harness = await brokers.connected();
    const list = objectFixture('live-orders');
    const [first] = list.orders as Record<string, unknown>[];
    harness.gateway.ok('GET', LIVE, { orders: [{ ...first, status: 'Teleported' }] });
    const failure = harness.broker.openOrders();
    await expect(failure).rejects.toBeInstanceOf(UnexpectedResponse);
    await expect(failure).rejects.toMatchObject({ endpoint: 'GET /iserver/account/orders', path: 'orders[0].status' });
  });

  it('cancels a working order and reports the status that follows', async () => {
    const harness = await brokers.connected();
    harness.gateway
      .ok('GET', LIVE, fixture('live-orders'))
      .ok('DELETE', '/iserver/account/DU1234567/order/1876543210', fixture('cancel-submitted'))
      .ok('GET', '/iserver/account/order/status/1876543210', fixture('order-status-cancelled'));
    await expect(harness.broker.cancelOrder(ENTRY)).resolves.toMatchObject({
      clientOrderId: ENTRY,
      brokerOrderId: '1876543210',
      status: 'cancelled',
      side: 'BUY',
      type: 'LMT',
      quantity: 100,
      limitPrice: parsePrice('45.20'),
    });
    harness.gateway.assertAllUsed();
  });

  it('returns a finished order unchanged instead of cancelling it', async () => {
    const harness = await brokers.connected();
    harness.gateway.ok('GET', LIVE, fixture('live-orders'));
    await expect(harness.broker.cancelOrder(clientOrderId('skim-20250114-CBA-entry-1'))).resolves.toMatchObject({
      status: 'filled',
    });
    expect(harness.gateway.countOf('DELETE', '/iserver/account/')).toBe(0);
  });

  it('names the id when asked to cancel an order the broker does not have', async () => {
    const harness = await brokers.connected();
    harness.gateway.ok('GET', LIVE, fixture('live-orders'));
    await expect(harness.broker.cancelOrder(clientOrderId('ghost-1'))).rejects.toThrow(
      'the broker has no order ghost-1',
    );
  });

  it("reports a refused cancel with the gateway's text", async () => {
    const harness = await brokers.connected();
    harness.gateway
      .ok('GET', LIVE, fixture('live-orders'))
      .ok('DELETE', '/iserver/account/DU1234567/order/1876543210', { error: 'OrderID 1876543210 is not active' });
    await expect(harness.broker.cancelOrder(ENTRY)).rejects.toThrow('is not active');
  });

  it('maps executions to fills: order_ref as client order id, commission as Money, oldest first', async () => {
    const harness = await brokers.connected();
    harness.gateway.ok('GET', '/iserver/account/trades?days=2', fixture('trades'));
    const since = TRADING_MORNING - 3_600_000;
    const fills = await harness.broker.fills(since);
    expect(fills).toEqual([
      {
        executionId: '0000e0d5.6789abcd.01.01',
        clientOrderId: clientOrderId('skim-20250114-CBA-entry-1'),
        brokerOrderId: '1876543299',
        instrument: instrument('CBA', 4948),
        side: 'BUY',
        quantity: 30,
        price: parsePrice('152.30'),
        commission: money(6_000),
        at: 1736811000000,
      },
      {
        executionId: '0000e0d5.6789abce.01.01',
        clientOrderId: clientOrderId('skim-20250114-CBA-entry-1'),
        brokerOrderId: '1876543299',
        instrument: instrument('CBA', 4948),
        side: 'BUY',
        quantity: 20,
        price: parsePrice('152.31'),
        commission: money(0),
        at: 1736811000400,
      },
    ]);
  });

  it('asks for as many days of executions as the request reaches back, and a day more', async () => {
    const harness = await brokers.connected();
    harness.gateway.ok('GET', '/iserver/account/trades?days=7', fixture('trades'));
    const fills = await harness.broker.fills(TRADING_MORNING - 5.5 * 86_400_000);
    expect(fills.map((fill) => fill.side)).toEqual(['SELL', 'BUY', 'BUY']);
  });

  it('names the execution and field of a price it cannot use', async () => {
    const harness = await brokers.connected();
    harness.gateway.ok('GET', '/iserver/account/trades?days=2', [
      { ...(fixture('trades') as Record<string, unknown>[])[0], price: '152.301' },
    ]);
    await expect(harness.broker.fills(TRADING_MORNING - 3_600_000)).rejects.toMatchObject({
      endpoint: 'GET /iserver/account/trades',
      path: '[0].price',
    });
  });

  it('never asks for more than the seven days of executions the gateway keeps', () => {
    expect(tradeDaysSince(TRADING_MORNING - 30 * 86_400_000, TRADING_MORNING)).toBe(7);
    expect(tradeDaysSince(TRADING_MORNING, TRADING_MORNING)).toBe(1);
  });
});
