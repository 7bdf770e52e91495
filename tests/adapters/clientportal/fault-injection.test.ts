import { afterEach, describe, expect, it } from 'vitest';
import { GatewayTransportFailure } from '../../../src/adapters/clientportal/errors/gateway-transport.error.js';
import { DEFAULT_PACING } from '../../../src/adapters/clientportal/clientportal.config.js';
import { BrokerError } from '../../../src/domain/errors/broker-error.js';
import { GatewayNotAuthenticated } from '../../../src/domain/errors/gateway-not-authenticated.error.js';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import type { OrderIntent } from '../../../src/domain/orders/order-intent.js';
import type { GatewaySimulatorOptions } from '../../../src/adapters/gateway-sim/gateway-simulator.js';
import type { ClientPortalConfig } from '../../../src/adapters/clientportal/clientportal.config.js';
import { asxSymbol, type Instrument } from '../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { brokerOverSimulator, FAST_PACING, type BrokerOverSimulator } from '../gateway-sim/broker-over-simulator.js';
import { flat, OPEN } from '../gateway-sim/sim-client.js';

const ORDERS_POST = /^\/v1\/api\/iserver\/account\/DU1234567\/orders$/;

function buy(target: Instrument, id: string, limit?: string): OrderIntent {
  return {
    clientOrderId: clientOrderId(id),
    instrument: target,
    side: 'BUY',
    type: limit === undefined ? 'MKT' : 'LMT',
    quantity: quantity(100),
    tif: 'DAY',
    purpose: 'entry',
    ...(limit === undefined ? {} : { limitPrice: parsePrice(limit) }),
  };
}

/** Requests the simulator answered (or dropped) for a method and path. */
function sent(setup: BrokerOverSimulator, method: string, path: RegExp | string): number {
  return setup.sim
    .requests()
    .filter((r) => r.method === method && (typeof path === 'string' ? r.path === `/v1/api${path}` : path.test(r.path)))
    .length;
}

