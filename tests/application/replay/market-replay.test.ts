import { describe, expect, it } from 'vitest';
import { MarketReplay } from '../../../src/application/replay/market-replay.js';
import { ReplayStalled } from '../../../src/application/replay/replay-stalled.error.js';
import type { OutsideWork } from '../../../src/application/replay/replay.ports.js';
import { TradingCalendar } from '../../../src/domain/market/trading-calendar.js';
import type { Price } from '../../../src/domain/values/price.js';
import type { EpochMs } from '../../../src/domain/values/time.js';
import { at, DAY, flat, GAPR, ListTape, simulatedMarket } from './replay-fixtures.js';

const calendar = new TradingCalendar();
const BARS = [flat('10:00', '1.000'), flat('10:01', '1.100'), flat('10:02', '1.200')];

interface Sighting {
  readonly at: EpochMs;
  readonly brokerBars: number;
  readonly exchangeBars: number;
  readonly last: Price | undefined;
}

function replayOf(world: ReturnType<typeof simulatedMarket>, outsideWork?: OutsideWork) {
  return new MarketReplay({
    clock: world.clock,
    venue: world.venue,
    tape: new ListTape(GAPR, BARS),
    calendar,
    ...(outsideWork === undefined ? {} : { outsideWork }),
  });
}

/** Sleeps until each instant and reports what the market shows then, through the broker and on the exchange itself. */
async function watch(world: ReturnType<typeof simulatedMarket>, times: readonly string[]): Promise<Sighting[]> {
  const sightings: Sighting[] = [];
  for (const time of times) {
    await world.clock.sleepUntil(at(time));
    const bars = await world.broker.bars(GAPR, { size: '1min', from: at('09:00'), to: at('17:00') });
    const [quote] = await world.broker.quotes([GAPR]);
    sightings.push({
      at: world.clock.now(),
      brokerBars: bars.length,
      exchangeBars: world.exchange.bars(GAPR, '1min').length,
      last: quote?.lastIsPreviousClose === false ? quote.last : undefined,
    });
  }
  return sightings;
}

describe('MarketReplay', () => {
  it('shows a bar exactly when it has completed, never earlier, and wakes sleepers at their instant', async () => {
    const world = simulatedMarket(at('07:00'));

    const sightings = await replayOf(world).runDay(DAY, () =>
      watch(world, ['09:59:59', '10:00:30', '10:01', '10:01:30', '10:02', '10:03']),
    );

    expect(sightings.map(({ at: when, exchangeBars, brokerBars }) => [when, exchangeBars, brokerBars])).toEqual([
      [at('09:59:59'), 0, 0],
      [at('10:00:30'), 0, 0],
      [at('10:01'), 1, 1],
      [at('10:01:30'), 1, 1],
      [at('10:02'), 2, 2],
      [at('10:03'), 3, 3],
    ]);
    expect(sightings.map((sighting) => sighting.last)).toEqual([undefined, undefined, 1000, 1000, 1100, 1200]);
  });

  it('starts a late day with the bars completed before it as history', async () => {
    const world = simulatedMarket(at('10:02:30'));

    const [sighting] = await replayOf(world).runDay(DAY, () => watch(world, ['10:02:30']));

    expect(sighting).toMatchObject({ at: at('10:02:30'), exchangeBars: 2, last: 1100 });
  });

  it('publishes the rest of the tape and ends the day at the close once the work is done', async () => {
    const world = simulatedMarket(at('07:00'));

    const result = await replayOf(world).runDay(DAY, async () => {
      await world.clock.sleepUntil(at('10:00:30'));
      return 'finished early';
    });

    expect(result).toBe('finished early');
    expect(world.venue.calls).toEqual([
      `bar ${at('10:00')}`,
      `bar ${at('10:01')}`,
      `bar ${at('10:02')}`,
      `end ${at('16:00')}`,
    ]);
    expect(world.clock.now()).toBe(at('16:00'));
    expect(world.exchange.bars(GAPR, '1d')).toMatchObject([
      { start: at('10:00'), open: 1000, high: 1200, close: 1200 },
    ]);
  });

  it('does not move time while a request of the woken work is in flight', async () => {
    const world = simulatedMarket(at('07:00'));
    const network = new FakeNetwork();

    const seen = await replayOf(world, network).runDay(DAY, async () => {
      await world.clock.sleepUntil(at('10:00:30'));
      for (let i = 0; i < 3; i++) await network.request(15);
      const afterRequests = { at: world.clock.now(), bars: world.exchange.bars(GAPR, '1min').length };
      await world.clock.sleepUntil(at('10:01'));
      return afterRequests;
    });

    expect(seen).toEqual({ at: at('10:00:30'), bars: 0 });
    expect(network.completed).toBe(3);
  });

  it('ends the day and then rethrows when the work fails', async () => {
    const world = simulatedMarket(at('07:00'));

    const run = replayOf(world).runDay(DAY, async () => {
      await world.clock.sleepUntil(at('10:01'));
      throw new Error('step exploded');
    });

    await expect(run).rejects.toThrow('step exploded');
    expect(world.venue.calls.at(-1)).toBe(`end ${at('16:00')}`);
  });

  it('stops with ReplayStalled when the work waits on something that never comes', async () => {
    const world = simulatedMarket(at('07:00'));

    const run = replayOf(world).runDay(DAY, () => new Promise<never>(() => undefined));

    await expect(run).rejects.toThrow(ReplayStalled);
    await expect(run).rejects.toThrow(/sleeps on nothing and the tape is over/);
  });

  it('stops with ReplayStalled when the work sleeps past the day', async () => {
    const world = simulatedMarket(at('07:00'));

    const run = replayOf(world).runDay(DAY, async () => {
      await world.clock.sleepUntil(at('09:00', '2025-07-16' as typeof DAY));
    });

    await expect(run).rejects.toThrow(/after the day/);
  });
});

/** Requests answered after a real timer, counted the way the demo counts HTTP requests. */
class FakeNetwork implements OutsideWork {
  completed = 0;
  private open = 0;
  private changes = 0;
  private waiting: (() => void)[] = [];

  async request(ms: number): Promise<void> {
    this.open += 1;
    this.changes += 1;
    await new Promise((resolve) => setTimeout(resolve, ms));
    this.open -= 1;
    this.changes += 1;
    this.completed += 1;
    if (this.open === 0) for (const wake of this.waiting.splice(0)) wake();
  }

  inFlight(): number {
    return this.open;
  }

  activity(): number {
    return this.changes;
  }

  idle(): Promise<void> {
    return this.open === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
}
