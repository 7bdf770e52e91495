import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { SystemClock } from '../../../src/adapters/clock/system.clock.js';
import { SwitchingMarketDataStream } from '../../../src/adapters/streaming/switching.market-data-stream.js';
import { freshQuote } from '../../../src/domain/ports/market-data-stream.port.js';
import { asxSymbol } from '../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import {
  Recorded,
  streamOverSimulator,
  waitFor,
  type StreamOverSimulator,
} from '../gateway-sim/streaming/stream-harness.js';

const OPEN = Date.UTC(2025, 0, 13, 23, 0);

interface Switching {
  readonly world: StreamOverSimulator;
  readonly switching: SwitchingMarketDataStream;
  readonly seen: Recorded;
}

let current: Switching | undefined;

afterEach(async () => {
  await current?.switching.stop();
  await current?.world.close();
  current = undefined;
});

async function switchingOverSimulator(): Promise<Switching> {
  const world = await streamOverSimulator({ replayFrom: OPEN });
  const switching = new SwitchingMarketDataStream(
    world.stream,
    world.broker,
    { clock: new SystemClock(), logger: pino({ level: 'silent' }) },
    { quotePollMs: 30, orderPollMs: 100 },
  );
  const seen = new Recorded();
  seen.attach(switching);
  current = { world, switching, seen };
  await switching.start();
  return current;
}

describe('SwitchingMarketDataStream', () => {
  it('falls back to REST polling while the socket is dead and switches back when it returns', async () => {
    const { world, switching, seen } = await switchingOverSimulator();
    const bhp = await world.broker.resolveInstrument(asxSymbol('BHP'));
    switching.subscribeQuotes([bhp]);
    expect(switching.health().mode).toBe('stream');

    world.sim.stream.stall();
    await waitFor('polling', () => switching.health().mode === 'polling');
    world.sim.market.publishQuote('BHP', { at: OPEN + 1_000, last: parsePrice('47.00') });
    await waitFor('a polled quote', () =>
      seen.quotes.some((u) => u.source === 'polling' && u.quote.last === parsePrice('47.00')),
    );

    world.sim.stream.stall(false);
    await waitFor('the stream back', () => switching.health().mode === 'stream');
    world.sim.market.publishQuote('BHP', { at: OPEN + 2_000, last: parsePrice('47.10') });
    await waitFor('a streamed quote', () =>
      seen.quotes.some((u) => u.source === 'stream' && u.quote.last === parsePrice('47.10')),
    );
    expect(seen.health.map((h) => h.mode)).toEqual(['stream', 'down', 'polling', 'stream']);
    expect(switching.latestQuote(bhp)?.last).toBe(parsePrice('47.10'));
  });

  it('reports down when neither the socket nor REST answers, and never serves a stale quote as fresh', async () => {
    const { world, switching, seen } = await switchingOverSimulator();
    const bhp = await world.broker.resolveInstrument(asxSymbol('BHP'));
    switching.subscribeQuotes([bhp]);
    world.sim.market.publishQuote('BHP', { at: OPEN + 1_000, last: parsePrice('45.00') });
    await waitFor('a quote', () => switching.latestQuote(bhp) !== undefined);
    world.sim.stream.stall();
    world.sim.faults.apply({ serverErrors: [{ match: '/iserver/marketdata/snapshot', times: 1_000 }] });
    await waitFor('REST to fail too', () => switching.health().reason.includes('REST snapshots failing'));
    expect(switching.health().mode).toBe('down');
    expect(seen.health.map((h) => h.mode)).not.toContain('polling');
    const held = switching.latestQuote(bhp);
    expect(held?.at).toBe(OPEN + 1_000);
    expect(freshQuote(held, OPEN + 1_500, 1_000)).toBe(held);
    expect(freshQuote(held, OPEN + 2_001, 1_000)).toBeUndefined();
  });
});
