import { describe, expect, it } from 'vitest';
import { OrderQuestionDeclined, OrderRefused } from '../../../src/adapters/clientportal/order-replies.js';
import { BrokerError } from '../../../src/domain/errors/broker-error.js';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { brokersPerTest } from './support/broker-harness.js';
import { fixture, listFixture } from './support/fixtures.js';
import { intent, liveOrdersWith, ORDERS_PATH, scriptNotAtBroker } from './support/orders-script.js';

const QUESTION_O354 = '/iserver/reply/07a13a5a-4a48-44a5-bb25-5ab37b79186c';
const QUESTION_O451 = '/iserver/reply/9c1e2d44-73f5-4b7b-a0b0-2c8f4a3e7d11';
const QUESTION_O383 = '/iserver/reply/5f7d0c1a-2b3e-4c5d-8e9f-0a1b2c3d4e5f';

describe('placing orders', () => {
  const brokers = brokersPerTest();
  const connected = brokers.connected;

  it('looks the client order id up, then sends the order with cOID, ASX and the limit price', async () => {
    const { gateway, broker } = await connected();
    scriptNotAtBroker(gateway);
    gateway.ok('POST', ORDERS_PATH, fixture('order-placed'));
    const order = await broker.placeOrder(intent());
    expect(order).toMatchObject({
      clientOrderId: 'skim-20250114-BHP-entry-2',
      brokerOrderId: '1876543210',
      status: 'pending',
      filledQuantity: 0,
      limitPrice: parsePrice('45.30'),
    });
    const post = gateway.calls().find((call) => call.method === 'POST');
    expect(post?.body).toEqual({
      orders: [
        {
          acctId: 'DU1234567',
          conid: 4036818,
          cOID: 'skim-20250114-BHP-entry-2',
          orderType: 'LMT',
          side: 'BUY',
          quantity: 100,
          tif: 'DAY',
          listingExchange: 'ASX',
          outsideRTH: false,
          price: 45.3,
        },
      ],
    });
    expect(gateway.requestLines().slice(3)).toEqual([
      'GET /iserver/account/orders',
      'GET /iserver/account/orders',
      'GET /iserver/account/trades',
      `POST ${ORDERS_PATH}`,
    ]);
  });

  it('sends a stop with its trigger as the price and a market order with none', async () => {
    const { gateway, broker } = await connected();
    scriptNotAtBroker(gateway);
    gateway.ok('POST', ORDERS_PATH, [{ order_id: '77', order_status: 'PreSubmitted' }]);
    scriptNotAtBroker(gateway);
    gateway.ok('POST', ORDERS_PATH, [{ order_id: '78', order_status: 'Submitted' }]);
    const stop = intent({ type: 'STP', side: 'SELL', limitPrice: undefined, stopPrice: parsePrice('44.10') });
    await broker.placeOrder({ ...stop, clientOrderId: clientOrderId('skim-20250114-BHP-stop-1') });
    const market = await broker.placeOrder(
      intent({ type: 'MKT', limitPrice: undefined, clientOrderId: clientOrderId('skim-20250114-BHP-entry-3') }),
    );
    const [stopBody, marketBody] = gateway
      .calls()
      .filter((call) => call.method === 'POST')
      .map((call) => call.body);
    expect(stopBody).toMatchObject({ orders: [{ orderType: 'STP', side: 'SELL', price: 44.1 }] });
    expect((marketBody as { orders: Record<string, unknown>[] }).orders[0]).not.toHaveProperty('price');
    expect(market.status).toBe('working');
  });

  it('confirms one allowed question and returns the placed order', async () => {
    const { gateway, broker } = await connected();
    scriptNotAtBroker(gateway);
    gateway
      .ok('POST', ORDERS_PATH, fixture('order-question-price-constraint'))
      .ok('POST', QUESTION_O354, fixture('order-placed'));
    await expect(broker.placeOrder(intent())).resolves.toMatchObject({ brokerOrderId: '1876543210' });
    expect(gateway.calls().at(-1)).toEqual({ method: 'POST', path: QUESTION_O354, body: { confirmed: true } });
  });

  it('confirms two chained allowed questions', async () => {
    const { gateway, broker } = await connected();
    scriptNotAtBroker(gateway);
    gateway
      .ok('POST', ORDERS_PATH, fixture('order-question-price-constraint'))
      .ok('POST', QUESTION_O354, fixture('order-question-fill-immediately'))
      .ok('POST', QUESTION_O451, fixture('order-placed'));
    await expect(broker.placeOrder(intent())).resolves.toMatchObject({ status: 'pending' });
    expect(gateway.requestLines().slice(-3)).toEqual([
      `POST ${ORDERS_PATH}`,
      `POST ${QUESTION_O354}`,
      `POST ${QUESTION_O451}`,
    ]);
  });

  it('declines a question that is not on the allow-list and reports its text', async () => {
    const { gateway, broker } = await connected();
    scriptNotAtBroker(gateway);
    gateway
      .ok('POST', ORDERS_PATH, fixture('order-question-not-allowed'))
      .ok('POST', QUESTION_O383, { error: 'Order was cancelled' });
    const failure = broker.placeOrder(intent());
    await expect(failure).rejects.toBeInstanceOf(OrderQuestionDeclined);
    await expect(failure).rejects.toThrow('size exceeds the Size Limit of 500');
    await expect(failure).rejects.toThrow('o383');
    expect(gateway.calls().at(-1)).toEqual({ method: 'POST', path: QUESTION_O383, body: { confirmed: false } });
  });

  it('declines a question whose ids are only partly allowed', async () => {
    const { gateway, broker } = await connected();
    scriptNotAtBroker(gateway);
    const [question] = listFixture('order-question-price-constraint');
    gateway
      .ok('POST', ORDERS_PATH, [{ ...question, messageIds: ['o354', 'o10331'] }])
      .ok('POST', QUESTION_O354, [{ order_id: '1', order_status: 'Cancelled' }]);
    await expect(broker.placeOrder(intent())).rejects.toThrow('o354, o10331');
    expect(gateway.calls().at(-1)?.body).toEqual({ confirmed: false });
  });

  it('gives up after the configured number of confirmation rounds', async () => {
    const { gateway, broker } = await connected({ maxReplyRounds: 1 });
    scriptNotAtBroker(gateway);
    gateway
      .ok('POST', ORDERS_PATH, fixture('order-question-price-constraint'))
      .ok('POST', QUESTION_O354, fixture('order-question-fill-immediately'))
      .ok('POST', QUESTION_O451, { error: 'cancelled' });
    await expect(broker.placeOrder(intent())).rejects.toThrow('still asking after 1 confirmations');
    expect(gateway.calls().at(-1)).toEqual({ method: 'POST', path: QUESTION_O451, body: { confirmed: false } });
  });

  it('turns an {"error": …} answer into a BrokerError with the gateway\'s text', async () => {
    const { gateway, broker } = await connected();
    scriptNotAtBroker(gateway);
    gateway.ok('POST', ORDERS_PATH, fixture('order-error'));
    const failure = broker.placeOrder(intent());
    await expect(failure).rejects.toBeInstanceOf(OrderRefused);
    await expect(failure).rejects.toThrow('We cannot accept an order at the limit price you selected');
  });

  it('turns an error answer to a confirmation into a BrokerError too', async () => {
    const { gateway, broker } = await connected();
    scriptNotAtBroker(gateway);
    gateway
      .ok('POST', ORDERS_PATH, fixture('order-question-price-constraint'))
      .ok('POST', QUESTION_O354, { error: 'Reply id not found' });
    await expect(broker.placeOrder(intent())).rejects.toThrow('Reply id not found');
  });

  it('returns the existing order instead of sending one the broker already has', async () => {
    const { gateway, broker } = await connected();
    gateway.ok('GET', '/iserver/account/orders?force=true', liveOrdersWith('skim-20250114-BHP-entry-2', 'Submitted'));
    const order = await broker.placeOrder(intent());
    expect(order).toMatchObject({ brokerOrderId: '1876543311', status: 'working' });
    expect(gateway.countOf('POST', ORDERS_PATH)).toBe(0);
  });

  it('recognises an order that has already filled from the executions alone', async () => {
    const { gateway, broker } = await connected();
    gateway
      .ok('GET', '/iserver/account/orders?force=true', { orders: [] })
      .ok('GET', '/iserver/account/orders', { orders: [] })
      .ok('GET', '/iserver/account/trades?days=1', fixture('trades'));
    const cba = intent({
      clientOrderId: clientOrderId('skim-20250114-CBA-entry-1'),
      instrument: instrument('CBA', 4948),
      type: 'MKT',
      limitPrice: undefined,
      quantity: quantity(50),
    });
    const order = await broker.placeOrder(cba);
    expect(order).toMatchObject({ status: 'filled', filledQuantity: 50, brokerOrderId: '1876543299' });
    expect(order.averageFillPriceMills).toBe(Math.round((152_300 * 30 + 152_310 * 20) / 50));
    expect(gateway.countOf('POST', ORDERS_PATH)).toBe(0);
  });

  it('finds the order after the gateway says the cOID is already registered', async () => {
    const { gateway, broker } = await connected();
    scriptNotAtBroker(gateway);
    gateway
      .ok('POST', ORDERS_PATH, {
        error: "Order couldn't be submitted: Local order ID=skim-20250114-BHP-entry-2 is already registered.",
      })
      .ok('GET', '/iserver/account/orders?force=true', liveOrdersWith('skim-20250114-BHP-entry-2', 'PreSubmitted'));
    await expect(broker.placeOrder(intent())).resolves.toMatchObject({
      status: 'pending',
      brokerOrderId: '1876543311',
    });
    expect(gateway.countOf('POST', ORDERS_PATH)).toBe(1);
  });

  it('refuses an intent without its price before asking the gateway anything', async () => {
    const { gateway, broker } = await connected();
    const before = gateway.calls().length;
    await expect(broker.placeOrder(intent({ limitPrice: undefined }))).rejects.toBeInstanceOf(BrokerError);
    expect(gateway.calls()).toHaveLength(before);
  });

  it('sends orders one at a time, each with its whole question exchange', async () => {
    const { gateway, broker } = await connected();
    scriptNotAtBroker(gateway);
    gateway
      .ok('POST', ORDERS_PATH, fixture('order-question-price-constraint'))
      .ok('POST', QUESTION_O354, fixture('order-placed'));
    scriptNotAtBroker(gateway);
    gateway.ok('POST', ORDERS_PATH, [{ order_id: '99', order_status: 'PreSubmitted' }]);
    await Promise.all([
      broker.placeOrder(intent()),
      broker.placeOrder(intent({ clientOrderId: clientOrderId('skim-20250114-BHP-entry-9') })),
    ]);
    const posts = gateway.requestLines().filter((line) => line.startsWith('POST'));
    expect(posts).toEqual([`POST ${ORDERS_PATH}`, `POST ${QUESTION_O354}`, `POST ${ORDERS_PATH}`]);
  });
});
