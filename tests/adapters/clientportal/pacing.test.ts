import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_PACING } from '../../../src/adapters/clientportal/clientportal.config.js';
import { Pacer, pacedEndpointOf } from '../../../src/adapters/clientportal/pacing.js';
import { clientHarness } from './support/broker-harness.js';
import { JumpingClock } from './support/jumping-clock.js';

const START = 1_736_811_000_000;

describe('pacing', () => {
  it('lets ten requests through in the same instant and makes the eleventh wait', async () => {
    const clock = new JumpingClock(START);
    const pacer = new Pacer(DEFAULT_PACING, clock, () => 0.5);
    const sentAt: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      await pacer.acquire('other');
      sentAt.push(clock.now());
    }
    expect(sentAt.slice(0, 10).every((at) => at === START)).toBe(true);
    expect(sentAt[10]).toBe(START + 1_000);
    expect(clock.sleeps).toEqual([START + 1_000]);
  });

  it('never sends more than ten requests in any one-second window', async () => {
    const clock = new JumpingClock(START);
    const pacer = new Pacer(DEFAULT_PACING, clock, () => 0.5);
    const sentAt: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      await pacer.acquire('other');
      sentAt.push(clock.now());
    }
    for (const at of sentAt) {
      expect(sentAt.filter((other) => other >= at && other < at + 1_000).length).toBeLessThanOrEqual(10);
    }
  });

  it('spaces live-order requests five seconds apart', async () => {
    const clock = new JumpingClock(START);
    const pacer = new Pacer(DEFAULT_PACING, clock, () => 0.5);
    await pacer.acquire('live-orders');
    await pacer.acquire('other');
    await pacer.acquire('live-orders');
    expect(clock.now()).toBe(START + 5_000);
  });

  it('keeps at most five history requests in flight', async () => {
    const clock = new JumpingClock(START);
    const pacer = new Pacer(DEFAULT_PACING, clock, () => 0.5);
    const releases = await Promise.all([1, 2, 3, 4, 5].map(() => pacer.acquire('history')));
    let sixthStarted = false;
    const sixth = pacer.acquire('history').then((release) => {
      sixthStarted = true;
      return release;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(sixthStarted).toBe(false);
    releases[0]?.();
    (await sixth)();
    expect(sixthStarted).toBe(true);
  });

  it('pauses every request after a 429 with a capped, jittered, growing backoff', async () => {
    const clock = new JumpingClock(START);
    const pacer = new Pacer({ ...DEFAULT_PACING, backoffBaseMs: 1_000, backoffMaxMs: 4_000 }, clock, () => 0);
    expect(pacer.rateLimited()).toBe(500);
    expect(pacer.rateLimited()).toBe(1_000);
    expect(pacer.rateLimited()).toBe(2_000);
    expect(pacer.rateLimited()).toBe(2_000);
    await pacer.acquire('other');
    expect(clock.now()).toBe(START + 2_000);
    pacer.succeeded();
    expect(pacer.rateLimited()).toBe(500);
  });

  it('honours a Retry-After longer than its own backoff', () => {
    const pacer = new Pacer(DEFAULT_PACING, new JumpingClock(START), () => 1);
    expect(pacer.rateLimited(30_000)).toBe(30_000);
  });

  it('classifies endpoints by their own limits', () => {
    expect(pacedEndpointOf({ method: 'GET', path: '/iserver/marketdata/snapshot?conids=1&fields=31' })).toBe(
      'snapshot',
    );
    expect(pacedEndpointOf({ method: 'GET', path: '/iserver/account/orders?force=true' })).toBe('live-orders');
    expect(pacedEndpointOf({ method: 'POST', path: '/iserver/account/orders' })).toBe('other');
    expect(pacedEndpointOf({ method: 'GET', path: '/iserver/account/trades?days=1' })).toBe('trades');
    expect(pacedEndpointOf({ method: 'GET', path: '/portfolio/accounts' })).toBe('portfolio-accounts');
    expect(pacedEndpointOf({ method: 'POST', path: '/tickle' })).toBe('tickle');
    expect(pacedEndpointOf({ method: 'POST', path: '/iserver/scanner/run' })).toBe('scanner-run');
    expect(pacedEndpointOf({ method: 'GET', path: '/iserver/marketdata/history?conid=1' })).toBe('history');
  });

  it('holds the eleventh real request back until the bucket refills', async () => {
    const { gateway, clock, client } = clientHarness();
    gateway.ok('GET', '/iserver/auth/status', { authenticated: true }, 11);
    const start = clock.now();
    for (let i = 0; i < 11; i += 1) await client.get('/iserver/auth/status', z.unknown());
    expect(gateway.calls()).toHaveLength(11);
    expect(clock.sleeps).toEqual([start + 1_000]);
    await gateway.close();
  });
});
