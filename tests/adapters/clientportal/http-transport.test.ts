import { errors, MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_PACING } from '../../../src/adapters/clientportal/clientportal.config.js';
import { GatewayRateLimited } from '../../../src/adapters/clientportal/errors/gateway-rate-limited.error.js';
import { GatewayTransportFailure } from '../../../src/adapters/clientportal/errors/gateway-transport.error.js';
import { UnexpectedResponse } from '../../../src/adapters/clientportal/errors/unexpected-response.error.js';
import { BrokerError } from '../../../src/domain/errors/broker-error.js';
import { GatewayNotAuthenticated } from '../../../src/domain/errors/gateway-not-authenticated.error.js';
import { ClientPortalConfigError } from '../../../src/adapters/clientportal/errors/client-portal-config.error.js';
import { connectToGateway } from '../../../src/adapters/clientportal/gateway-client.js';
import { clientHarness, silentLogger, testConfig } from './support/broker-harness.js';
import { JumpingClock } from './support/jumping-clock.js';
import type { MockGateway } from './support/mock-gateway.js';

const anything = z.unknown();

function refused(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5000`), { code });
}

describe('HTTP transport and gateway client', () => {
  let gateway: MockGateway | undefined;
  afterEach(async () => {
    await gateway?.close();
  });

  function harness(maxReadRetries = 2) {
    const built = clientHarness({ pacing: { ...DEFAULT_PACING, maxReadRetries } });
    gateway = built.gateway;
    return built;
  }

  it('sends JSON and returns the parsed answer', async () => {
    const { gateway: gw, client } = harness();
    gw.ok('POST', '/iserver/reply/abc', [{ order_id: '1', order_status: 'Submitted' }]);
    const answer = await client.post('/iserver/reply/abc', { confirmed: true }, anything, { idempotent: false });
    expect(answer).toEqual([{ order_id: '1', order_status: 'Submitted' }]);
    expect(gw.calls()).toEqual([{ method: 'POST', path: '/iserver/reply/abc', body: { confirmed: true } }]);
  });

  it('turns a 401 with an empty body into GatewayNotAuthenticated naming the endpoint', async () => {
    const { gateway: gw, client } = harness();
    gw.reply('GET', '/portfolio/accounts', 401);
    const failure = client.get('/portfolio/accounts', anything);
    await expect(failure).rejects.toBeInstanceOf(GatewayNotAuthenticated);
    await expect(failure).rejects.toThrow('GET /portfolio/accounts');
  });

  it("keeps the gateway's own words from a 401 body", async () => {
    const { gateway: gw, client } = harness();
    gw.reply('GET', '/iserver/accounts', 401, { error: 'not authenticated', statusCode: 401 });
    await expect(client.get('/iserver/accounts', anything)).rejects.toThrow('not authenticated');
  });

  it('repeats a read after a 429, pausing every request first', async () => {
    const { gateway: gw, clock, client } = harness();
    const start = clock.now();
    gw.reply('GET', '/iserver/accounts', 429).ok('GET', '/iserver/accounts', { accounts: [] });
    await expect(client.get('/iserver/accounts', anything)).resolves.toEqual({ accounts: [] });
    expect(gw.calls()).toHaveLength(2);
    expect(clock.now()).toBeGreaterThanOrEqual(start + 500);
  });

  it('never repeats a POST that was answered 429', async () => {
    const { gateway: gw, client } = harness();
    gw.reply('POST', '/iserver/account/DU1/orders', 429);
    await expect(
      client.post('/iserver/account/DU1/orders', { orders: [] }, anything, { idempotent: false }),
    ).rejects.toBeInstanceOf(GatewayRateLimited);
    expect(gw.calls()).toHaveLength(1);
  });

  it('gives up on a read after the configured number of repeats', async () => {
    const { gateway: gw, client } = harness(2);
    gw.reply('GET', '/iserver/accounts', 503, { error: 'Service Unavailable' }, 3);
    const failure = client.get('/iserver/accounts', anything);
    await expect(failure).rejects.toBeInstanceOf(GatewayTransportFailure);
    await expect(failure).rejects.toMatchObject({ kind: 'server', retryable: true, ambiguous: true });
    expect(gw.calls()).toHaveLength(3);
  });

  it('marks a 5xx on a POST as not retryable', async () => {
    const { gateway: gw, client } = harness();
    gw.reply('POST', '/iserver/account/DU1/orders', 500, { error: 'internal error' });
    await expect(client.post('/iserver/account/DU1/orders', {}, anything, { idempotent: false })).rejects.toMatchObject(
      {
        kind: 'server',
        retryable: false,
      },
    );
  });

  it('reports a headers timeout as an ambiguous timeout', async () => {
    const { gateway: gw, client } = harness(0);
    gw.fail('POST', '/iserver/account/DU1/orders', new errors.HeadersTimeoutError());
    await expect(client.post('/iserver/account/DU1/orders', {}, anything, { idempotent: false })).rejects.toMatchObject(
      {
        kind: 'timeout',
        ambiguous: true,
        retryable: false,
      },
    );
  });

  it('reports a reset connection as ambiguous', async () => {
    const { gateway: gw, client } = harness(0);
    gw.fail('POST', '/iserver/account/DU1/orders', refused('ECONNRESET'));
    await expect(client.post('/iserver/account/DU1/orders', {}, anything, { idempotent: false })).rejects.toMatchObject(
      {
        kind: 'reset',
        ambiguous: true,
      },
    );
  });

  it('reports a refused connection as unreachable: never sent, so safe to retry', async () => {
    const { gateway: gw, client } = harness(0);
    gw.fail('POST', '/iserver/account/DU1/orders', refused('ECONNREFUSED'));
    await expect(client.post('/iserver/account/DU1/orders', {}, anything, { idempotent: false })).rejects.toMatchObject(
      {
        kind: 'unreachable',
        ambiguous: false,
        retryable: true,
      },
    );
  });

  it('turns {"error": …} on a 400 into a BrokerError with the gateway text', async () => {
    const { gateway: gw, client } = harness();
    gw.reply('POST', '/iserver/account/DU1/orders', 400, {
      error: 'Order size exceeds the size limit',
      statusCode: 400,
    });
    const failure = client.post('/iserver/account/DU1/orders', {}, anything, { idempotent: false });
    await expect(failure).rejects.toBeInstanceOf(BrokerError);
    await expect(failure).rejects.toThrow('Order size exceeds the size limit');
  });

  it('explains a 403 as a refused client address', async () => {
    const { gateway: gw, client } = harness();
    gw.replyText('GET', '/iserver/accounts', 403, 'Access Denied');
    await expect(client.get('/iserver/accounts', anything)).rejects.toThrow('ips.allow');
  });

  it('rejects a body that is not JSON, naming the endpoint', async () => {
    const { gateway: gw, client } = harness();
    gw.replyText('GET', '/iserver/accounts', 200, '<html>Gateway starting</html>');
    const failure = client.get('/iserver/accounts', anything);
    await expect(failure).rejects.toBeInstanceOf(UnexpectedResponse);
    await expect(failure).rejects.toThrow('GET /iserver/accounts');
  });

  it('names the endpoint and the field path when a shape is unexpected', async () => {
    const { gateway: gw, client } = harness();
    gw.ok('GET', '/iserver/account/orders', { orders: [{ orderId: 1, status: 7 }] });
    const schema = z.object({ orders: z.array(z.object({ orderId: z.number(), status: z.string() })) });
    const failure = client.get('/iserver/account/orders', schema);
    await expect(failure).rejects.toBeInstanceOf(UnexpectedResponse);
    await expect(failure).rejects.toMatchObject({ endpoint: 'GET /iserver/account/orders', path: 'orders[0].status' });
  });

  it('repeats a read after a timeout, after a backoff', async () => {
    const { gateway: gw, clock, client } = harness();
    const start = clock.now();
    gw.fail('GET', '/iserver/accounts', new errors.HeadersTimeoutError()).ok('GET', '/iserver/accounts', {
      accounts: [],
    });
    await expect(client.get('/iserver/accounts', anything)).resolves.toEqual({ accounts: [] });
    expect(clock.sleeps).toEqual([start + 750]);
  });
});

describe('gateway connection set-up', () => {
  it('builds its own pooled agent when none is injected, and closes it', async () => {
    const { pino } = await import('pino');
    const connection = connectToGateway(testConfig(), {
      clock: new JumpingClock(0),
      logger: pino({ level: 'silent' }),
    });
    await expect(connection.close()).resolves.toBeUndefined();
  });

  it('refuses a CA file it cannot read, naming the setting', () => {
    const build = () =>
      connectToGateway(testConfig({ insecureTls: false, caFile: '/nonexistent/skim-gateway-ca.pem' }), {
        clock: new JumpingClock(0),
        logger: silentLogger,
      });
    expect(build).toThrow(ClientPortalConfigError);
    expect(build).toThrow('caFile');
  });

  it('refuses skipping certificate checks for a remote gateway even with an injected dispatcher', () => {
    const build = () =>
      connectToGateway(testConfig({ baseUrl: 'https://gateway.example.com:5000' }), {
        dispatcher: new MockAgent(),
        clock: new JumpingClock(0),
        logger: silentLogger,
      });
    expect(build).toThrow('gateway.example.com');
  });
});
