import { describe, expect, it } from 'vitest';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import { asxSymbol } from '../../../src/domain/values/instrument.js';
import { flat, list, record, useSimulator } from './sim-client.js';

const ORDERS = '/iserver/account/DU1234567/orders';
const MARKET_BUY = {
  orders: [{ conid: 4_036_818, cOID: 'buy-1', orderType: 'MKT', side: 'BUY', quantity: 100, tif: 'DAY' }],
};

describe('gateway simulator: fault injection', () => {
  const simulator = useSimulator();

  it('answers the next N requests with HTTP 429, then normally', async () => {
    const client = await simulator({ faults: { rateLimitNext: 2 } });

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.api('GET', '/iserver/auth/status')).status);

    expect(statuses).toEqual([429, 429, 200]);
    expect(client.sim.faults.counts.rateLimited).toBe(2);
  });

  it('enforces per-endpoint pacing when asked, counting only admitted requests', async () => {
    const client = await simulator({ pacing: { tickle: { requests: 2, perMs: 60_000 } } });
    client.sim.faults.enforcePacing();

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.api('POST', '/tickle')).status);
    const other = await client.api('GET', '/iserver/auth/status');
    client.sim.faults.enforcePacing(false);
    const relaxed = await client.api('POST', '/tickle');

    expect(statuses).toEqual([200, 200, 429]);
    expect(other.status).toBe(200);
    expect(relaxed.status).toBe(200);
  });

  it('puts a client that keeps exceeding the limits in the penalty box', async () => {
    const client = await simulator({
      pacing: {
        tickle: { requests: 1, perMs: 60_000 },
        penaltyBox: { violations: 2, withinMs: 60_000, durationMs: 60_000 },
      },
      faults: { enforcePacing: true },
    });

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.api('POST', '/tickle')).status);
    const unrelated = await client.api('GET', '/iserver/auth/status');

    expect(statuses).toEqual([200, 429, 429]);
    expect(unrelated.status).toBe(429);
    expect(record(unrelated).error).toMatch(/penalty box/);
  });

  it('fails matching requests with a 5xx a given number of times', async () => {
    const client = await simulator({
      faults: { serverErrors: [{ match: 'GET /iserver/secdef/search', status: 502, times: 2 }] },
    });

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.api('GET', '/iserver/secdef/search?symbol=BHP')).status);
    const post = await client.api('POST', '/iserver/secdef/search', { symbol: 'BHP' });

    expect(statuses).toEqual([502, 502, 200]);
    expect(post.status).toBe(200);
  });

  it('delays matching requests only: a later, undelayed request is answered first', async () => {
    const client = await simulator();
    client.sim.faults.latency({ match: '/iserver/auth/status', ms: 300 });
    const answered: string[] = [];

    const slow = client.api('GET', '/iserver/auth/status').then(() => answered.push('status'));
    const fast = client.api('POST', '/tickle').then(() => answered.push('tickle'));
    await Promise.all([slow, fast]);

    expect(answered).toEqual(['tickle', 'status']);
  });

  it('ends the session as a matching request arrives: that request is answered 401, others before it were not', async () => {
    const client = await simulator({ faults: { sessionExpiresOn: [{ match: 'POST /iserver/account/*/orders' }] } });
    await client.api('GET', '/iserver/accounts');

    const before = await client.api('GET', '/iserver/account/orders');
    const order = await client.api('POST', ORDERS, MARKET_BUY);
    const status = record(await client.api('GET', '/iserver/auth/status'));

    expect(before.status).toBe(200);
    expect(order.status).toBe(401);
    expect(client.sim.exchange.orders()).toEqual([]);
    expect(status.authenticated).toBe(false);
  });

  it('delays only the next N matching requests: the one after it is answered first', async () => {
    const client = await simulator({ faults: { delays: [{ match: 'GET /iserver/auth/status', ms: 300, times: 1 }] } });

    const answered: string[] = [];
    const delayed = client.api('GET', '/iserver/auth/status').then(() => answered.push('first'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const prompt = client.api('GET', '/iserver/auth/status').then(() => answered.push('second'));
    await Promise.all([delayed, prompt]);

    expect(answered).toEqual(['second', 'first']);
  });

  it('drops a connection before handling: the order never reaches the exchange', async () => {
    const client = await simulator({ questions: { marketOrder: null } });
    await client.readAccounts();
    client.sim.market.publishBar('BHP', flat(0, '45.00'));
    client.sim.faults.dropConnection({ match: `POST ${ORDERS}`, when: 'before' });

    await expect(client.api('POST', ORDERS, MARKET_BUY)).rejects.toThrow();

    expect(client.sim.exchange.orders()).toEqual([]);
    expect(client.sim.requests().at(-1)).toMatchObject({ method: 'POST', status: 'dropped' });
  });

  it('drops the answer after the order was accepted: the order exists, the client never hears', async () => {
    const client = await simulator();
    await client.readAccounts();
    client.sim.market.publishBar('BHP', flat(0, '45.00'));
    client.sim.faults.dropAfterOrderAccepted();

    const [question] = list(await client.api('POST', ORDERS, MARKET_BUY));
    await expect(client.api('POST', `/iserver/reply/${String(question?.id)}`, { confirmed: true })).rejects.toThrow();

    expect(client.sim.exchange.findOrder(clientOrderId('buy-1'))?.status).toBe('pending');
    expect(client.sim.faults.counts.dropped).toBe(1);
  });

  it('switches faults on and off through the admin endpoints', async () => {
    const client = await simulator();

    const applied = await client.admin('POST', '/sim/faults', { competingSession: true, latency: [{ ms: 1 }] });
    const whileCompeting = await client.api('GET', '/iserver/auth/status');
    const cleared = await client.admin('DELETE', '/sim/faults');
    const afterwards = await client.api('GET', '/iserver/auth/status');
    const invalid = await client.admin('POST', '/sim/faults', { rateLimitNext: -1 });

    expect(applied.status).toBe(200);
    expect(whileCompeting.body).toMatchObject({ competing: true });
    expect(cleared.body).toEqual({ cleared: true });
    expect(afterwards.body).toMatchObject({ competing: false, authenticated: true });
    expect(invalid.status).toBe(400);
  });
});

