import { describe, expect, it } from 'vitest';
import { candidateId } from '../../../src/domain/candidate/candidate.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { localDate } from '../../../src/domain/values/time.js';
import {
  at,
  gapperRange,
  gappersReadyToEnter,
  minuteBar,
  seedDailyCloses,
  watch,
} from '../trading/support/market-script.js';
import { StreamWorld, type StreamWorldOptions } from './support/stream-world.js';

const DAY = '2025-07-15';
const ALPH = instrument('ALPH', 9_101);
const SECOND = 1_000;

/** ALPH triggered with its range 1.040 - 1.100 recorded at 10:05 (from bars), decisions on the stream from `now`. */
async function rangeRecorded(now: number, options: Partial<StreamWorldOptions> = {}): Promise<StreamWorld> {
  const world = new StreamWorld({ start: at(DAY, '08:00'), instruments: [ALPH], ...options });
  await gappersReadyToEnter(world, [ALPH], DAY);
  world.clock.set(now);
  await world.decisions.start();
  return world;
}

/** ALPH watched, its morning bars on the exchange, decisions on the stream since 09:50. */
async function morningAhead(options: Partial<StreamWorldOptions> = {}): Promise<StreamWorld> {
  const world = new StreamWorld({ start: at(DAY, '08:00'), instruments: [ALPH], ...options });
  seedDailyCloses(world, ALPH, DAY, ['0.990', '1.000']);
  watch(world, ALPH, DAY);
  for (const bar of gapperRange(DAY)) world.exchange.publishBar(ALPH, bar);
  world.clock.set(at(DAY, '09:50'));
  await world.decisions.start();
  return world;
}

const candidateOf = (world: StreamWorld) => world.repository.candidates.get(candidateId(localDate(DAY), ALPH.symbol));

