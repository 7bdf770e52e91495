import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import type { CalendarYear } from '../../../src/domain/market/asx-holidays.js';
import { TradingCalendar } from '../../../src/domain/market/trading-calendar.js';
import { localDate, type LocalDate } from '../../../src/domain/values/time.js';

const calendar = new TradingCalendar();
const d = (text: string): LocalDate => localDate(text);
const utc = (iso: string): number => Date.parse(iso);

describe('TradingCalendar.isTradingDay', () => {
  it('trades on ordinary weekdays and not at weekends', () => {
    expect(calendar.isTradingDay(d('2025-07-01'))).toBe(true);
    expect(calendar.isTradingDay(d('2025-07-05'))).toBe(false);
    expect(calendar.isTradingDay(d('2025-07-06'))).toBe(false);
  });

  it('closes on holidays and observed substitutes', () => {
    expect(calendar.isTradingDay(d('2025-01-27'))).toBe(false);
    expect(calendar.isTradingDay(d('2025-04-18'))).toBe(false);
    expect(calendar.isTradingDay(d('2026-12-28'))).toBe(false);
    expect(calendar.isTradingDay(d('2027-12-27'))).toBe(false);
    expect(calendar.holidayOn(d('2027-12-28'))?.name).toMatch(/Boxing Day/);
  });

  it('trades on the Monday after a weekend Anzac Day', () => {
    expect(calendar.isTradingDay(d('2026-04-27'))).toBe(true);
    expect(calendar.isTradingDay(d('2027-04-26'))).toBe(true);
    expect(calendar.holidayOn(d('2026-04-27'))).toBeUndefined();
  });

  it('trades on early-close days', () => {
    expect(calendar.isTradingDay(d('2025-12-24'))).toBe(true);
    expect(calendar.isTradingDay(d('2025-12-31'))).toBe(true);
  });

  it('refuses to guess about a year it has no data for', () => {
    expect(() => calendar.isTradingDay(d('2028-01-04'))).toThrow(/no ASX holiday data for 2028/);
    expect(() => calendar.isTradingDay(d('2022-12-30'))).toThrow(InvalidValue);
    expect(calendar.coveredYears).toEqual([2023, 2024, 2025, 2026, 2027]);
  });
});

describe('TradingCalendar next and previous trading day', () => {
  it('skips weekends', () => {
    expect(calendar.nextTradingDay(d('2025-07-04'))).toBe('2025-07-07');
    expect(calendar.previousTradingDay(d('2025-07-07'))).toBe('2025-07-04');
  });

  it('skips Easter', () => {
    expect(calendar.nextTradingDay(d('2025-04-17'))).toBe('2025-04-22');
    expect(calendar.previousTradingDay(d('2025-04-22'))).toBe('2025-04-17');
    expect(calendar.nextTradingDay(d('2024-03-28'))).toBe('2024-04-02');
  });

  it('skips Christmas and its substitutes', () => {
    expect(calendar.nextTradingDay(d('2026-12-24'))).toBe('2026-12-29');
    expect(calendar.nextTradingDay(d('2027-12-24'))).toBe('2027-12-29');
    expect(calendar.previousTradingDay(d('2025-01-02'))).toBe('2024-12-31');
  });

  it('works from a non-trading day too', () => {
    expect(calendar.nextTradingDay(d('2025-07-05'))).toBe('2025-07-07');
    expect(calendar.previousTradingDay(d('2025-07-05'))).toBe('2025-07-04');
  });
});

describe('TradingCalendar.tradingDaysBetween', () => {
  it('counts the entry day as 0 and only trading days after it', () => {
    expect(calendar.tradingDaysBetween(d('2025-07-01'), d('2025-07-01'))).toBe(0);
    expect(calendar.tradingDaysBetween(d('2025-07-01'), d('2025-07-04'))).toBe(3);
    expect(calendar.tradingDaysBetween(d('2025-07-03'), d('2025-07-08'))).toBe(3);
  });

  it('does not count weekends or holidays in between', () => {
    expect(calendar.tradingDaysBetween(d('2025-04-16'), d('2025-04-23'))).toBe(3);
    expect(calendar.tradingDaysBetween(d('2026-12-23'), d('2026-12-30'))).toBe(3);
    expect(calendar.tradingDaysBetween(d('2025-07-04'), d('2025-07-06'))).toBe(0);
  });

  it('counts across a year end', () => {
    expect(calendar.tradingDaysBetween(d('2024-12-30'), d('2025-01-03'))).toBe(3);
  });

  it('refuses a range that runs backwards', () => {
    expect(() => calendar.tradingDaysBetween(d('2025-07-08'), d('2025-07-01'))).toThrow(/"to" is before "from"/);
  });
});

