import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import {
  completedBarsIn,
  isBarComplete,
  rangeOfBars,
  rangeOfTrades,
  requireWholeMinutes,
  startOfMinute,
  tradesIn,
} from '../../../src/domain/strategy/price-window.js';
import { bar, MINUTE, OPEN, trade } from '../support/bars.js';

describe('price windows', () => {
  it('knows a bar only once its minute is over', () => {
    expect(isBarComplete(bar(0, 2000, 1900), OPEN + MINUTE - 1)).toBe(false);
    expect(isBarComplete(bar(0, 2000, 1900), OPEN + MINUTE)).toBe(true);
  });

  it('selects completed bars and past trades in a half-open window', () => {
    const bars = [bar(-1, 2000, 1900), bar(0, 2000, 1900), bar(1, 2000, 1900), bar(2, 2000, 1900)];
    expect(completedBarsIn(bars, OPEN, OPEN + 2 * MINUTE, OPEN + 10 * MINUTE).map((b) => b.start)).toEqual([
      OPEN,
      OPEN + MINUTE,
    ]);
    const trades = [trade(-1, 2000), trade(0, 2000), trade(59, 2000), trade(60, 2000)];
    expect(tradesIn(trades, OPEN, OPEN + MINUTE, OPEN + 59_000)).toHaveLength(2);
    expect(tradesIn(trades, OPEN, OPEN + MINUTE, OPEN + 58_999)).toHaveLength(1);
  });

  it('takes the high of highs and the low of lows', () => {
    expect(rangeOfBars([bar(0, 2000, 1900), bar(1, 2100, 1950)])).toEqual({ high: 2100, low: 1900 });
    expect(rangeOfTrades([trade(0, 2000), trade(1, 1800), trade(2, 2200)])).toEqual({ high: 2200, low: 1800 });
    expect(rangeOfBars([])).toBeUndefined();
    expect(rangeOfTrades([])).toBeUndefined();
  });

  it('floors an instant to its minute', () => {
    expect(startOfMinute(OPEN + 135_000)).toBe(OPEN + 2 * MINUTE);
    expect(startOfMinute(OPEN)).toBe(OPEN);
  });

  it('accepts only whole positive minutes', () => {
    expect(requireWholeMinutes('x', 5)).toBe(5);
    expect(() => requireWholeMinutes('x', 0)).toThrow(InvalidValue);
    expect(() => requireWholeMinutes('x', 1.5)).toThrow(InvalidValue);
  });
});