describe('StreamDecisions', () => {
  it('buys at market on the breakout trade itself, before the next timer tick', async () => {
    const now = at(DAY, '10:05') + 20 * SECOND;
    const world = await rangeRecorded(now, { strategy: { entryOrder: 'market' } });

    world.stream.pushTrade(ALPH, '1.120', now);
    await world.decisions.idle();

    expect(world.clock.now()).toBe(now);
    expect(world.exchange.orders()).toMatchObject([{ side: 'BUY', type: 'MKT' }]);
    expect(candidateOf(world)?.status).toBe('entered');
  });

  it('rests the buy-stop on the first event after the opening range completes', async () => {
    const world = new StreamWorld({ start: at(DAY, '08:00'), instruments: [ALPH] });
    seedDailyCloses(world, ALPH, DAY, ['0.990', '1.000']);
    watch(world, ALPH, DAY);
    for (const bar of gapperRange(DAY)) world.exchange.publishBar(ALPH, bar);
    world.clock.set(at(DAY, '10:03'));
    await world.track.run();
    expect(candidateOf(world)?.status).toBe('triggered');
    expect(candidateOf(world)?.openingRangeHigh).toBeUndefined();
    await world.decisions.start();

    const now = at(DAY, '10:05') + SECOND;
    world.clock.set(now);
    world.stream.pushQuote(ALPH, '1.095', now);
    await world.decisions.idle();

    expect(world.exchange.orders()).toMatchObject([{ side: 'BUY', type: 'STP', stopPrice: parsePrice('1.105') }]);
    expect(candidateOf(world)).toMatchObject({ status: 'entered', openingRangeHigh: parsePrice('1.100') });
  });

  it('decides nothing on a quote older than maxQuoteAgeMs, and the timer check will not use it either', async () => {
    const now = at(DAY, '10:05') + 10 * SECOND;
    const world = await rangeRecorded(now, { strategy: { entryOrder: 'market' } });

    world.stream.pushQuote(ALPH, '1.120', now - 6 * SECOND);
    await world.decisions.idle();
    expect(world.runs.entries).toBe(0);
    expect(world.logged('stale market data ignored')).toHaveLength(1);

    await world.decisions.serialised(world.streamExecute).run();
    expect(world.exchange.orders()).toEqual([]);
    expect(world.logged('no quote younger than 5000 ms')).toHaveLength(1);

    world.stream.pushQuote(ALPH, '1.120', now);
    await world.decisions.idle();
    expect(world.exchange.orders()).toMatchObject([{ side: 'BUY', type: 'MKT' }]);
  });

  it('ignores a trade print older than maxQuoteAgeMs', async () => {
    const now = at(DAY, '10:05') + 30 * SECOND;
    const world = await rangeRecorded(now, { strategy: { entryOrder: 'market' } });

    world.stream.pushTrade(ALPH, '1.120', now - 5 * SECOND - 1);
    await world.decisions.idle();

    expect(world.runs.entries).toBe(0);
    expect(world.exchange.orders()).toEqual([]);
  });

  it('sends one order for a burst of breakout ticks, in one entry check', async () => {
    const now = at(DAY, '10:05') + 20 * SECOND;
    const world = await rangeRecorded(now, { strategy: { entryOrder: 'market' } });

    for (const price of ['1.110', '1.115', '1.120', '1.115', '1.120', '1.125', '1.120', '1.125']) {
      world.stream.pushTrade(ALPH, price, now);
    }
    await world.decisions.idle();

    expect(world.runs.entries).toBe(1);
    expect(world.broker.placeCalls).toBe(1);
    expect(world.exchange.orders()).toHaveLength(1);
  });

  it('still decides on polled quotes when the WebSocket is down: gap, range from bars, then the breakout', async () => {
    const world = await morningAhead({ mode: 'polling', strategy: { entryOrder: 'market' } });

    const first = at(DAY, '10:05') + 2 * SECOND;
    world.clock.set(first);
    world.stream.pushQuote(ALPH, '1.090', first, 'polling');
    await world.decisions.idle();
    expect(candidateOf(world)).toMatchObject({
      status: 'triggered',
      openingRangeHigh: parsePrice('1.100'),
      openingRangeLow: parsePrice('1.040'),
    });
    expect(world.exchange.orders()).toEqual([]);

    const second = first + 2 * SECOND;
    world.clock.set(second);
    world.stream.pushQuote(ALPH, '1.120', second, 'polling');
    await world.decisions.idle();
    expect(world.exchange.orders()).toMatchObject([{ side: 'BUY', type: 'MKT' }]);
  });

  it('opens the position and places its protective stop as soon as the entry fill is heard', async () => {
    const now = at(DAY, '10:05') + 20 * SECOND;
    const world = await rangeRecorded(now, { strategy: { entryOrder: 'market' } });
    world.stream.pushTrade(ALPH, '1.120', now);
    await world.decisions.idle();
    world.exchange.publishBar(ALPH, minuteBar(DAY, '10:05', ['1.120', '1.125', '1.115', '1.120']));
    const [fill] = await world.broker.fills(at(DAY, '00:00'));
    expect(fill).toBeDefined();
    if (fill === undefined) return;

    world.clock.set(at(DAY, '10:06') - SECOND);
    world.stream.pushFill(fill);
    await world.decisions.idle();

    expect(world.repository.positions.withStatus(['open'])).toMatchObject([{ instrument: ALPH }]);
    expect(world.exchange.orders().map((order) => [order.side, order.type, order.stopPrice])).toEqual([
      ['BUY', 'MKT', undefined],
      ['SELL', 'STP', parsePrice('1.040')],
    ]);
  });

  it('subscribes the day’s candidates on start, and stops the stream after the decision in flight', async () => {
    const world = await morningAhead();
    expect([...world.stream.subscribed.values()]).toEqual([ALPH]);
    expect(world.stream.started).toBe(1);

    await world.decisions.stop();

    expect(world.stream.stopped).toBe(1);
    expect(world.stream.subscribed.size).toBe(0);
    world.stream.pushQuote(ALPH, '1.120', world.clock.now());
    await world.decisions.idle();
    expect(world.runs).toEqual({ track: 0, entries: 0, manage: 0 });
  });
});
