import { describe, expect, it } from 'vitest';
import { candidateId } from '../../../src/domain/candidate/candidate.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { money } from '../../../src/domain/values/money.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { localDate } from '../../../src/domain/values/time.js';
import { MarketReplay, at, minuteBar, seedDailyCloses, watch } from './support/market-script.js';
import { TradingWorld } from './support/trading-world.js';

const DAY = '2025-07-15';
const GAPR = instrument('GAPR', 9_001);

/** Previous close 1.000; opens at 1.050 (+5 %); range 1.040 - 1.100; breaks out at 10:05. */
const MORNING = [
  minuteBar(DAY, '10:00', ['1.050', '1.080', '1.040', '1.070']),
  minuteBar(DAY, '10:01', ['1.070', '1.090', '1.060', '1.085']),
  minuteBar(DAY, '10:02', ['1.085', '1.100', '1.075', '1.090']),
  minuteBar(DAY, '10:03', ['1.090', '1.095', '1.070', '1.080']),
  minuteBar(DAY, '10:04', ['1.080', '1.095', '1.075', '1.090']),
  minuteBar(DAY, '10:05', ['1.090', '1.120', '1.085', '1.115']),
  minuteBar(DAY, '10:30', ['1.115', '1.130', '1.110', '1.120']),
];

function gapperDay() {
  const world = new TradingWorld({ start: at(DAY, '08:00'), instruments: [GAPR] });
  seedDailyCloses(world, GAPR, DAY, ['0.990', '1.000']);
  watch(world, GAPR, DAY);
  return { world, replay: new MarketReplay(world).add(GAPR, MORNING) };
}

