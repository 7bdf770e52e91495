import { describe, expect, it } from 'vitest';
import { SyntheticMarket } from '../../../src/adapters/synthetic/synthetic-market.js';
import { MarketReplay } from '../../../src/application/replay/market-replay.js';
import { candidateId } from '../../../src/domain/candidate/candidate.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { parsePrice, price, tickAbove } from '../../../src/domain/values/price.js';
import { localDate } from '../../../src/domain/values/time.js';
import { at, watch } from '../trading/support/market-script.js';
import { TradingWorld } from '../trading/support/trading-world.js';

const DAY = localDate('2025-07-15');
const GAPR = instrument('GAPR', 9_001);
const QUIET = instrument('QUIET', 9_002);

/** A backtest's shape: the synthetic market replayed through the simulated exchange into the real TradingDay. */
describe('a synthetic day replayed into the TradingDay on the simulated broker', () => {
  it('enters the announced gapper on its breakout, one tick above the range high, with the stop at the range low', async () => {
    const world = new TradingWorld({ start: at(DAY, '07:00'), instruments: [GAPR, QUIET] });
    const market = new SyntheticMarket(
      {
        seed: 5,
        firstDay: localDate('2025-06-02'),
        gapShare: 0,
        instruments: [GAPR, QUIET].map((listed) => ({
          instrument: listed,
          companyName: `${listed.symbol} LTD`,
          startPrice: parsePrice('1.200'),
          dailyVolume: 4_000_000,
          dailyVolatility: 0.03,
        })),
        scripted: [{ symbol: GAPR.symbol, date: DAY, gapPct: 6, path: 'breakout' }],
      },
      world.calendar,
    );
    for (const listed of [GAPR, QUIET]) {
      world.exchange.recordBars(
        listed,
        [...market.dailyBars(listed.symbol, market.firstDay, localDate('2025-07-14'))],
        '1d',
      );
    }
    watch(world, GAPR, DAY);
    const replay = new MarketReplay({
      clock: world.clock,
      venue: world.exchange,
      tape: market,
      calendar: world.calendar,
    });

    const result = await replay.runDay(DAY, () => world.day.run());

    const range = [...market.minuteBars(GAPR.symbol, DAY)].slice(0, 5);
    const rangeHigh = Math.max(...range.map((bar) => bar.high));
    const rangeLow = Math.min(...range.map((bar) => bar.low));
    expect(world.repository.candidates.get(candidateId(DAY, GAPR.symbol))).toMatchObject({
      status: 'entered',
      openingRangeHigh: rangeHigh,
      openingRangeLow: rangeLow,
    });
    const [entry, stop] = world.exchange.orders();
    expect(entry).toMatchObject({ side: 'BUY', type: 'STP', stopPrice: tickAbove(price(rangeHigh)), status: 'filled' });
    expect(stop).toMatchObject({ side: 'SELL', type: 'STP', stopPrice: rangeLow });
    expect(result).toMatchObject({ kind: 'traded', summary: { entries: [{ symbol: 'GAPR' }] } });
    expect(world.exchange.bars(GAPR, '1d').at(-1)).toEqual(market.dailyBar(GAPR.symbol, DAY));
  });
});
