import { describe, expect, it } from 'vitest';
import { candidateId } from '../../../src/domain/candidate/candidate.js';
import { instrument, type Instrument } from '../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { localDate } from '../../../src/domain/values/time.js';
import { at, flatBar, gapperRange, minuteBar, seedDailyCloses, watch } from './support/market-script.js';
import { TradingWorld } from './support/trading-world.js';

const DAY = '2025-07-15';
const ALPH = instrument('ALPH', 9_201);

function openingWorld(on: Instrument = ALPH, date = DAY, announced = true) {
  const world = new TradingWorld({ start: at(date, '08:00'), instruments: [on] });
  seedDailyCloses(world, on, date, ['0.990', '1.000']);
  watch(world, on, date, { announced });
  return world;
}

const candidateOf = (world: TradingWorld, on: Instrument = ALPH, date = DAY) =>
  world.repository.candidates.get(candidateId(localDate(date), on.symbol));

describe('TrackOpeningRangeUseCase', () => {
  it('triggers a candidate that opens at least the minimum gap above the previous close', async () => {
    const world = openingWorld();
    world.exchange.publishBar(ALPH, minuteBar(DAY, '10:00', ['1.030', '1.040', '1.020', '1.035']));
    world.clock.set(at(DAY, '10:01'));

    await world.track.run();

    expect(candidateOf(world)).toMatchObject({ status: 'triggered', gapPct: 3 });
  });

  it('expires a candidate whose official open is below the minimum gap, saying so', async () => {
    const world = openingWorld();
    world.exchange.publishBar(ALPH, minuteBar(DAY, '10:00', ['1.025', '1.080', '1.020', '1.070']));
    world.clock.set(at(DAY, '10:01'));

    await world.track.run();

    expect(candidateOf(world)).toMatchObject({
      status: 'expired',
      note: 'gap 2.5 % at the open is below the 3 % minimum',
    });
  });

  it('does not take yesterday’s close shown as the last price for an open', async () => {
    const world = openingWorld();
    world.clock.set(at(DAY, '10:00:30'));

    const progress = await world.track.run();

    expect(progress.waiting).toBe(1);
    expect(candidateOf(world)?.status).toBe('watching');
  });

  it('does not count a halted quote as an open', async () => {
    const world = openingWorld();
    world.broker.halted.add('ALPH');
    world.exchange.publishBar(ALPH, minuteBar(DAY, '10:00', ['1.050', '1.080', '1.040', '1.070']));
    world.clock.set(at(DAY, '10:01'));

    await world.track.run();

    expect(candidateOf(world)?.status).toBe('watching');
  });

  it('records the range high, range low and low of day once the range minutes are complete', async () => {
    const world = openingWorld();
    for (const bar of gapperRange(DAY)) world.exchange.publishBar(ALPH, bar);

    world.clock.set(at(DAY, '10:04:59'));
    await world.track.run();
    expect(candidateOf(world)?.openingRangeHigh).toBeUndefined();

    world.clock.set(at(DAY, '10:05'));
    await world.track.run();
    expect(candidateOf(world)).toMatchObject({
      status: 'triggered',
      openingRangeHigh: parsePrice('1.100'),
      openingRangeLow: parsePrice('1.040'),
      lowOfDay: parsePrice('1.040'),
    });
  });

  it('uses the staggered open of the stock’s letter group before 23 June 2025', async () => {
    const day = '2025-04-16';
    const late = instrument('SXY', 9_202);
    const world = openingWorld(late, day);
    const bars = [
      minuteBar(day, '10:09', ['1.050', '1.060', '1.045', '1.055']),
      minuteBar(day, '10:10', ['1.055', '1.070', '1.050', '1.065']),
      minuteBar(day, '10:11', ['1.065', '1.075', '1.060', '1.070']),
      minuteBar(day, '10:12', ['1.070', '1.080', '1.065', '1.075']),
      minuteBar(day, '10:13', ['1.075', '1.090', '1.070', '1.085']),
    ];
    for (const bar of bars) world.exchange.publishBar(late, bar);

    world.clock.set(at(day, '10:08'));
    await world.track.run();
    expect(candidateOf(world, late, day)?.status).toBe('watching');

    world.clock.set(at(day, '10:14'));
    await world.track.run();
    expect(candidateOf(world, late, day)).toMatchObject({
      status: 'triggered',
      openingRangeHigh: parsePrice('1.090'),
      openingRangeLow: parsePrice('1.045'),
    });
  });

  it('expires a triggered candidate when no bar traded during the range', async () => {
    const world = openingWorld();
    world.exchange.publishBar(ALPH, flatBar(DAY, '10:00', '1.050'));
    world.broker.hideMinuteBars = true;
    world.clock.set(at(DAY, '10:05'));

    await world.track.run();

    expect(candidateOf(world)).toMatchObject({
      status: 'expired',
      note: 'nothing traded in the first 5 minutes: no opening range',
    });
  });

  it('rejects a candidate without a price-sensitive announcement when the strategy requires one', async () => {
    const world = openingWorld(ALPH, DAY, false);
    world.clock.set(at(DAY, '10:01'));

    await world.track.run();

    expect(candidateOf(world)).toMatchObject({
      status: 'rejected',
      note: 'no price-sensitive announcement, and the strategy requires one',
    });
  });
});
