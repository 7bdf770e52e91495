import { describe, expect, it } from 'vitest';
import { MARKET_ORDER_QUESTION_ID } from '../../../src/adapters/gateway-sim/orders/question-policy.js';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { bar, flat, list, record, useSimulator, type SimClient } from './sim-client.js';

const BHP = 4_036_818;
const ORDERS = '/iserver/account/DU1234567/orders';

const order = (cOID: string, fields: Record<string, unknown> = {}) => ({
  orders: [
    {
      acctId: 'DU1234567',
      conid: BHP,
      cOID,
      orderType: 'MKT',
      side: 'BUY',
      quantity: 100,
      tif: 'DAY',
      listingExchange: 'ASX',
      outsideRTH: false,
      ...fields,
    },
  ],
});

async function liveOrders(client: SimClient): Promise<Record<string, unknown>[]> {
  const first = record(await client.api('GET', '/iserver/account/orders?force=true'));
  const orders = first.orders as Record<string, unknown>[];
  if (orders.length > 0) return orders;
  return record(await client.api('GET', '/iserver/account/orders')).orders as Record<string, unknown>[];
}

async function ready(client: SimClient): Promise<void> {
  await client.readAccounts();
  client.sim.market.publishBar('BHP', flat(0, '45.00'));
}

describe('gateway simulator: orders', () => {
  const simulator = useSimulator();

  it('asks before a market order, then places it on confirmation as PreSubmitted', async () => {
    const client = await simulator();
    await ready(client);

    const [question] = list(await client.api('POST', ORDERS, order('buy-1')));
    expect(question).toMatchObject({ isSuppressed: false, messageIds: [MARKET_ORDER_QUESTION_ID] });
    expect(client.sim.exchange.orders()).toEqual([]);

    const answer = await client.api('POST', `/iserver/reply/${String(question?.id)}`, { confirmed: true });

    expect(answer.body).toEqual([{ order_id: '1000001', order_status: 'PreSubmitted', encrypt_message: '1' }]);
    expect(client.sim.exchange.findOrder(clientOrderId('buy-1'))?.status).toBe('pending');
  });

  it('chains questions: an injected one first, then the price-constraint one', async () => {
    const client = await simulator();
    await ready(client);
    client.sim.faults.askBeforeNextOrder({ messageId: 'o383', message: 'Size limit. Are you sure?' });

    const [first] = list(await client.api('POST', ORDERS, order('dip-1', { orderType: 'LMT', price: 40 })));
    const [second] = list(await client.api('POST', `/iserver/reply/${String(first?.id)}`, { confirmed: true }));
    const [placed] = list(await client.api('POST', `/iserver/reply/${String(second?.id)}`, { confirmed: true }));

    expect(first?.messageIds).toEqual(['o383']);
    expect(second?.messageIds).toEqual(['o163']);
    expect(placed).toMatchObject({ order_status: 'PreSubmitted' });
    expect(client.sim.exchange.findOrder(clientOrderId('dip-1'))?.limitPrice).toBe(parsePrice('40.00'));
  });

  it('asks nothing for a limit near the last price, and nothing for a suppressed question', async () => {
    const client = await simulator();
    await ready(client);
    await client.api('POST', '/iserver/questions/suppress', { messageIds: [MARKET_ORDER_QUESTION_ID] });

    const limit = list(await client.api('POST', ORDERS, order('lmt-1', { orderType: 'LMT', price: 44.5 })));
    const market = list(await client.api('POST', ORDERS, order('mkt-1')));

    expect(limit[0]).toMatchObject({ order_status: 'PreSubmitted' });
    expect(market[0]).toMatchObject({ order_status: 'PreSubmitted' });
  });

  it('forgets an open question when another order arrives, and places nothing when a question is declined', async () => {
    const client = await simulator();
    await ready(client);

    const [firstQuestion] = list(await client.api('POST', ORDERS, order('buy-1')));
    const [secondQuestion] = list(await client.api('POST', ORDERS, order('buy-2')));
    const stale = await client.api('POST', `/iserver/reply/${String(firstQuestion?.id)}`, { confirmed: true });
    const declined = await client.api('POST', `/iserver/reply/${String(secondQuestion?.id)}`, { confirmed: false });

    expect(stale).toEqual({ status: 400, body: { error: 'Reply id not found' } });
    expect(record(declined).error).toMatch(/not confirmed/);
    expect(client.sim.exchange.orders()).toEqual([]);
  });

  it('refuses a client order id it already has', async () => {
    const client = await simulator({ questions: { marketOrder: null } });
    await ready(client);
    await client.api('POST', ORDERS, order('buy-1'));

    const again = await client.api('POST', ORDERS, order('buy-1', { quantity: 50 }));

    expect(again).toEqual({ status: 200, body: { error: 'Local order ID=buy-1 is already registered.' } });
    expect(client.sim.exchange.orders()).toHaveLength(1);
  });

  it('moves an order PreSubmitted → Submitted → partly filled → Filled, listing it by order_ref', async () => {
    const client = await simulator({ questions: { marketOrder: null } });
    await ready(client);
    await client.api('POST', ORDERS, order('buy-1', { orderType: 'LMT', price: 45.1, quantity: 1000 }));
    const statusOf = async () => (await liveOrders(client)).find((o) => o.order_ref === 'buy-1');

    const presubmitted = await statusOf();
    client.sim.market.publishQuote('BHP', { last: parsePrice('45.05') });
    const submitted = await statusOf();
    client.sim.market.publishBar('BHP', bar(1, '45.05', '45.10', '45.00', '45.05', 400));
    const partial = await statusOf();
    client.sim.market.publishBar('BHP', bar(2, '45.05', '45.10', '45.00', '45.05', 5000));
    const filled = await statusOf();

    expect(presubmitted).toMatchObject({ status: 'PreSubmitted', filledQuantity: 0, totalSize: 1000, ticker: 'BHP' });
    expect(submitted).toMatchObject({ status: 'Submitted', orderType: 'Limit', price: '45.10', side: 'BUY' });
    expect(partial).toMatchObject({ status: 'Submitted', filledQuantity: 400, remainingQuantity: 600 });
    expect(filled).toMatchObject({ status: 'Filled', filledQuantity: 1000, remainingQuantity: 0 });
    expect(filled?.avgPrice).toMatch(/^45\.\d+$/);
  });

  it('answers the first live-orders request after login with an empty list', async () => {
    const client = await simulator({ questions: { marketOrder: null } });
    await ready(client);
    await client.api('POST', ORDERS, order('buy-1'));

    const first = record(await client.api('GET', '/iserver/account/orders'));
    const second = record(await client.api('GET', '/iserver/account/orders'));

    expect(first.orders).toEqual([]);
    expect(second.orders).toHaveLength(1);
  });

  it('reports exchange rejections as errors and lists the order as Inactive', async () => {
    const client = await simulator({ questions: { marketOrder: null } });
    await ready(client);

    const oversell = await client.api('POST', ORDERS, order('sell-1', { side: 'SELL' }));
    client.sim.faults.rejectNextOrder('market closed');
    const forced = await client.api('POST', ORDERS, order('buy-1'));

    expect(record(oversell).error).toMatch(/^Order rejected: no short selling/);
    expect(forced.body).toEqual({ error: 'Order rejected: market closed' });
    expect((await liveOrders(client)).map((o) => [o.order_ref, o.status])).toEqual([
      ['sell-1', 'Inactive'],
      ['buy-1', 'Inactive'],
    ]);
  });

  it('cancels an open order once; a second cancel is refused', async () => {
    const client = await simulator({ questions: { marketOrder: null } });
    await ready(client);
    const [placed] = list(await client.api('POST', ORDERS, order('dip-1', { orderType: 'LMT', price: 44.5 })));
    const id = String(placed?.order_id);

    const cancelled = await client.api('DELETE', `/iserver/account/DU1234567/order/${id}`);
    const again = await client.api('DELETE', `/iserver/account/DU1234567/order/${id}`);
    const status = record(await client.api('GET', `/iserver/account/order/status/${id}`));

    expect(cancelled.body).toEqual({
      msg: 'Request was submitted',
      order_id: Number(id),
      conid: BHP,
      account: 'DU1234567',
    });
    expect(record(again).error).toMatch(/no longer active/);
    expect(status).toMatchObject({ order_status: 'Cancelled', order_type: 'LIMIT', side: 'B', limit_price: '44.50' });
  });

  it('describes one order by id, with its fills', async () => {
    const client = await simulator({ questions: { marketOrder: null } });
    await ready(client);
    const [placed] = list(
      await client.api('POST', ORDERS, order('stop-1', { orderType: 'STP', price: 45.5, tif: 'GTC' })),
    );
    client.sim.market.publishBar('BHP', bar(1, '45.30', '45.80', '45.20', '45.70'));

    const status = record(await client.api('GET', `/iserver/account/order/status/${String(placed?.order_id)}`));

    expect(status).toMatchObject({
      order_status: 'Filled',
      order_type: 'STOP',
      cum_fill: '100',
      total_size: '100',
      stop_price: '45.50',
      tif: 'GTC',
      order_ref: 'stop-1',
    });
    expect(status.average_price).toBe('45.50');
  });

  it('reports executions with order_ref, string price and commission, side B/S', async () => {
    const client = await simulator({ questions: { marketOrder: null } });
    await ready(client);
    await client.api('POST', ORDERS, order('buy-1'));
    client.sim.market.publishBar('BHP', flat(1, '45.10'));

    const [trade] = list(await client.api('GET', '/iserver/account/trades?days=1'));

    expect(trade).toMatchObject({
      symbol: 'BHP',
      side: 'B',
      size: 100,
      price: '45.10',
      commission: '6.00',
      order_ref: 'buy-1',
      conid: BHP,
      account: 'DU1234567',
      order_id: 1000001,
      trade_time_r: client.sim.now() - 60_000,
    });
  });

  it('leaves order_ref out for an order sent without cOID', async () => {
    const client = await simulator({ questions: { marketOrder: null } });
    await ready(client);
    const { cOID: _omitted, ...anonymous } = order('x').orders[0] ?? {};

    await client.api('POST', ORDERS, { orders: [anonymous] });

    const [listed] = await liveOrders(client);
    expect(listed?.status).toBe('PreSubmitted');
    expect(listed).not.toHaveProperty('order_ref');
  });

  it('refuses orders for another account, unknown conids and brackets', async () => {
    const client = await simulator({ questions: { marketOrder: null } });
    await ready(client);

    const other = await client.api('POST', '/iserver/account/DU999/orders', order('buy-1'));
    const nyse = await client.api('POST', ORDERS, order('buy-2', { conid: 4_036_812 }));
    const bracket = await client.api('POST', ORDERS, order('buy-3', { parentId: 'buy-1' }));

    expect(other.status).toBe(400);
    expect(record(nyse).error).toMatch(/not a tradeable ASX listing/);
    expect(record(bracket).error).toMatch(/parentId/);
    expect(client.sim.exchange.orders()).toEqual([]);
  });
});
