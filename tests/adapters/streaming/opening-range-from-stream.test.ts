import { afterEach, describe, expect, it } from 'vitest';
import type { Bar } from '../../../src/domain/market/bar.js';
import { openingRangeFromBars, openingRangeFromTrades } from '../../../src/domain/strategy/opening-range.js';
import { startOfMinute, type TradePrint } from '../../../src/domain/strategy/price-window.js';
import { asxSymbol } from '../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { streamOverSimulator, waitFor, type StreamOverSimulator } from '../gateway-sim/streaming/stream-harness.js';

const OPEN = Date.UTC(2025, 0, 13, 23, 0);
const SECOND = 1_000;
const MINUTE = 60_000;

/** A morning's tape: prices moving every 20 seconds, never the same twice in a row. */
const PRICES = [
  '45.00',
  '45.10',
  '44.95',
  '45.20',
  '45.05',
  '45.30',
  '45.15',
  '44.90',
  '45.00',
  '45.25',
  '45.40',
  '45.35',
  '45.45',
  '45.50',
  '45.60',
  '45.55',
  '45.70',
  '45.65',
];
const TRADES: TradePrint[] = PRICES.map((text, index) => ({ price: parsePrice(text), at: OPEN + index * 20 * SECOND }));

function minuteBars(trades: readonly TradePrint[]): Bar[] {
  const byMinute = new Map<number, TradePrint[]>();
  for (const trade of trades) {
    const minute = startOfMinute(trade.at);
    byMinute.set(minute, [...(byMinute.get(minute) ?? []), trade]);
  }
  return [...byMinute].map(([start, prints]) => {
    const prices = prints.map((print) => print.price);
    return {
      start,
      open: prices[0] ?? parsePrice('0'),
      high: prices.reduce((a, b) => (b > a ? b : a)),
      low: prices.reduce((a, b) => (b < a ? b : a)),
      close: prices[prices.length - 1] ?? parsePrice('0'),
      volume: 100 * prints.length,
    };
  });
}

let world: StreamOverSimulator | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('opening range from streamed trades', () => {
  it('equals the range built from the same trades as REST minute bars', async () => {
    world = await streamOverSimulator({ replayFrom: OPEN - MINUTE });
    await world.stream.start();
    const bhp = await world.broker.resolveInstrument(asxSymbol('BHP'));
    world.stream.subscribeQuotes([bhp]);
    await waitFor('the first quote', () => (world?.recorded.quotes.length ?? 0) > 0);
    for (const trade of TRADES) world.sim.market.publishQuote('BHP', { at: trade.at, last: trade.price });
    await waitFor('every print', () => world?.recorded.trades.length === TRADES.length);

    world.sim.market.recordBars('BHP', minuteBars(TRADES), '1min');
    const asOf = OPEN + 6 * MINUTE;
    const bars = await world.broker.bars(bhp, { size: '1min', from: OPEN, to: asOf });
    const window = { sessionOpen: OPEN, orMinutes: 5, asOf };

    const streamed = world.recorded.trades.map((update) => update.trade);
    const fromTrades = openingRangeFromTrades(streamed, window);
    expect(streamed).toEqual(TRADES);
    expect(fromTrades).toEqual(openingRangeFromBars(bars, window));
    expect(fromTrades).toMatchObject({ status: 'complete', high: parsePrice('45.60'), low: parsePrice('44.90') });
  });
});
