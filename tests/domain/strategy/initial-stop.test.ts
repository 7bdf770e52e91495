import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { initialStop } from '../../../src/domain/strategy/initial-stop.js';
import { price } from '../../../src/domain/values/price.js';

describe('initialStop', () => {
  it('places the stop at the low of day when it is on a tick', () => {
    expect(initialStop(price(1900), price(2000), 15)).toEqual({ kind: 'place', stopPrice: 1900 });
  });

  it('rounds an off-tick low down to a valid tick, across the band edge', () => {
    expect(initialStop(2004, price(2100), 15)).toEqual({ kind: 'place', stopPrice: 2000 });
    expect(initialStop(1999, price(2100), 15)).toEqual({ kind: 'place', stopPrice: 1995 });
    expect(initialStop(100.4, price(105), 15)).toEqual({ kind: 'place', stopPrice: 100 });
    expect(initialStop(99.9, price(105), 15)).toEqual({ kind: 'place', stopPrice: 99 });
  });

  it('accepts a stop exactly maxStopPct below entry and skips one a tick further', () => {
    expect(initialStop(price(1700), price(2000), 15)).toEqual({ kind: 'place', stopPrice: 1700 });
    expect(initialStop(price(1695), price(2000), 15)).toMatchObject({
      kind: 'skip',
      reason: 'stop_too_far',
      stopPrice: 1695,
      detail: 'stop 1.695 is 15.25 % below entry, above the 15 % limit',
    });
  });

  it('skips when the rounded stop is not below the entry price', () => {
    expect(initialStop(price(2000), price(2000), 15)).toMatchObject({ kind: 'skip', reason: 'stop_not_below_entry' });
    expect(initialStop(price(2010), price(2000), 15)).toMatchObject({ kind: 'skip', reason: 'stop_not_below_entry' });
  });

  it('decides a fractional limit exactly', () => {
    expect(initialStop(price(8750), price(10_000), 12.5)).toMatchObject({ kind: 'place' });
    expect(initialStop(price(8740), price(10_000), 12.5)).toMatchObject({ kind: 'skip', reason: 'stop_too_far' });
  });

  it('refuses a low of day that is zero, negative or not a number', () => {
    expect(() => initialStop(0, price(2000), 15)).toThrow(InvalidValue);
    expect(() => initialStop(-5, price(2000), 15)).toThrow(InvalidValue);
    expect(() => initialStop(Number.NaN, price(2000), 15)).toThrow(/not a positive number of mills/);
  });
});