describe('ClientPortalBroker against injected gateway faults, over HTTPS', () => {
  const open: BrokerOverSimulator[] = [];
  afterEach(async () => {
    for (const setup of open.splice(0)) await setup.close();
  });

  /** A connected broker with BHP resolved and a first bar at 45.00 published. */
  async function connected(
    simOptions: GatewaySimulatorOptions = {},
    overrides: Partial<ClientPortalConfig> = {},
  ): Promise<{ setup: BrokerOverSimulator; bhp: Instrument }> {
    const setup = await brokerOverSimulator({ replayFrom: OPEN, ...simOptions }, overrides);
    open.push(setup);
    await setup.broker.connect();
    const bhp = await setup.broker.resolveInstrument(asxSymbol('BHP'));
    setup.sim.market.publishBar('BHP', flat(0, '45.00'));
    return { setup, bhp };
  }

  describe('session', () => {
    it('recovers an expired session with one reauthentication and answers the read', async () => {
      const { setup, bhp } = await connected();
      setup.sim.faults.expireSession();

      const [quote] = await setup.broker.quotes([bhp]);

      expect(quote?.last).toBe(parsePrice('45.00'));
      expect(sent(setup, 'POST', '/iserver/reauthenticate')).toBe(1);
      expect(setup.notifier.sent).toEqual([]);
    });

    it('sends no order into an expired session; once it is back the order goes out exactly once', async () => {
      const { setup, bhp } = await connected();
      setup.sim.faults.expireSession();

      const refused = setup.broker.placeOrder(buy(bhp, 'after-expiry-1'));
      await expect(refused).rejects.toBeInstanceOf(GatewayNotAuthenticated);
      expect(sent(setup, 'POST', ORDERS_POST)).toBe(0);

      const placed = await setup.broker.placeOrder(buy(bhp, 'after-expiry-1'));

      expect(placed.status).toBe('pending');
      expect(setup.sim.exchange.orders().map((order) => order.clientOrderId)).toEqual(['after-expiry-1']);
    });

    it('reports a competing login as GatewayNotAuthenticated, notifies once, and sends no order', async () => {
      const { setup, bhp } = await connected();
      setup.sim.faults.competingSession();

      await expect(setup.broker.placeOrder(buy(bhp, 'competing-1'))).rejects.toBeInstanceOf(GatewayNotAuthenticated);
      const again = setup.broker.placeOrder(buy(bhp, 'competing-1'));
      await expect(again).rejects.toBeInstanceOf(GatewayNotAuthenticated);
      await expect(again).rejects.toMatchObject({ competing: true });

      expect(sent(setup, 'POST', ORDERS_POST)).toBe(0);
      expect(setup.sim.exchange.orders()).toEqual([]);
      expect(setup.notifier.sent.map((notification) => notification.kind)).toEqual(['gateway']);
    });

    it('refuses to connect while another login holds the session', async () => {
      const setup = await brokerOverSimulator({ replayFrom: OPEN, faults: { competingSession: true } });
      open.push(setup);

      const failure = setup.broker.connect();

      await expect(failure).rejects.toBeInstanceOf(GatewayNotAuthenticated);
      await expect(failure).rejects.toMatchObject({ competing: true });
    });

    it('gives up on a read after the one reauthentication fails, with the gateway still competing', async () => {
      const { setup, bhp } = await connected();
      setup.sim.faults.competingSession();

      const failure = setup.broker.quotes([bhp]);

      await expect(failure).rejects.toBeInstanceOf(GatewayNotAuthenticated);
      await expect(failure).rejects.toMatchObject({ competing: true });
      expect(sent(setup, 'POST', '/iserver/reauthenticate')).toBe(1);
    });
  });

  describe('pacing', () => {
    it('backs off a burst of 429s on reads and gets its answer', async () => {
      const { setup, bhp } = await connected({ questions: { marketOrder: null } });
      await setup.broker.placeOrder(buy(bhp, 'paced-1'));
      setup.sim.faults.rateLimitNext(2);

      const found = await setup.broker.findOrder(clientOrderId('paced-1'));

      expect(found).toMatchObject({ clientOrderId: 'paced-1', status: 'pending' });
      expect(setup.sim.faults.counts.rateLimited).toBe(2);
    });

    it('after a 429 on the order POST, looks the order up instead of resending; a retry places it once', async () => {
      const { setup, bhp } = await connected({ questions: { marketOrder: null } });
      setup.sim.faults.rateLimit({ match: 'POST /iserver/account/*/orders' });

      const first = setup.broker.placeOrder(buy(bhp, 'after-429'));
      await expect(first).rejects.toMatchObject({ retryable: true });
      expect(setup.sim.exchange.orders()).toEqual([]);
      const second = await setup.broker.placeOrder(buy(bhp, 'after-429'));

      expect(second.status).toBe('pending');
      expect(sent(setup, 'POST', ORDERS_POST)).toBe(2);
      expect(setup.sim.exchange.orders()).toHaveLength(1);
    });

    it('stays inside pacing limits the gateway actually enforces', async () => {
      const { setup } = await connected(
        { pacing: { liveOrders: { requests: 1, perMs: 150 } }, faults: { enforcePacing: true } },
        { pacing: { ...FAST_PACING, liveOrders: { requests: 1, perMs: 350 } } },
      );

      for (let i = 0; i < 3; i++) await setup.broker.openOrders();

      expect(setup.sim.faults.counts.rateLimited).toBe(0);
      expect(sent(setup, 'GET', '/iserver/account/orders')).toBeGreaterThanOrEqual(3);
    });
  });

  describe('dropped connections and server errors', () => {
    it('after the answer to an accepted order is lost, the placement and its retry yield one order', async () => {
      const { setup, bhp } = await connected();
      setup.sim.faults.dropAfterOrderAccepted();

      const first = await setup.broker.placeOrder(buy(bhp, 'dropped-1'));
      const retried = await setup.broker.placeOrder(buy(bhp, 'dropped-1'));

      expect(setup.sim.faults.counts.dropped).toBe(1);
      expect(retried.brokerOrderId).toBe(first.brokerOrderId);
      expect(setup.sim.exchange.orders().filter((order) => order.clientOrderId === 'dropped-1')).toHaveLength(1);
      expect(sent(setup, 'POST', ORDERS_POST)).toBe(1);
    });

    it('after a connection dropped on the order POST itself (no question asked), finds the accepted order', async () => {
      const { setup, bhp } = await connected();
      setup.sim.faults.dropAfterOrderAccepted();

      const placed = await setup.broker.placeOrder(buy(bhp, 'dropped-limit', '44.90'));
      setup.sim.market.publishBar('BHP', flat(1, '44.80'));

      expect(placed.clientOrderId).toBe('dropped-limit');
      expect(await setup.broker.findOrder(clientOrderId('dropped-limit'))).toMatchObject({ status: 'filled' });
      expect(setup.sim.exchange.orders()).toHaveLength(1);
    });

    it('after a connection dropped before the order arrived, reports it not placed; the retry places one', async () => {
      const { setup, bhp } = await connected({ questions: { marketOrder: null } });
      setup.sim.faults.dropConnection({ match: 'POST /iserver/account/*/orders', when: 'before' });

      const first = setup.broker.placeOrder(buy(bhp, 'lost-1'));
      await expect(first).rejects.toBeInstanceOf(BrokerError);
      await expect(first).rejects.toMatchObject({ retryable: true });
      expect(setup.sim.exchange.orders()).toEqual([]);

      await setup.broker.placeOrder(buy(bhp, 'lost-1'));
      expect(setup.sim.exchange.orders()).toHaveLength(1);
    });

    it('after a 5xx on the order POST, looks the order up: one order whether or not the gateway acted', async () => {
      const { setup, bhp } = await connected({ questions: { marketOrder: null } });
      setup.sim.faults.serverError({ match: 'POST /iserver/account/*/orders', status: 503 });

      const first = setup.broker.placeOrder(buy(bhp, 'after-503'));
      await expect(first).rejects.toMatchObject({ retryable: true });
      const second = await setup.broker.placeOrder(buy(bhp, 'after-503'));

      expect(second.status).toBe('pending');
      expect(setup.sim.exchange.orders()).toHaveLength(1);
    });

    it('repeats a read that met a 5xx', async () => {
      const { setup, bhp } = await connected({ questions: { marketOrder: null } });
      await setup.broker.placeOrder(buy(bhp, 'filled-1'));
      setup.sim.market.publishBar('BHP', flat(1, '45.10'));
      setup.sim.faults.serverError({ match: 'GET /iserver/account/trades', status: 503 });

      const fills = await setup.broker.fills(0);

      expect(fills.map((fill) => [fill.clientOrderId, fill.quantity, fill.price])).toEqual([
        ['filled-1', 100, parsePrice('45.10')],
      ]);
      expect(setup.sim.faults.counts.serverErrors).toBe(1);
    });

    it('fails a read with a typed transport error once the 5xx outlasts its retries', async () => {
      const { setup } = await connected();
      setup.sim.faults.serverError({ match: 'GET /portfolio/*/summary', status: 500, times: 10 });

      const failure = setup.broker.accountSummary();

      await expect(failure).rejects.toBeInstanceOf(GatewayTransportFailure);
      await expect(failure).rejects.toMatchObject({ kind: 'server' });
      expect(setup.sim.faults.counts.serverErrors).toBe(DEFAULT_PACING.maxReadRetries + 1);
    });
  });

  describe('latency', () => {
    it('works normally when every answer is slow but within the timeouts', async () => {
      const { setup, bhp } = await connected();
      setup.sim.faults.latency({ ms: 100 });

      const placed = await setup.broker.placeOrder(buy(bhp, 'slow-1'));
      setup.sim.market.publishBar('BHP', flat(1, '45.05'));

      expect(placed.status).toBe('pending');
      expect(await setup.broker.positions()).toMatchObject([{ quantity: 100 }]);
      expect(await setup.broker.accountSummary()).toMatchObject({ accountId: 'DU1234567' });
    });

    it('gives up on a read slower than its timeout, with a timeout error', async () => {
      // undici checks header timeouts on a coarse (about half-second) timer, so the delay must clearly exceed it.
      const { setup } = await connected({}, { timeouts: { connectMs: 1_000, headersMs: 200, bodyMs: 200 } });
      setup.sim.faults.latency({ match: '/portfolio/*/summary', ms: 3_000 });

      const failure = setup.broker.accountSummary();

      await expect(failure).rejects.toBeInstanceOf(GatewayTransportFailure);
      await expect(failure).rejects.toMatchObject({ kind: 'timeout' });
    });
  });
});
