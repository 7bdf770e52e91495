import { describe, expect, it } from 'vitest';
import { lowOfDayFromBars, lowOfDayFromTrades } from '../../../src/domain/strategy/low-of-day.js';
import { bar, MINUTE, OPEN, trade } from '../support/bars.js';

describe('lowOfDayFromBars', () => {
  const bars = [bar(-1, 2000, 1000), bar(0, 2500, 2450), bar(1, 2550, 2400), bar(30, 2600, 2350)];

  it('is the lowest low of the completed bars since the open', () => {
    expect(lowOfDayFromBars(bars, { sessionOpen: OPEN, asOf: OPEN + 31 * MINUTE })).toBe(2350);
  });

  it('does not see a bar that is still forming', () => {
    expect(lowOfDayFromBars(bars, { sessionOpen: OPEN, asOf: OPEN + 31 * MINUTE - 1 })).toBe(2400);
    expect(lowOfDayFromBars(bars, { sessionOpen: OPEN, asOf: OPEN + MINUTE })).toBe(2450);
  });

  it('is undefined before the first bar completes', () => {
    expect(lowOfDayFromBars(bars, { sessionOpen: OPEN, asOf: OPEN + MINUTE - 1 })).toBeUndefined();
  });
});

describe('lowOfDayFromTrades', () => {
  const trades = [trade(-10, 1000), trade(0, 2500), trade(100, 2410), trade(5000, 2300)];

  it('is the lowest trade from the open up to and including asOf', () => {
    expect(lowOfDayFromTrades(trades, { sessionOpen: OPEN, asOf: OPEN + 100_000 })).toBe(2410);
    expect(lowOfDayFromTrades(trades, { sessionOpen: OPEN, asOf: OPEN + 99_999 })).toBe(2500);
    expect(lowOfDayFromTrades(trades, { sessionOpen: OPEN, asOf: OPEN + 5_000_000 })).toBe(2300);
  });

  it('is undefined before anything trades', () => {
    expect(lowOfDayFromTrades(trades, { sessionOpen: OPEN, asOf: OPEN - 1 })).toBeUndefined();
  });
});
