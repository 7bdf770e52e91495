import { afterEach, describe, expect, it } from 'vitest';
import { request, Agent } from 'undici';
import { asxSymbol, instrument, type Instrument } from '../../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../../src/domain/values/price.js';
import { clientOrderId } from '../../../../src/domain/orders/client-order-id.js';
import { quantity } from '../../../../src/domain/values/quantity.js';
import { streamOverSimulator, waitFor, type StreamOverSimulator } from './stream-harness.js';

const MINUTE = 60_000;
const OPEN = Date.UTC(2025, 0, 13, 23, 0);

let world: StreamOverSimulator | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function started(): Promise<StreamOverSimulator> {
  world = await streamOverSimulator({ replayFrom: OPEN });
  await world.stream.start();
  return world;
}

async function bhp(w: StreamOverSimulator): Promise<Instrument> {
  return w.broker.resolveInstrument(asxSymbol('BHP'));
}

describe('gateway WebSocket over the simulator', () => {
  it('authenticates with the /tickle session and streams quotes as they are published', async () => {
    const w = await started();
    expect(w.stream.health().mode).toBe('stream');
    const target = await bhp(w);
    w.stream.subscribeQuotes([target]);
    w.sim.market.publishQuote('BHP', { at: OPEN + 1_000, last: parsePrice('45.20'), bid: parsePrice('45.19') });
    await waitFor('a streamed quote', () => w.recorded.quotes.some((u) => u.quote.last === parsePrice('45.20')));
    w.sim.market.publishQuote('BHP', { at: OPEN + 2_000, ask: parsePrice('45.22') });
    await waitFor('the ask', () => w.stream.latestQuote(target)?.ask === parsePrice('45.22'));
    const latest = w.stream.latestQuote(target);
    // Only the ask changed in the second frame; the merged quote keeps the last and the bid.
    expect(latest).toMatchObject({ last: parsePrice('45.20'), bid: parsePrice('45.19'), at: OPEN + 2_000 });
    expect(w.recorded.quotes.every((u) => u.source === 'stream')).toBe(true);
    expect(w.recorded.trades.map((t) => t.trade)).toEqual([{ price: parsePrice('45.20'), at: OPEN + 1_000 }]);
  });

  it('reconnects after the socket is dropped and subscribes everything again', async () => {
    const w = await started();
    const target = await bhp(w);
    w.stream.subscribeQuotes([target]);
    await waitFor('subscription', () => w.sim.stream.status().open === 1);
    w.sim.stream.dropConnections();
    await waitFor('the drop to be noticed', () => w.recorded.health.some((h) => h.mode === 'down'));
    await waitFor(
      'the reconnection',
      () => w.stream.health().mode === 'stream' && w.sim.stream.counts.connections >= 2,
    );
    w.sim.market.publishQuote('BHP', { at: OPEN + 5_000, last: parsePrice('46.00') });
    await waitFor('a quote after reconnecting', () => w.stream.latestQuote(target)?.last === parsePrice('46.00'));
    expect(w.recorded.health.map((h) => h.mode)).toEqual(['stream', 'down', 'stream']);
  });

  it('treats a socket that goes silent without closing as dead and reconnects', async () => {
    const w = await started();
    w.sim.stream.stall();
    await waitFor('the stall to be detected', () => w.stream.health().mode === 'down');
    expect(w.stream.health().reason).toContain('no heartbeat');
    w.sim.stream.stall(false);
    await waitFor('the stream back', () => w.stream.health().mode === 'stream');
    expect(w.sim.stream.counts.connections).toBeGreaterThanOrEqual(2);
  });

  it('drops the socket when the gateway reports its session lost, and streams again once it is back', async () => {
    const w = await started();
    const target = await bhp(w);
    w.stream.subscribeQuotes([target]);
    await waitFor('subscription', () => w.sim.stream.status().open === 1);

    w.sim.faults.expireSession();
    await waitFor('the lost session to be noticed', () => w.stream.health().mode === 'down');
    expect(w.stream.health().reason).toMatch(/^gateway session not authenticated/);
    // While the session is down the reconnection attempts are refused, so the stream stays down.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(w.stream.health().mode).toBe('down');

    // IBeam logs the session back in.
    w.sim.session.reauthenticate();
    w.sim.session.status();
    await waitFor('the stream back', () => w.stream.health().mode === 'stream');
    w.sim.market.publishQuote('BHP', { at: OPEN + 5_000, last: parsePrice('46.10') });
    await waitFor(
      'a quote after the session came back',
      () => w.stream.latestQuote(target)?.last === parsePrice('46.10'),
    );
    expect(w.recorded.health.map((h) => h.mode).filter((mode, i, all) => mode !== all[i - 1])).toEqual([
      'stream',
      'down',
      'stream',
    ]);
  });

  it('ignores malformed frames and keeps streaming', async () => {
    const w = await started();
    const target = await bhp(w);
    w.stream.subscribeQuotes([target]);
    await waitFor('subscription', () => w.sim.stream.status().open === 1);
    w.sim.stream.sendMalformed(3);
    w.sim.market.publishQuote('BHP', { at: OPEN + 1_000, last: parsePrice('45.50') });
    await waitFor('a quote after the bad frames', () => w.stream.latestQuote(target)?.last === parsePrice('45.50'));
    expect(w.sim.stream.counts.malformed).toBe(3);
    expect(w.stream.health().mode).toBe('stream');
    expect(w.sim.stream.counts.connections).toBe(1);
  });

  it('streams order updates and fills from the exchange', async () => {
    const w = await started();
    const target = instrument('BHP', (await bhp(w)).conid);
    await waitFor('orders subscription', () => w.sim.stream.status().open === 1);
    w.sim.market.publishQuote('BHP', { at: OPEN, last: parsePrice('45.00') });
    const id = clientOrderId('stream-test-1');
    await w.broker.placeOrder({
      clientOrderId: id,
      instrument: target,
      side: 'BUY',
      type: 'LMT',
      quantity: quantity(100),
      limitPrice: parsePrice('45.10'),
      tif: 'DAY',
      purpose: 'entry',
    });
    w.sim.market.publishBar('BHP', {
      start: OPEN + MINUTE,
      open: parsePrice('45.00'),
      high: parsePrice('45.20'),
      low: parsePrice('44.90'),
      close: parsePrice('45.05'),
      volume: 100_000,
    });
    await waitFor('the fill', () => w.recorded.fills.length === 1);
    await waitFor('the filled order', () => w.recorded.orders.some((o) => o.status === 'filled'));
    expect(w.recorded.fills[0]).toMatchObject({ clientOrderId: id, quantity: 100 });
    expect(w.recorded.orders.map((o) => o.clientOrderId)).toContain(id);
  });

  it('switches faults through the admin endpoint', async () => {
    const w = await started();
    const agent = new Agent({ connect: { rejectUnauthorized: false } });
    try {
      const answer = await request(`${w.sim.url}/sim/stream/faults`, {
        dispatcher: agent,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ drop: true }),
      });
      expect(answer.statusCode).toBe(200);
      await answer.body.text();
      await waitFor('the drop', () => w.recorded.health.some((h) => h.mode === 'down'));
      expect(w.sim.stream.counts.dropped).toBe(1);
      const refused = await request(`${w.sim.url}/sim/stream/faults`, {
        dispatcher: agent,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ malformed: -1 }),
      });
      expect(refused.statusCode).toBe(400);
      await refused.body.text();
    } finally {
      await agent.close();
    }
  });
});