describe('TradingDay on the simulated exchange', () => {
  it('takes an announced gapper from watching to an entered position protected by a stop', async () => {
    const { world, replay } = gapperDay();

    const day = world.day.run();
    await replay.runUntil(at(DAY, '16:00'));
    const result = await day;

    const candidate = world.repository.candidates.get(candidateId(localDate(DAY), GAPR.symbol));
    expect(candidate).toMatchObject({
      status: 'entered',
      openingRangeHigh: parsePrice('1.100'),
      openingRangeLow: parsePrice('1.040'),
      lowOfDay: parsePrice('1.040'),
    });
    expect(world.exchange.orders().map((o) => [o.side, o.type, o.quantity, o.stopPrice, o.status])).toEqual([
      ['BUY', 'STP', 1000, parsePrice('1.105'), 'filled'],
      ['SELL', 'STP', 1000, parsePrice('1.040'), 'working'],
    ]);
    const [position] = world.repository.positions.withStatus(['open']);
    expect(position).toMatchObject({ quantity: 1000, stopPrice: parsePrice('1.040'), costBasis: money(1_105_000) });
    expect(result).toMatchObject({
      kind: 'traded',
      summary: {
        candidates: { entered: 1 },
        entries: [{ symbol: 'GAPR', quantity: 1000, averagePriceMills: 1105 }],
        exits: [],
        realisedPnl: money(-6_000),
        openPositions: [{ symbol: 'GAPR', quantity: 1000, stopPrice: parsePrice('1.040') }],
      },
    });
  });

  it('closes the position with reason stop when the protective stop is hit', async () => {
    const { world, replay } = gapperDay();
    replay.add(GAPR, [minuteBar(DAY, '11:00', ['1.060', '1.060', '1.030', '1.035'])]);

    const day = world.day.run();
    await replay.runUntil(at(DAY, '16:00'));
    const result = await day;

    expect(world.repository.positions.withStatus(['open', 'half_exited'])).toEqual([]);
    expect(result).toMatchObject({
      summary: {
        exits: [{ symbol: 'GAPR', reason: 'stop', quantity: 1000, price: parsePrice('1.040') }],
        // (1.040 - 1.105) x 1000 less two AUD 6.00 minimum commissions
        realisedPnl: money(-77_000),
        openPositions: [],
      },
    });
  });

  it('logs the facts of every decision it takes on the way', async () => {
    const { world, replay } = gapperDay();

    const day = world.day.run();
    await replay.runUntil(at(DAY, '16:00'));
    await day;

    expect(world.logged('candidate triggered')[0]?.fields).toMatchObject({
      symbol: 'GAPR',
      open: '1.05',
      previousClose: '1.00',
      gapPct: 5,
    });
    expect(world.logged('opening range complete')[0]?.fields).toMatchObject({ rangeHigh: '1.10', rangeLow: '1.04' });
    expect(world.logged('buy-stop of 1000 at 1.105 sent')).toHaveLength(1);
    expect(world.logged('protective stop placed')[0]?.fields).toMatchObject({ quantity: 1000, stopPrice: '1.04' });
    expect(world.logged('end of day')).toHaveLength(1);
  });

  it('runs the pre-open scan at the scan time and trades what it found', async () => {
    const scans: string[] = [];
    const world: TradingWorld = new TradingWorld({
      start: at(DAY, '08:00'),
      instruments: [GAPR],
      scan: (date) => {
        scans.push(`${date} at ${new Date(world.clock.now()).toISOString()}`);
        watch(world, GAPR, date);
        return Promise.resolve();
      },
    });
    seedDailyCloses(world, GAPR, DAY, ['0.990', '1.000']);
    const replay = new MarketReplay(world).add(GAPR, MORNING);

    const day = world.day.run();
    await replay.runUntil(at(DAY, '16:00'));
    const result = await day;

    expect(scans).toEqual(['2025-07-15 at 2025-07-14T23:45:00.000Z']);
    expect(result).toMatchObject({ summary: { entries: [{ symbol: 'GAPR' }] } });
  });

  it('checks positions only every N minutes after the open', async () => {
    const world = new TradingWorld({ start: at(DAY, '08:00'), instruments: [GAPR], managementIntervalMinutes: 30 });
    seedDailyCloses(world, GAPR, DAY, ['0.990', '1.000']);
    watch(world, GAPR, DAY);
    const replay = new MarketReplay(world).add(GAPR, MORNING);

    const day = world.day.run();
    await replay.runUntil(at(DAY, '10:29'));
    expect(world.exchange.orders().filter((order) => order.side === 'SELL')).toEqual([]);
    await replay.runUntil(at(DAY, '16:00'));
    await day;

    const stop = world.exchange.orders().find((order) => order.side === 'SELL');
    expect(stop?.updatedAt).toBe(at(DAY, '10:30'));
  });

  it('tries the end of day again a minute later when the broker fails it', async () => {
    const { world, replay } = gapperDay();
    const day = world.day.run();
    await replay.runUntil(at(DAY, '15:59'));
    world.broker.failingFillReads = 2;
    await replay.runUntil(at(DAY, '16:05'));

    const result = await day;

    expect(world.broker.failingFillReads).toBe(0);
    expect(result).toMatchObject({ kind: 'traded', summary: { entries: [{ symbol: 'GAPR' }] } });
    expect(world.logged('end of day failed; trying again')).toHaveLength(2);
  });

  it('ends the day with the error when the end of day keeps failing', async () => {
    const { world, replay } = gapperDay();
    const day = world.day.run();
    await replay.runUntil(at(DAY, '15:59'));
    world.broker.failingFillReads = 10;
    const outcome = day.then(
      () => 'finished',
      (error: unknown) => String(error),
    );
    await replay.runUntil(at(DAY, '16:10'));

    expect(await outcome).toMatch(/HTTP 429/);
    expect(world.broker.failingFillReads).toBe(5);
  });

  it('reports a closed market on an ASX holiday without touching the broker', async () => {
    const world = new TradingWorld({ start: at('2025-12-25', '08:00'), instruments: [GAPR] });

    const result = await world.day.run();

    expect(result).toEqual({ kind: 'market_closed', date: '2025-12-25', reason: 'Christmas Day' });
    expect(world.exchange.orders()).toEqual([]);
  });
});
