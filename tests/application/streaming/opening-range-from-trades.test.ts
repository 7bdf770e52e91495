import { describe, expect, it } from 'vitest';
import { candidateId } from '../../../src/domain/candidate/candidate.js';
import type { Bar } from '../../../src/domain/market/bar.js';
import { startOfMinute } from '../../../src/domain/strategy/price-window.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { localDate, type EpochMs } from '../../../src/domain/values/time.js';
import { at, seedDailyCloses, watch } from '../trading/support/market-script.js';
import { TradingWorld } from '../trading/support/trading-world.js';
import { StreamWorld } from './support/stream-world.js';

const DAY = '2025-07-15';
const TRDS = instrument('TRDS', 9_301);
const SECOND = 1_000;

/** The first five minutes' prints: the opening auction at 1.050, a high of 1.105 and a low of 1.030. */
const PRINTS: readonly (readonly [string, string])[] = [
  ['10:00:00', '1.050'],
  ['10:00:20', '1.060'],
  ['10:00:45', '1.030'],
  ['10:01:10', '1.075'],
  ['10:02:05', '1.105'],
  ['10:02:50', '1.090'],
  ['10:03:30', '1.070'],
  ['10:04:15', '1.085'],
  ['10:04:59', '1.095'],
];

function printAt(time: string): EpochMs {
  return at(DAY, time.slice(0, 5)) + Number(time.slice(6)) * SECOND;
}

const TRADES = PRINTS.map(([time, price]) => ({ at: printAt(time), price: parsePrice(price) }));

/** The same prints as one-minute bars. */
function barsOf(trades: typeof TRADES): Bar[] {
  const byMinute = new Map<EpochMs, Bar>();
  for (const { at: time, price } of trades) {
    const start = startOfMinute(time);
    const bar = byMinute.get(start);
    byMinute.set(
      start,
      bar === undefined
        ? { start, open: price, high: price, low: price, close: price, volume: 1_000 }
        : {
            ...bar,
            high: price > bar.high ? price : bar.high,
            low: price < bar.low ? price : bar.low,
            close: price,
            volume: bar.volume + 1_000,
          },
    );
  }
  return [...byMinute.values()];
}

function morning<W extends TradingWorld>(world: W): W {
  seedDailyCloses(world, TRDS, DAY, ['0.990', '1.000']);
  watch(world, TRDS, DAY);
  for (const bar of barsOf(TRADES)) world.exchange.publishBar(TRDS, bar);
  return world;
}

const candidateOf = (world: TradingWorld) => world.repository.candidates.get(candidateId(localDate(DAY), TRDS.symbol));

describe('opening range from streamed trades', () => {
  it('equals the range the same trades make as one-minute bars', async () => {
    const fromBars = morning(new TradingWorld({ start: at(DAY, '08:00'), instruments: [TRDS] }));
    fromBars.clock.set(at(DAY, '10:05'));
    await fromBars.track.run();

    const streamed = morning(new StreamWorld({ start: at(DAY, '08:00'), instruments: [TRDS] }));
    // The broker's minute bars are out of reach: whatever range is recorded came from the tape.
    streamed.broker.hideMinuteBars = true;
    streamed.clock.set(at(DAY, '09:50'));
    await streamed.decisions.start();
    for (const trade of TRADES) {
      streamed.clock.set(trade.at);
      streamed.stream.pushTrade(TRDS, (trade.price / 1000).toFixed(3), trade.at);
      await streamed.decisions.idle();
    }
    const after = at(DAY, '10:05') + SECOND;
    streamed.clock.set(after);
    streamed.stream.pushQuote(TRDS, '1.095', after);
    await streamed.decisions.idle();

    const expected = { openingRangeHigh: parsePrice('1.105'), openingRangeLow: parsePrice('1.030') };
    expect(candidateOf(fromBars)).toMatchObject({ ...expected, lowOfDay: parsePrice('1.030') });
    expect(candidateOf(streamed)).toMatchObject({ ...expected, lowOfDay: parsePrice('1.030') });
  });

  it('falls back to bars when the stream missed part of the window', async () => {
    const streamed = morning(new StreamWorld({ start: at(DAY, '08:00'), instruments: [TRDS] }));
    streamed.broker.hideMinuteBars = true;
    streamed.clock.set(at(DAY, '09:50'));
    await streamed.decisions.start();
    for (const trade of TRADES) {
      streamed.clock.set(trade.at);
      if (trade.at === printAt('10:02:05')) streamed.stream.setHealth('polling', trade.at);
      else streamed.stream.pushTrade(TRDS, (trade.price / 1000).toFixed(3), trade.at);
      await streamed.decisions.idle();
    }
    streamed.stream.setHealth('stream', printAt('10:04:59'));
    const after = at(DAY, '10:05') + SECOND;
    streamed.clock.set(after);
    streamed.stream.pushQuote(TRDS, '1.095', after);
    await streamed.decisions.idle();

    // With the tape incomplete and the bars hidden, no range is made up from half the trades.
    expect(candidateOf(streamed)?.openingRangeHigh).toBeUndefined();
  });
});
