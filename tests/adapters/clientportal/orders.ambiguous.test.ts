import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACING } from '../../../src/adapters/clientportal/clientportal.config.js';
import { GatewayTransportFailure } from '../../../src/adapters/clientportal/errors/gateway-transport.error.js';
import { BrokerError } from '../../../src/domain/errors/broker-error.js';
import { brokersPerTest } from './support/broker-harness.js';
import { fixture } from './support/fixtures.js';
import { intent, liveOrdersWith, ORDERS_PATH, scriptNotAtBroker } from './support/orders-script.js';

const REF = 'skim-20250114-BHP-entry-2';

function connectionError(code: string): Error {
  return Object.assign(new Error(`socket trouble (${code})`), { code });
}

describe('placing an order when the answer is unclear', () => {
  const brokers = brokersPerTest();

  it('after a 429 on the POST, waits, finds the order by cOID and sends nothing again', async () => {
    const harness = await brokers.connected();
    const { gateway, broker, clock } = harness;
    scriptNotAtBroker(gateway);
    gateway
      .reply('POST', ORDERS_PATH, 429)
      .ok('GET', '/iserver/account/orders?force=true', liveOrdersWith(REF, 'PreSubmitted'));
    const before = clock.now();
    await expect(broker.placeOrder(intent())).resolves.toMatchObject({ clientOrderId: REF, status: 'pending' });
    expect(gateway.countOf('POST', ORDERS_PATH)).toBe(1);
    expect(clock.now()).toBeGreaterThan(before);
    gateway.assertAllUsed();
  });

  it('after a timeout on the POST, returns the order the broker turns out to have', async () => {
    const harness = await brokers.connected();
    const { gateway, broker } = harness;
    scriptNotAtBroker(gateway);
    gateway
      .fail('POST', ORDERS_PATH, new errors.HeadersTimeoutError())
      .ok('GET', '/iserver/account/orders?force=true', liveOrdersWith(REF, 'Submitted'));
    await expect(broker.placeOrder(intent())).resolves.toMatchObject({
      status: 'working',
      brokerOrderId: '1876543311',
    });
    expect(gateway.countOf('POST', ORDERS_PATH)).toBe(1);
  });

  it('after a timeout on the POST with no order at the broker, says so and that a retry is safe', async () => {
    const harness = await brokers.connected();
    const { gateway, broker } = harness;
    scriptNotAtBroker(gateway);
    gateway.fail('POST', ORDERS_PATH, new errors.HeadersTimeoutError());
    scriptNotAtBroker(gateway);
    const failure = broker.placeOrder(intent());
    await expect(failure).rejects.toBeInstanceOf(BrokerError);
    await expect(failure).rejects.toMatchObject({ retryable: true });
    await expect(failure).rejects.toThrow('was not placed');
    expect(gateway.countOf('POST', ORDERS_PATH)).toBe(1);
    gateway.assertAllUsed();
  });

  it('after a reset during the confirmation, looks the order up', async () => {
    const harness = await brokers.connected();
    const { gateway, broker } = harness;
    scriptNotAtBroker(gateway);
    gateway
      .ok('POST', ORDERS_PATH, fixture('order-question-price-constraint'))
      .fail('POST', '/iserver/reply/07a13a5a-4a48-44a5-bb25-5ab37b79186c', connectionError('ECONNRESET'))
      .ok('GET', '/iserver/account/orders?force=true', liveOrdersWith(REF, 'PreSubmitted'));
    await expect(broker.placeOrder(intent())).resolves.toMatchObject({ status: 'pending' });
  });

  it('after a 5xx on the POST, looks the order up', async () => {
    const harness = await brokers.connected();
    const { gateway, broker } = harness;
    scriptNotAtBroker(gateway);
    gateway
      .reply('POST', ORDERS_PATH, 503, { error: 'Service Unavailable' })
      .ok('GET', '/iserver/account/orders?force=true', liveOrdersWith(REF, 'Filled'));
    await expect(broker.placeOrder(intent())).resolves.toMatchObject({ status: 'filled', filledQuantity: 100 });
    expect(gateway.countOf('POST', ORDERS_PATH)).toBe(1);
  });

  it('reports an unknown outcome, not retryable, when the lookup fails too', async () => {
    const harness = await brokers.connected({ pacing: { ...DEFAULT_PACING, maxReadRetries: 0 } });
    const { gateway, broker } = harness;
    scriptNotAtBroker(gateway);
    gateway
      .fail('POST', ORDERS_PATH, new errors.HeadersTimeoutError())
      .reply('GET', '/iserver/account/orders?force=true', 503, { error: 'down' });
    const failure = broker.placeOrder(intent());
    await expect(failure).rejects.toMatchObject({ retryable: false });
    await expect(failure).rejects.toThrow('look it up again before any resend');
  });

  it('does not look anything up when the gateway could not even be reached', async () => {
    const harness = await brokers.connected();
    const { gateway, broker } = harness;
    scriptNotAtBroker(gateway);
    gateway.fail('POST', ORDERS_PATH, connectionError('ECONNREFUSED'));
    const failure = broker.placeOrder(intent());
    await expect(failure).rejects.toBeInstanceOf(GatewayTransportFailure);
    await expect(failure).rejects.toMatchObject({ kind: 'unreachable', retryable: true });
    gateway.assertAllUsed();
  });
});
