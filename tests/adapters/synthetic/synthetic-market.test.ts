import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src/domain/market/bar.js';
import { sydneyLocalToEpoch } from '../../../src/domain/market/sydney-time.js';
import { isOnTick } from '../../../src/domain/values/tick-size.js';
import { calendar, date, market, STOCKS, symbol } from './synthetic-fixtures.js';

const MINUTE = 60_000;
const DAY = date('2025-07-15');

function bars(m: ReturnType<typeof market>, code: string, day = DAY): Bar[] {
  return [...m.minuteBars(symbol(code), day)];
}

describe('SyntheticMarket determinism', () => {
  it('gives identical bars, plans and announcements for the same seed', () => {
    const [a, b] = [market(), market()];
    for (const stock of STOCKS) {
      expect(bars(b, stock.instrument.symbol)).toEqual(bars(a, stock.instrument.symbol));
      expect(b.plan(stock.instrument.symbol, DAY)).toEqual(a.plan(stock.instrument.symbol, DAY));
    }
    const window = [sydneyLocalToEpoch(date('2025-06-01'), '00:00'), sydneyLocalToEpoch(DAY, '10:00')] as const;
    expect(b.announcements(...window)).toEqual(a.announcements(...window));
  });

  it('gives a different market for another seed', () => {
    expect(bars(market({ seed: 12 }), 'MID')).not.toEqual(bars(market(), 'MID'));
  });

  it('gives the same day whether it is asked for alone or after the days before it', () => {
    const walked = market();
    for (const day of [date('2025-07-10'), date('2025-07-11'), date('2025-07-14')]) walked.plan(symbol('MID'), day);
    expect(bars(walked, 'MID')).toEqual(bars(market(), 'MID'));
    // and going back to an earlier day after a later one
    expect(walked.plan(symbol('MID'), date('2025-07-10'))).toEqual(market().plan(symbol('MID'), date('2025-07-10')));
  });
});

describe('SyntheticMarket bars', () => {
  it('keeps every price on a valid ASX tick, above zero, with low <= open, close <= high and whole volumes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom(...STOCKS.map((s) => s.instrument.symbol)),
        (seed, code) => {
          for (const bar of bars(market({ seed, gapShare: 0.3 }), code, date('2025-05-02'))) {
            for (const price of [bar.open, bar.high, bar.low, bar.close]) expect(isOnTick(price)).toBe(true);
            expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open, bar.close));
            expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close));
            expect(Number.isSafeInteger(bar.volume) && bar.volume > 0).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('opens each bar where the previous one closed and starts with the official open', () => {
    const m = market();
    const session = bars(m, 'MID');
    expect(session[0]?.open).toBe(m.plan(symbol('MID'), DAY).open);
    expect(session.at(-1)?.close).toBe(m.plan(symbol('MID'), DAY).close);
    session.slice(1).forEach((bar, i) => {
      expect(bar.open).toBe(session[i]?.close);
    });
  });

  it('runs from the single 10:00 open to the last minute before 16:00 after 23 June 2025', () => {
    const session = bars(market(), 'ZED');
    expect(session).toHaveLength(360);
    expect(session[0]?.start).toBe(sydneyLocalToEpoch(DAY, '10:00'));
    expect(session.at(-1)?.start).toBe(sydneyLocalToEpoch(DAY, '15:59'));
    session.slice(1).forEach((bar, i) => {
      expect(bar.start - (session[i]?.start ?? 0)).toBe(MINUTE);
    });
  });

  it('has no bar before a staggered open before 23 June 2025', () => {
    const day = date('2025-06-20');
    expect(bars(market(), 'BIG', day)[0]?.start).toBe(sydneyLocalToEpoch(day, '10:00'));
    expect(bars(market(), 'MID', day)[0]?.start).toBe(sydneyLocalToEpoch(day, '10:04'));
    expect(bars(market(), 'ZED', day)[0]?.start).toBe(sydneyLocalToEpoch(day, '10:09'));
  });

  it('ends early on an early close', () => {
    const christmasEve = date('2025-12-24');
    expect(bars(market(), 'MID', christmasEve).at(-1)?.start).toBe(sydneyLocalToEpoch(christmasEve, '14:09'));
  });

  it('refuses days the market does not have', () => {
    expect(() => market().plan(symbol('MID'), date('2025-07-12'))).toThrow(/not an ASX trading day/);
    expect(() => market().plan(symbol('MID'), date('2025-04-30'))).toThrow(/before the market's first day/);
    expect(() => market().plan(symbol('XXX'), DAY)).toThrow(/not in the synthetic market/);
  });

  it('trades most at the open, least at midday and more again into the close', () => {
    const m = market();
    const byMinute = new Array<number>(360).fill(0);
    for (let day = date('2025-07-01'); day <= '2025-08-29'; day = calendar.nextTradingDay(day)) {
      bars(m, 'MID', day).forEach((bar, i) => (byMinute[i] = (byMinute[i] ?? 0) + bar.volume));
    }
    const average = (from: number, to: number): number =>
      byMinute.slice(from, to).reduce((a, b) => a + b, 0) / (to - from);
    const open = average(0, 15);
    const midday = average(150, 210);
    const close = average(345, 360);
    expect(open).toBeGreaterThan(2 * midday);
    expect(close).toBeGreaterThan(1.5 * midday);
  });
});

