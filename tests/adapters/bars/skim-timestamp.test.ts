import { describe, expect, it } from 'vitest';
import { parseSkimTimestamp } from '../../../src/adapters/bars/import/skim-timestamp.js';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';

describe('parseSkimTimestamp', () => {
  it('reads Sydney wall-clock time with the offset of that date (AEDT in March, AEST in June)', () => {
    expect(parseSkimTimestamp('2024-03-01 10:00')).toEqual({ size: '1min', start: Date.UTC(2024, 1, 29, 23, 0) });
    expect(parseSkimTimestamp('2024-06-03 10:00')).toEqual({ size: '1min', start: Date.UTC(2024, 5, 3, 0, 0) });
    expect(parseSkimTimestamp('2024-06-03T10:00:00')).toEqual({ size: '1min', start: Date.UTC(2024, 5, 3, 0, 0) });
  });

  it('reads instants with an explicit offset or Z', () => {
    const start = Date.UTC(2024, 1, 29, 23, 0);
    expect(parseSkimTimestamp('2024-03-01T10:00:00+11:00').start).toBe(start);
    expect(parseSkimTimestamp('2024-03-01T10:00+1100').start).toBe(start);
    expect(parseSkimTimestamp('2024-02-29T23:00:00.000Z').start).toBe(start);
    expect(parseSkimTimestamp('2024-02-29T18:00:00-05:00').start).toBe(start);
  });

  it('takes a bare date as a daily bar starting at 10:00 Sydney', () => {
    expect(parseSkimTimestamp('2024-06-03')).toEqual({ size: '1d', start: Date.UTC(2024, 5, 3, 0, 0) });
  });

  it('refuses other notations and impossible dates', () => {
    expect(() => parseSkimTimestamp('01/03/2024 10:00')).toThrow(InvalidValue);
    expect(() => parseSkimTimestamp('2024-02-30')).toThrow(/no such day/);
    expect(() => parseSkimTimestamp('2024-03-01 24:00')).toThrow(/hour must be 00-23/);
  });
});
