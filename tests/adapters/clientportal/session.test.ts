import { afterEach, describe, expect, it, vi } from 'vitest';
import { GatewaySession } from '../../../src/adapters/clientportal/session.js';
import { GatewayNotAuthenticated } from '../../../src/domain/errors/gateway-not-authenticated.error.js';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import type { OrderIntent } from '../../../src/domain/orders/order-intent.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { brokersPerTest, clientHarness, silentLogger, testConfig } from './support/broker-harness.js';
import { fixture, objectFixture } from './support/fixtures.js';
import type { MockGateway } from './support/mock-gateway.js';
import { RecordingNotifier } from './support/recording-notifier.js';

const BUY_BHP: OrderIntent = {
  clientOrderId: clientOrderId('skim-20250114-BHP-entry-1'),
  instrument: instrument('BHP', 4036818),
  side: 'BUY',
  type: 'MKT',
  quantity: quantity(100),
  tif: 'DAY',
  purpose: 'entry',
};

describe('gateway session', () => {
  const brokers = brokersPerTest();
  let gateway: MockGateway | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await gateway?.close();
    gateway = undefined;
  });

  function sessionHarness() {
    const built = clientHarness({ reauthPolls: 3, reauthPollIntervalMs: 2_000 });
    gateway = built.gateway;
    const notifier = new RecordingNotifier();
    const session = new GatewaySession(
      built.client,
      notifier,
      built.clock,
      silentLogger,
      testConfig({ reauthPolls: 3 }),
    );
    return { ...built, notifier, session };
  }

  it('connects when the gateway reports an authenticated, uncontested session', async () => {
    const harness = await brokers.connected();
    expect(harness.gateway.requestLines()).toEqual([
      'GET /iserver/auth/status',
      'GET /iserver/accounts',
      'GET /portfolio/accounts',
    ]);
  });

  it("fails fast on authenticated:false with the gateway's own message", async () => {
    const harness = brokers.fresh();
    harness.gateway.ok('GET', '/iserver/auth/status', fixture('auth-status-unauthenticated'));
    const failure = harness.broker.connect();
    await expect(failure).rejects.toBeInstanceOf(GatewayNotAuthenticated);
    await expect(failure).rejects.toThrow('Login required');
    expect(harness.gateway.requestLines()).toEqual(['GET /iserver/auth/status']);
  });

  it('fails fast on a competing session and says so', async () => {
    const harness = brokers.fresh();
    harness.gateway.ok('GET', '/iserver/auth/status', fixture('auth-status-competing'));
    await expect(harness.broker.connect()).rejects.toMatchObject({ competing: true });
  });

  it('fails fast on a 401', async () => {
    const harness = brokers.fresh();
    harness.gateway.reply('GET', '/iserver/auth/status', 401);
    await expect(harness.broker.connect()).rejects.toBeInstanceOf(GatewayNotAuthenticated);
  });

  it('keeps quiet while the keep-alive finds the session healthy', async () => {
    const { gateway: gw, notifier, session } = sessionHarness();
    gw.ok('POST', '/tickle', fixture('tickle-authenticated'));
    await session.tickle();
    await expect(session.ensureAuthenticated()).resolves.toBeUndefined();
    expect(gw.requestLines()).toEqual(['POST /tickle']);
    expect(notifier.sent).toEqual([]);
  });

  it('reauthenticates once when the keep-alive finds a competing session, and carries on', async () => {
    const { gateway: gw, notifier, session } = sessionHarness();
    gw.ok('POST', '/tickle', fixture('tickle-competing'))
      .ok('POST', '/iserver/reauthenticate', { message: 'triggered' })
      .ok('GET', '/iserver/auth/status', fixture('auth-status-unauthenticated'))
      .ok('GET', '/iserver/auth/status', fixture('auth-status-authenticated'));
    await session.tickle();
    await expect(session.ensureAuthenticated()).resolves.toBeUndefined();
    expect(gw.requestLines()).toEqual([
      'POST /tickle',
      'POST /iserver/reauthenticate',
      'GET /iserver/auth/status',
      'GET /iserver/auth/status',
    ]);
    expect(notifier.sent).toEqual([]);
  });

  it('notifies the user when reauthentication does not bring the session back', async () => {
    const { gateway: gw, clock, notifier, session } = sessionHarness();
    const start = clock.now();
    gw.reply('POST', '/tickle', 401)
      .ok('POST', '/iserver/reauthenticate', { message: 'triggered' })
      .ok('GET', '/iserver/auth/status', fixture('auth-status-unauthenticated'), 3);
    await session.tickle();
    expect(gw.countOf('POST', '/iserver/reauthenticate')).toBe(1);
    expect(gw.countOf('GET', '/iserver/auth/status')).toBe(3);
    expect(clock.now()).toBe(start + 3 * 2_000);
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]).toMatchObject({ kind: 'gateway', title: 'IBKR gateway not authenticated' });
    expect(notifier.sent[0]?.message).toContain('Login required');
    gw.assertAllUsed();
  });

  it('asks for reauthentication only once per loss', async () => {
    const { gateway: gw, notifier, session } = sessionHarness();
    const unauthenticated = objectFixture('auth-status-unauthenticated');
    gw.ok('POST', '/iserver/reauthenticate', { message: 'triggered' }).ok(
      'GET',
      '/iserver/auth/status',
      unauthenticated,
      4,
    );
    const lost = { authenticated: false, competing: false, message: 'Login required' };
    await expect(session.recover(lost)).resolves.toBe(false);
    await expect(session.recover(lost)).resolves.toBe(false);
    expect(gw.countOf('POST', '/iserver/reauthenticate')).toBe(1);
    expect(notifier.sent).toHaveLength(1);
  });

  it('asks for reauthentication again once a competing login has gone away', async () => {
    const { gateway: gw, session } = sessionHarness();
    gw.ok('POST', '/iserver/reauthenticate', { message: 'triggered' })
      .ok('GET', '/iserver/auth/status', objectFixture('auth-status-competing'), 4)
      .ok('POST', '/iserver/reauthenticate', { message: 'triggered' })
      .ok('GET', '/iserver/auth/status', fixture('auth-status-authenticated'));
    const competing = { authenticated: false, competing: true, message: 'competing' };
    await expect(session.recover(competing)).resolves.toBe(false);
    await expect(session.recover(competing)).resolves.toBe(false);
    expect(gw.countOf('POST', '/iserver/reauthenticate')).toBe(1);

    const loggedOut = { authenticated: false, competing: false, message: 'Login required' };
    await expect(session.recover(loggedOut)).resolves.toBe(true);
    expect(gw.countOf('POST', '/iserver/reauthenticate')).toBe(2);
    await expect(session.ensureAuthenticated()).resolves.toBeUndefined();
  });

  it('sends no order while the session is known to be lost', async () => {
    const harness = await brokers.connected({ reauthPolls: 2 });
    const { gateway: gw, broker, notifier } = harness;
    gw.reply('GET', '/portfolio/DU1234567/summary', 401)
      .ok('POST', '/iserver/reauthenticate', { message: 'triggered' })
      .ok('GET', '/iserver/auth/status', fixture('auth-status-unauthenticated'), 4);
    await expect(broker.accountSummary()).rejects.toBeInstanceOf(GatewayNotAuthenticated);
    await expect(broker.placeOrder(BUY_BHP)).rejects.toThrow('Login required');
    expect(gw.countOf('POST', '/iserver/account/')).toBe(0);
    expect(gw.countOf('GET', '/iserver/account/orders')).toBe(0);
    expect(gw.countOf('POST', '/iserver/reauthenticate')).toBe(1);
    expect(notifier.sent).toHaveLength(1);
  });

  it('repeats a read that met a 401 once reauthentication succeeds', async () => {
    const harness = await brokers.connected();
    const { gateway: gw, broker } = harness;
    gw.reply('GET', '/portfolio/DU1234567/summary', 401)
      .ok('POST', '/iserver/reauthenticate', { message: 'triggered' })
      .ok('GET', '/iserver/auth/status', fixture('auth-status-authenticated'))
      .ok('GET', '/portfolio/DU1234567/summary', fixture('account-summary'));
    await expect(broker.accountSummary()).resolves.toMatchObject({ accountId: 'DU1234567' });
    expect(gw.countOf('GET', '/portfolio/DU1234567/summary')).toBe(2);
  });

  it('tickles on a timer until stopped', () => {
    const { session } = sessionHarness();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const tickle = vi.spyOn(session, 'tickle').mockResolvedValue(undefined);
    session.startKeepAlive();
    session.startKeepAlive();
    vi.advanceTimersByTime(60_000 * 2);
    expect(tickle).toHaveBeenCalledTimes(2);
    session.stopKeepAlive();
    vi.advanceTimersByTime(60_000 * 3);
    expect(tickle).toHaveBeenCalledTimes(2);
  });

  it('starts the keep-alive on connect and stops it on close', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const harness = await brokers.connected();
    expect(vi.getTimerCount()).toBe(1);
    await harness.broker.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('carries on polling when the reauthenticate request itself fails', async () => {
    const { gateway: gw, notifier, session } = sessionHarness();
    gw.reply('POST', '/iserver/reauthenticate', 500, { error: 'internal' }).ok(
      'GET',
      '/iserver/auth/status',
      fixture('auth-status-authenticated'),
    );
    await expect(session.recover({ authenticated: false, competing: false, message: 'x' })).resolves.toBe(true);
    expect(gw.countOf('POST', '/iserver/reauthenticate')).toBe(1);
    expect(notifier.sent).toEqual([]);
  });

  it('never resends an order POST answered 401, and starts recovery', async () => {
    const harness = await brokers.connected({ reauthPolls: 1 });
    const { gateway: gw, broker, notifier } = harness;
    gw.ok('GET', '/iserver/account/orders?force=true', fixture('live-orders'))
      .ok('GET', '/iserver/account/trades?days=1', [])
      .reply('POST', '/iserver/account/DU1234567/orders', 401)
      .ok('POST', '/iserver/reauthenticate', { message: 'triggered' })
      .ok('GET', '/iserver/auth/status', fixture('auth-status-unauthenticated'));
    const fresh = { ...BUY_BHP, clientOrderId: clientOrderId('skim-20250114-BHP-entry-7') };
    await expect(broker.placeOrder(fresh)).rejects.toBeInstanceOf(GatewayNotAuthenticated);
    expect(gw.countOf('POST', '/iserver/account/DU1234567/orders')).toBe(1);
    expect(notifier.sent).toHaveLength(1);
    gw.assertAllUsed();
  });
});
