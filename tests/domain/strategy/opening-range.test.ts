import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { openingRangeFromBars, openingRangeFromTrades } from '../../../src/domain/strategy/opening-range.js';
import { bar, MINUTE, OPEN, trade } from '../support/bars.js';

const FIVE_BARS = [bar(0, 2500, 2450), bar(1, 2550, 2480), bar(2, 2520, 2400), bar(3, 2530, 2490), bar(4, 2540, 2500)];

describe('openingRangeFromBars', () => {
  it('is complete once the last range bar has closed', () => {
    const range = openingRangeFromBars(FIVE_BARS, { sessionOpen: OPEN, orMinutes: 5, asOf: OPEN + 5 * MINUTE });
    expect(range).toEqual({ status: 'complete', endsAt: OPEN + 5 * MINUTE, high: 2550, low: 2400 });
  });

  it('uses only bars complete at asOf: a bar starting at t counts from t + 60 s', () => {
    const asOf = OPEN + 3 * MINUTE - 1;
    expect(openingRangeFromBars(FIVE_BARS, { sessionOpen: OPEN, orMinutes: 5, asOf })).toEqual({
      status: 'forming',
      endsAt: OPEN + 5 * MINUTE,
      soFar: { high: 2550, low: 2450 },
    });
    const atBoundary = openingRangeFromBars(FIVE_BARS, { sessionOpen: OPEN, orMinutes: 5, asOf: OPEN + 3 * MINUTE });
    expect(atBoundary).toMatchObject({ status: 'forming', soFar: { low: 2400 } });
  });

  it('is still forming one millisecond before the range ends', () => {
    const range = openingRangeFromBars(FIVE_BARS, { sessionOpen: OPEN, orMinutes: 5, asOf: OPEN + 5 * MINUTE - 1 });
    expect(range).toMatchObject({ status: 'forming', soFar: { high: 2550, low: 2400 } });
  });

  it('ignores bars before the open and after the range', () => {
    const bars = [bar(-1, 9000, 100), ...FIVE_BARS, bar(5, 9000, 100)];
    const range = openingRangeFromBars(bars, { sessionOpen: OPEN, orMinutes: 5, asOf: OPEN + 60 * MINUTE });
    expect(range).toMatchObject({ status: 'complete', high: 2550, low: 2400 });
  });

  it('reports a range with no trades once it is over', () => {
    expect(openingRangeFromBars([], { sessionOpen: OPEN, orMinutes: 5, asOf: OPEN + 5 * MINUTE })).toEqual({
      status: 'no_trades',
      endsAt: OPEN + 5 * MINUTE,
    });
    expect(openingRangeFromBars([], { sessionOpen: OPEN, orMinutes: 5, asOf: OPEN })).toEqual({
      status: 'forming',
      endsAt: OPEN + 5 * MINUTE,
      soFar: undefined,
    });
  });

  it('starts with the minute that contains a staggered open', () => {
    const staggered = OPEN + 2 * MINUTE + 15_000;
    const bars = [bar(1, 9000, 100), bar(2, 2500, 2450), bar(6, 2600, 2300), bar(7, 9000, 100)];
    const range = openingRangeFromBars(bars, { sessionOpen: staggered, orMinutes: 5, asOf: OPEN + 7 * MINUTE });
    expect(range).toEqual({ status: 'complete', endsAt: OPEN + 7 * MINUTE, high: 2600, low: 2300 });
  });

  it('refuses a range length that is not a whole positive number of minutes', () => {
    for (const orMinutes of [0, -5, 2.5]) {
      expect(() => openingRangeFromBars(FIVE_BARS, { sessionOpen: OPEN, orMinutes, asOf: OPEN })).toThrow(InvalidValue);
    }
  });
});

describe('openingRangeFromTrades', () => {
  const trades = [
    trade(-5, 9000),
    trade(0, 2500),
    trade(61, 2550),
    trade(200, 2400),
    trade(299, 2450),
    trade(300, 9000),
  ];

  it('takes trades in [open, open + orMinutes)', () => {
    const range = openingRangeFromTrades(trades, { sessionOpen: OPEN, orMinutes: 5, asOf: OPEN + 10 * MINUTE });
    expect(range).toEqual({ status: 'complete', endsAt: OPEN + 5 * MINUTE, high: 2550, low: 2400 });
  });

  it('uses trades up to and including asOf, none after', () => {
    const range = openingRangeFromTrades(trades, { sessionOpen: OPEN, orMinutes: 5, asOf: OPEN + 61_000 });
    expect(range).toEqual({ status: 'forming', endsAt: OPEN + 5 * MINUTE, soFar: { high: 2550, low: 2500 } });
  });

  it('measures the window from a staggered open to the second', () => {
    const open = OPEN + 135_000;
    const late = [trade(134, 100), trade(135, 2500), trade(434, 2600), trade(435, 100)];
    expect(openingRangeFromTrades(late, { sessionOpen: open, orMinutes: 5, asOf: OPEN + 435_000 })).toEqual({
      status: 'complete',
      endsAt: OPEN + 435_000,
      high: 2600,
      low: 2500,
    });
  });

  it('reports no trades when nothing printed in the window', () => {
    expect(
      openingRangeFromTrades([trade(400, 2500)], { sessionOpen: OPEN, orMinutes: 5, asOf: OPEN + 400_000 }),
    ).toEqual({
      status: 'no_trades',
      endsAt: OPEN + 5 * MINUTE,
    });
  });
});
