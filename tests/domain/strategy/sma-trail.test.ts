import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { decideSmaTrail, simpleMovingAverage, type DailyClose } from '../../../src/domain/strategy/sma-trail.js';
import { price, type Price } from '../../../src/domain/values/price.js';
import { addDays, localDate } from '../../../src/domain/values/time.js';

const prices = (...mills: number[]): Price[] => mills.map((m) => price(m));
const closes = (...mills: number[]): DailyClose[] =>
  mills.map((m, i) => ({ date: addDays(localDate('2025-07-01'), i), close: price(m) }));
const LAST = (n: number) => addDays(localDate('2025-07-01'), n - 1);

describe('simpleMovingAverage', () => {
  it('averages the last n closes', () => {
    expect(simpleMovingAverage(prices(1000, 2000, 3000, 4000), 3)).toBe(3000);
    expect(simpleMovingAverage(prices(100, 105), 2)).toBe(102.5);
  });

  it('is undefined with fewer than n closes', () => {
    expect(simpleMovingAverage(prices(1000, 2000), 3)).toBeUndefined();
    expect(simpleMovingAverage([], 1)).toBeUndefined();
  });

  it('refuses a length that is not a whole number of days', () => {
    expect(() => simpleMovingAverage(prices(1000), 0)).toThrow(InvalidValue);
    expect(() => simpleMovingAverage(prices(1000), 1.5)).toThrow(InvalidValue);
  });
});

describe('decideSmaTrail', () => {
  it('exits when the latest close is below the SMA including that day', () => {
    const history = closes(2000, 2100, 2200, 2000);
    expect(decideSmaTrail('half_exited', history, LAST(4), 4)).toEqual({
      kind: 'exit',
      date: LAST(4),
      close: 2000,
      smaMills: 2075,
    });
  });

  it('holds when the close equals the SMA exactly, including when a float would round the other way', () => {
    expect(decideSmaTrail('half_exited', closes(2000, 2000, 2000), LAST(3), 3)).toMatchObject({ kind: 'hold' });
    // As floats (0.1 + 0.2 + 0.3) / 3 is 0.20000000000000004, so a float SMA would put a 0.200 close below it.
    expect(0.2 < (0.1 + 0.2 + 0.3) / 3).toBe(true);
    expect(decideSmaTrail('half_exited', closes(100, 300, 200), LAST(3), 3)).toMatchObject({ kind: 'hold' });
    expect(decideSmaTrail('half_exited', closes(100, 300, 195), LAST(3), 3)).toMatchObject({ kind: 'exit' });
  });

  it('uses only the last n closes', () => {
    const history = closes(9000, 9000, 2000, 2000, 2010);
    expect(decideSmaTrail('half_exited', history, LAST(5), 3)).toMatchObject({ kind: 'hold', close: 2010 });
  });

  it('ignores closes after the last completed day', () => {
    const history = closes(2000, 2100, 2200, 1000);
    expect(decideSmaTrail('half_exited', history, LAST(3), 3)).toMatchObject({ kind: 'hold', close: 2200 });
  });

  it('makes no decision with fewer than n completed closes', () => {
    expect(decideSmaTrail('half_exited', closes(2000, 1000), LAST(2), 3)).toEqual({
      kind: 'none',
      reason: 'too_few_closes',
      detail: '2 completed closes; the 3-day SMA needs 3',
    });
    expect(decideSmaTrail('half_exited', closes(2000, 2000, 1000), LAST(2), 3)).toMatchObject({
      reason: 'too_few_closes',
    });
  });

  it('applies only after the half exit', () => {
    for (const status of ['open', 'closed'] as const) {
      expect(decideSmaTrail(status, closes(2000, 2100, 1000), LAST(3), 3)).toMatchObject({
        kind: 'none',
        reason: 'not_half_exited',
      });
    }
  });

  it('refuses closes out of date order or twice for one day', () => {
    const [a, b] = closes(2000, 2100);
    if (a === undefined || b === undefined) throw new Error('fixture');
    expect(() => decideSmaTrail('half_exited', [b, a], LAST(2), 1)).toThrow(/closes must be in date order/);
    expect(() => decideSmaTrail('half_exited', [a, a], LAST(2), 1)).toThrow(InvalidValue);
  });
});