describe('SyntheticMarket days', () => {
  it('chains sessions: each daily bar adds up its minutes and the next day opens from its close', () => {
    const m = market();
    const [first, second] = [date('2025-07-14'), date('2025-07-15')];
    const minutes = bars(m, 'BIG', first);
    expect(m.dailyBar(symbol('BIG'), first)).toEqual({
      start: minutes[0]?.start,
      open: minutes[0]?.open,
      high: Math.max(...minutes.map((bar) => bar.high)),
      low: Math.min(...minutes.map((bar) => bar.low)),
      close: minutes.at(-1)?.close,
      volume: minutes.reduce((sum, bar) => sum + bar.volume, 0),
    });
    expect(m.plan(symbol('BIG'), second).previousClose).toBe(minutes.at(-1)?.close);
    expect([...m.dailyBars(symbol('BIG'), date('2025-07-12'), second)].map((bar) => bar.start)).toEqual([
      sydneyLocalToEpoch(first, '10:00'),
      sydneyLocalToEpoch(second, '10:00'),
    ]);
  });

  it('tells each session where its minutes start and how many there are, staggered opens and early closes included', () => {
    const m = market();
    const staggered = date('2025-06-20');
    const earlyClose = date('2025-12-24');
    for (const [code, day] of [
      ['ZED', staggered],
      ['PNY', staggered],
      ['ZED', earlyClose],
      ['MID', DAY],
    ] as const) {
      const minutes = bars(m, code, day);
      expect(m.session(symbol(code), day)).toEqual({ firstBarStart: minutes[0]?.start, count: minutes.length });
    }
    expect(m.session(symbol('ZED'), staggered).firstBarStart).toBe(sydneyLocalToEpoch(staggered, '10:09'));
    expect(m.session(symbol('ZED'), earlyClose).count).toBeLessThan(m.session(symbol('ZED'), DAY).count);
  });

  it('makes about the configured share of gap days, gapping at least the threshold, the rest below it', () => {
    const m = market({ gapShare: 0.1 });
    let days = 0;
    let gaps = 0;
    for (let day = date('2025-05-01'); day <= '2025-12-19'; day = calendar.nextTradingDay(day)) {
      for (const { plan } of m.day(day)) {
        days += 1;
        if (plan.gapPct >= 3) gaps += 1;
      }
    }
    expect(gaps / days).toBeGreaterThan(0.07);
    expect(gaps / days).toBeLessThan(0.13);
  });

  it('never gaps up on a quiet day when gaps are switched off', () => {
    const m = market({ gapShare: 0 });
    for (let day = date('2025-05-01'); day <= '2025-09-30'; day = calendar.nextTradingDay(day)) {
      for (const { plan } of m.day(day)) expect(plan.gapPct).toBeLessThan(3);
    }
  });

  it('follows a scripted morning: the gap, the announcement and a breakout above the opening range', () => {
    const m = market({
      scripted: [
        {
          symbol: symbol('MID'),
          date: DAY,
          gapPct: 6,
          path: 'breakout',
          announcement: { headline: 'Offtake', releasedAt: '08:30' },
        },
        { symbol: symbol('BIG'), date: DAY, gapPct: 5, path: 'fade' },
      ],
    });
    const plan = m.plan(symbol('MID'), DAY);
    expect(plan.gapPct).toBeGreaterThanOrEqual(6);
    expect(plan.gapPct).toBeLessThan(6.5);
    expect(plan.announcements).toEqual([
      { symbol: 'MID', releasedAt: sydneyLocalToEpoch(DAY, '08:30'), headline: 'Offtake', priceSensitive: true },
    ]);
    const breakout = bars(m, 'MID');
    const rangeHigh = Math.max(...breakout.slice(0, 5).map((bar) => bar.high));
    expect(Math.max(...breakout.slice(5).map((bar) => bar.high))).toBeGreaterThan(rangeHigh);
    const fade = bars(m, 'BIG');
    const rangeLow = Math.min(...fade.slice(0, 5).map((bar) => bar.low));
    expect(Math.max(...fade.slice(5, 30).map((bar) => bar.high))).toBeGreaterThan(
      Math.max(...fade.slice(0, 5).map((bar) => bar.high)),
    );
    expect(fade.at(-1)?.close).toBeLessThan(rangeLow);
    expect(m.plan(symbol('BIG'), DAY).announcements.filter((news) => news.priceSensitive)).toEqual([]);
  });

  it('groups all instruments by minute on the tape, oldest first', () => {
    const minutes = [...market().minutes(DAY)];
    expect(minutes).toHaveLength(360);
    expect(minutes[0]?.bars.map((entry) => entry.instrument.symbol)).toEqual(['PNY', 'MID', 'BIG', 'ZED']);
    expect(minutes.every((minute) => minute.bars.every((entry) => entry.bar.start === minute.start))).toBe(true);
    expect([...market().minutes(date('2025-07-12'))]).toEqual([]);
  });
});