describe('TradingCalendar.sessionFor', () => {
  it('opens at 10:00 and closes at 16:00 Sydney time (AEST in winter)', () => {
    expect(calendar.sessionFor(d('2025-07-01'))).toEqual({
      date: '2025-07-01',
      open: utc('2025-07-01T00:00:00Z'),
      close: utc('2025-07-01T06:00:00Z'),
      earlyClose: false,
    });
  });

  it('uses AEDT in summer and around the DST changes', () => {
    expect(calendar.sessionFor(d('2025-10-06')).open).toBe(utc('2025-10-05T23:00:00Z'));
    expect(calendar.sessionFor(d('2025-10-03')).open).toBe(utc('2025-10-03T00:00:00Z'));
    expect(calendar.sessionFor(d('2026-04-02')).close).toBe(utc('2026-04-02T05:00:00Z'));
    expect(calendar.sessionFor(d('2026-04-07')).close).toBe(utc('2026-04-07T06:00:00Z'));
  });

  it('closes at 14:10 on early-close days', () => {
    expect(calendar.sessionFor(d('2025-12-24'))).toEqual({
      date: '2025-12-24',
      open: utc('2025-12-23T23:00:00Z'),
      close: utc('2025-12-24T03:10:00Z'),
      earlyClose: true,
    });
  });

  it('refuses a holiday or a weekend, naming it', () => {
    expect(() => calendar.sessionFor(d('2025-12-25'))).toThrow(/ASX holiday: Christmas Day/);
    expect(() => calendar.sessionFor(d('2025-07-05'))).toThrow(/weekend/);
  });
});

describe('TradingCalendar built from configured data', () => {
  const year = (overrides: Partial<CalendarYear>): CalendarYear => ({
    year: 2030,
    holidays: [],
    earlyCloses: [],
    ...overrides,
  });

  it('uses the holidays and early closes it is given', () => {
    const custom = new TradingCalendar([
      year({
        holidays: [{ date: d('2030-01-01'), name: "New Year's Day" }],
        earlyCloses: [{ date: d('2030-12-24'), close: '12:00', name: 'test' }],
      }),
    ]);
    expect(custom.isTradingDay(d('2030-01-01'))).toBe(false);
    expect(custom.isTradingDay(d('2030-01-02'))).toBe(true);
    expect(custom.sessionFor(d('2030-12-24')).close).toBe(utc('2030-12-24T01:00:00Z'));
  });

  it('rejects inconsistent data', () => {
    expect(() => new TradingCalendar([year({}), year({})])).toThrow(/given twice/);
    expect(() => new TradingCalendar([year({ holidays: [{ date: d('2031-01-01'), name: 'x' }] })])).toThrow(
      /listed under year 2030/,
    );
    expect(() => new TradingCalendar([year({ holidays: [{ date: d('2030-01-05'), name: 'x' }] })])).toThrow(
      /falls on a weekend/,
    );
    expect(
      () =>
        new TradingCalendar([
          year({
            holidays: [{ date: d('2030-01-01'), name: 'x' }],
            earlyCloses: [{ date: d('2030-01-01'), close: '14:10', name: 'y' }],
          }),
        ]),
    ).toThrow(/is also a holiday/);
    expect(
      () => new TradingCalendar([year({ earlyCloses: [{ date: d('2030-12-24'), close: '2pm', name: 'y' }] })]),
    ).toThrow(InvalidValue);
    expect(() => new TradingCalendar([year({ holidays: [{ date: '2030-02-30' as LocalDate, name: 'x' }] })])).toThrow(
      /no such day/,
    );
  });
});
