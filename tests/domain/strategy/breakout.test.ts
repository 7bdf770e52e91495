import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { decideBreakout, type BreakoutInput } from '../../../src/domain/strategy/breakout.js';
import type { OpeningRange } from '../../../src/domain/strategy/opening-range.js';
import { price } from '../../../src/domain/values/price.js';
import { MINUTE, OPEN, trade } from '../support/bars.js';

const RANGE_END = OPEN + 5 * MINUTE;
const COMPLETE: OpeningRange = { status: 'complete', endsAt: RANGE_END, high: price(1995), low: price(1900) };
const NOON = OPEN + 120 * MINUTE;

function input(overrides: Partial<BreakoutInput>): BreakoutInput {
  return {
    range: COMPLETE,
    lastTrade: undefined,
    asOf: RANGE_END,
    config: { entryCutoff: '12:00', entryOrder: 'stop' },
    ...overrides,
  };
}

describe('breakout entry with a buy-stop', () => {
  it('rests a buy-stop one tick above the range high, stepping across the $2 band edge', () => {
    expect(decideBreakout(input({}))).toEqual({
      signal: 'enter',
      entryOrder: 'stop',
      stopPrice: 2000,
      referencePrice: 2000,
      rangeHigh: 1995,
      rangeLow: 1900,
    });
  });

  it('sizes from the last trade when the price is already through the stop', () => {
    const decision = decideBreakout(input({ lastTrade: trade(301, 2050), asOf: OPEN + 301_000 }));
    expect(decision).toMatchObject({ signal: 'enter', entryOrder: 'stop', stopPrice: 2000, referencePrice: 2050 });
  });

  it('ignores a trade it could not have seen yet', () => {
    const decision = decideBreakout(input({ lastTrade: trade(400, 2050), asOf: OPEN + 399_000 }));
    expect(decision).toMatchObject({ signal: 'enter', referencePrice: 2000 });
  });
});

describe('breakout entry at market', () => {
  const market = { entryCutoff: '12:00', entryOrder: 'market' } as const;

  it('waits while no trade is above the range high, even one at it', () => {
    expect(decideBreakout(input({ config: market, lastTrade: trade(310, 1995), asOf: OPEN + 310_000 }))).toMatchObject({
      signal: 'none',
      reason: 'no_breakout_yet',
      detail: 'no trade above the range high 1.995 yet',
    });
    expect(decideBreakout(input({ config: market }))).toMatchObject({ signal: 'none', reason: 'no_breakout_yet' });
  });

  it('buys at market on the first trade strictly above the range high', () => {
    const breaking = trade(320, 2000);
    expect(decideBreakout(input({ config: market, lastTrade: breaking, asOf: OPEN + 320_000 }))).toEqual({
      signal: 'enter',
      entryOrder: 'market',
      trigger: breaking,
      referencePrice: 2000,
      rangeHigh: 1995,
      rangeLow: 1900,
    });
  });

  it('does not treat a trade from inside the range window as a breakout', () => {
    const early = trade(200, 2100);
    expect(decideBreakout(input({ config: market, lastTrade: early, asOf: RANGE_END }))).toMatchObject({
      signal: 'none',
      reason: 'no_breakout_yet',
    });
  });

  it('does not use a trade after asOf', () => {
    const future = trade(400, 2100);
    expect(decideBreakout(input({ config: market, lastTrade: future, asOf: OPEN + 399_999 }))).toMatchObject({
      signal: 'none',
      reason: 'no_breakout_yet',
    });
  });
});

describe('no entry', () => {
  it('while the opening range is forming', () => {
    const forming: OpeningRange = { status: 'forming', endsAt: RANGE_END, soFar: undefined };
    expect(decideBreakout(input({ range: forming, asOf: RANGE_END - 1 }))).toMatchObject({
      signal: 'none',
      reason: 'range_forming',
    });
  });

  it('when nothing traded in the opening range', () => {
    expect(decideBreakout(input({ range: { status: 'no_trades', endsAt: RANGE_END } }))).toMatchObject({
      signal: 'none',
      reason: 'no_opening_range',
    });
  });

  it('at or after the entry cutoff, Sydney time, but one millisecond before is still allowed', () => {
    expect(decideBreakout(input({ asOf: NOON }))).toMatchObject({ signal: 'none', reason: 'past_cutoff' });
    expect(decideBreakout(input({ asOf: NOON + 3_600_000 }))).toMatchObject({ reason: 'past_cutoff' });
    expect(decideBreakout(input({ asOf: NOON - 1 }))).toMatchObject({ signal: 'enter' });
  });

  it('reads the cutoff in AEDT on a summer day', () => {
    const summerOpen = Date.parse('2025-12-01T23:00:00Z');
    const range: OpeningRange = { ...COMPLETE, endsAt: summerOpen + 5 * MINUTE };
    expect(decideBreakout(input({ range, asOf: Date.parse('2025-12-02T00:59:59Z') }))).toMatchObject({
      signal: 'enter',
    });
    expect(decideBreakout(input({ range, asOf: Date.parse('2025-12-02T01:00:00Z') }))).toMatchObject({
      reason: 'past_cutoff',
    });
  });

  it('throws InvalidValue for a malformed cutoff', () => {
    expect(() => decideBreakout(input({ config: { entryCutoff: 'noon', entryOrder: 'stop' } }))).toThrow(InvalidValue);
  });
});
