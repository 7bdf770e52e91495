import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import {
  parseLocalTime,
  secondsOfDay,
  sydneyDateOf,
  sydneyLocalToEpoch,
  sydneyParts,
} from '../../../src/domain/market/sydney-time.js';
import { localDate } from '../../../src/domain/values/time.js';

const utc = (iso: string): number => Date.parse(iso);

describe('sydneyParts and sydneyDateOf', () => {
  it('puts 23:30 UTC on the next Sydney day', () => {
    expect(sydneyDateOf(utc('2025-01-01T23:30:00Z'))).toBe('2025-01-02');
    expect(sydneyParts(utc('2025-01-01T23:30:00Z'))).toEqual({
      date: '2025-01-02',
      hour: 10,
      minute: 30,
      second: 0,
      weekday: 4,
    });
  });

  it('uses AEST (UTC+10) in winter and AEDT (UTC+11) in summer', () => {
    expect(sydneyParts(utc('2025-07-01T00:00:00Z'))).toMatchObject({ date: '2025-07-01', hour: 10, minute: 0 });
    expect(sydneyParts(utc('2025-12-01T00:00:00Z'))).toMatchObject({ date: '2025-12-01', hour: 11, minute: 0 });
  });

  it('shows midnight as hour 0, not 24', () => {
    expect(sydneyParts(utc('2025-06-30T14:00:00Z'))).toMatchObject({ date: '2025-07-01', hour: 0, weekday: 2 });
  });

  it('follows the October change: 02:00 AEST jumps to 03:00 AEDT', () => {
    expect(sydneyParts(utc('2025-10-04T15:59:59Z'))).toMatchObject({ date: '2025-10-05', hour: 1, minute: 59 });
    expect(sydneyParts(utc('2025-10-04T16:00:00Z'))).toMatchObject({
      date: '2025-10-05',
      hour: 3,
      minute: 0,
      weekday: 0,
    });
  });

  it('follows the April change: 03:00 AEDT falls back to 02:00 AEST', () => {
    expect(sydneyParts(utc('2026-04-04T15:59:59Z'))).toMatchObject({ date: '2026-04-05', hour: 2, minute: 59 });
    expect(sydneyParts(utc('2026-04-04T16:00:00Z'))).toMatchObject({ date: '2026-04-05', hour: 2, minute: 0 });
  });

  it('refuses a non-finite instant', () => {
    expect(() => sydneyParts(Number.NaN)).toThrow(InvalidValue);
  });
});

describe('sydneyLocalToEpoch', () => {
  it('converts the market open in both seasons', () => {
    expect(sydneyLocalToEpoch(localDate('2025-07-01'), '10:00')).toBe(utc('2025-07-01T00:00:00Z'));
    expect(sydneyLocalToEpoch(localDate('2025-12-01'), '10:00:00')).toBe(utc('2025-11-30T23:00:00Z'));
    expect(sydneyLocalToEpoch(localDate('2025-12-01'), '16:10:30')).toBe(utc('2025-12-01T05:10:30Z'));
  });

  it('gets both days of the October change right (first Sunday, 2025-10-05)', () => {
    expect(sydneyLocalToEpoch(localDate('2025-10-03'), '10:00')).toBe(utc('2025-10-03T00:00:00Z'));
    expect(sydneyLocalToEpoch(localDate('2025-10-05'), '01:59:59')).toBe(utc('2025-10-04T15:59:59Z'));
    expect(sydneyLocalToEpoch(localDate('2025-10-05'), '03:00')).toBe(utc('2025-10-04T16:00:00Z'));
    expect(sydneyLocalToEpoch(localDate('2025-10-06'), '10:00')).toBe(utc('2025-10-05T23:00:00Z'));
  });

  it('moves a time in the skipped hour forward by the gap', () => {
    expect(sydneyLocalToEpoch(localDate('2025-10-05'), '02:00')).toBe(utc('2025-10-04T16:00:00Z'));
    expect(sydneyLocalToEpoch(localDate('2025-10-05'), '02:30')).toBe(utc('2025-10-04T16:30:00Z'));
    expect(sydneyParts(sydneyLocalToEpoch(localDate('2025-10-05'), '02:30'))).toMatchObject({ hour: 3, minute: 30 });
  });

  it('gets both days of the April change right (first Sunday, 2026-04-05)', () => {
    expect(sydneyLocalToEpoch(localDate('2026-04-03'), '10:00')).toBe(utc('2026-04-02T23:00:00Z'));
    expect(sydneyLocalToEpoch(localDate('2026-04-05'), '01:30')).toBe(utc('2026-04-04T14:30:00Z'));
    expect(sydneyLocalToEpoch(localDate('2026-04-05'), '03:00')).toBe(utc('2026-04-04T17:00:00Z'));
    expect(sydneyLocalToEpoch(localDate('2026-04-07'), '10:00')).toBe(utc('2026-04-07T00:00:00Z'));
  });

  it('takes the earlier instant for a time in the repeated hour', () => {
    expect(sydneyLocalToEpoch(localDate('2026-04-05'), '02:30')).toBe(utc('2026-04-04T15:30:00Z'));
    expect(sydneyLocalToEpoch(localDate('2026-04-05'), '02:00')).toBe(utc('2026-04-04T15:00:00Z'));
  });

  it('round-trips with sydneyParts on ordinary days', () => {
    const at = sydneyLocalToEpoch(localDate('2024-03-29'), '23:59:59');
    expect(sydneyParts(at)).toMatchObject({ date: '2024-03-29', hour: 23, minute: 59, second: 59 });
  });

  it('throws InvalidValue for a malformed time', () => {
    for (const bad of ['10', '10:0', '24:00', '10:60', '10:00:60', '10:00:00:00', ' 10:00', 'ten']) {
      expect(() => sydneyLocalToEpoch(localDate('2025-07-01'), bad)).toThrow(InvalidValue);
    }
    expect(() => sydneyLocalToEpoch(localDate('2025-07-01'), '25:00')).toThrow(/invalid local time "25:00"/);
  });
});

describe('parseLocalTime', () => {
  it('reads HH:MM and HH:MM:SS and measures seconds since midnight', () => {
    expect(parseLocalTime('12:00')).toEqual({ hour: 12, minute: 0, second: 0 });
    expect(parseLocalTime('23:59:59')).toEqual({ hour: 23, minute: 59, second: 59 });
    expect(secondsOfDay(parseLocalTime('10:02:15'))).toBe(36_135);
  });
});