describe('gateway simulator: admin endpoints', () => {
  const simulator = useSimulator();

  it('publishes bars and quotes, moves the replay clock and closes the day', async () => {
    const client = await simulator();
    const start = client.sim.now();

    const published = await client.admin('POST', '/sim/bars', {
      symbol: 'BHP',
      bars: [{ start, open: '45.00', high: '45.50', low: '44.90', close: '45.20', volume: 1000 }],
    });
    const quoted = await client.admin('POST', '/sim/quotes', { symbol: 'BHP', bid: '45.19', ask: 45.21 });
    const moved = await client.admin('POST', '/sim/clock', { at: new Date(start + 3_600_000).toISOString() });
    const closed = await client.admin('POST', '/sim/day/end', {});
    const state = record(await client.admin('GET', '/sim/state'));

    expect(published.body).toEqual({ published: 1, now: start + 60_000 });
    expect(quoted.status).toBe(200);
    expect(moved.body).toEqual({ now: start + 3_600_000 });
    expect(closed.status).toBe(200);
    expect(state).toMatchObject({ now: start + 3_600_000, replay: true });
    const bhp = client.sim.exchange.findInstrument(asxSymbol('BHP'));
    expect(bhp === undefined ? [] : client.sim.exchange.bars(bhp, '1d')).toHaveLength(1);
  });

  it('refuses malformed admin bodies with the field at fault', async () => {
    const client = await simulator();

    const offTick = await client.admin('POST', '/sim/bars', {
      symbol: 'BHP',
      bars: [{ start: client.sim.now(), open: '45.001', high: '45.50', low: '44.90', close: '45.20', volume: 1 }],
    });
    const unknown = await client.admin('POST', '/sim/quotes', { symbol: 'ZZZZ', last: '1.00' });
    const missing = await client.admin('POST', '/sim/bars', { symbol: 'BHP' });

    expect(offTick.status).toBe(400);
    expect(record(offTick).error).toMatch(/45\.001|price/);
    expect(unknown.status).toBe(400);
    expect(record(missing).error).toMatch(/^bars/);
  });

  it('lists its endpoints and the requests it answered', async () => {
    const client = await simulator();
    await client.api('GET', '/iserver/auth/status');

    const index = record(await client.admin('GET', '/sim'));
    const requests = list(await client.admin('GET', '/sim/requests'));

    expect(Object.keys(index)).toContain('POST /sim/faults');
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/v1/api/iserver/auth/status', status: 200 });
  });
});
