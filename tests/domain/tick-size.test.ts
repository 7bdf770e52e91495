import { describe, expect, it } from 'vitest';
import {
  isOnTick,
  nextTickDownMills,
  nextTickUpMills,
  roundDownToTickMills,
  roundUpToTickMills,
  tickSizeMills,
} from '../../src/domain/values/tick-size.js';

describe('ASX tick sizes', () => {
  it('uses 0.001 below 10 cents, 0.005 below $2 and 0.01 from $2', () => {
    expect(tickSizeMills(99)).toBe(1);
    expect(tickSizeMills(100)).toBe(5);
    expect(tickSizeMills(1999)).toBe(5);
    expect(tickSizeMills(2000)).toBe(10);
  });

  it('accepts only prices on their tick', () => {
    expect(isOnTick(99)).toBe(true);
    expect(isOnTick(101)).toBe(false);
    expect(isOnTick(105)).toBe(true);
    expect(isOnTick(2005)).toBe(false);
    expect(isOnTick(2010)).toBe(true);
    expect(isOnTick(0)).toBe(false);
  });

  it('rounds buy-stops up and sell-stops down across the band edges', () => {
    expect(roundUpToTickMills(1997)).toBe(2000);
    expect(roundUpToTickMills(2001)).toBe(2010);
    expect(roundDownToTickMills(2009)).toBe(2000);
    expect(roundDownToTickMills(1999)).toBe(1995);
    expect(roundUpToTickMills(99.5)).toBe(100);
  });

  it('steps one tick with the step that applies on each side of a band edge', () => {
    expect(nextTickUpMills(1995)).toBe(2000);
    expect(nextTickUpMills(2000)).toBe(2010);
    expect(nextTickDownMills(2000)).toBe(1995);
    expect(nextTickDownMills(100)).toBe(99);
  });
});
