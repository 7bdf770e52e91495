import { describe, expect, it } from 'vitest';
import { ASX_CALENDAR_YEARS, ASX_EARLY_CLOSE_TIME } from '../../../src/domain/market/asx-holidays.js';
import { weekday } from '../../../src/domain/values/time.js';

const holidayDates = (year: number): string[] =>
  ASX_CALENDAR_YEARS.find((y) => y.year === year)?.holidays.map((h) => h.date) ?? [];

describe('ASX holiday data', () => {
  it('covers 2023 to 2027', () => {
    expect(ASX_CALENDAR_YEARS.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026, 2027]);
  });

  it('lists the 2023 closures, with the substitute for New Year on a Sunday', () => {
    expect(holidayDates(2023)).toEqual([
      '2023-01-02',
      '2023-01-26',
      '2023-04-07',
      '2023-04-10',
      '2023-04-25',
      '2023-06-12',
      '2023-12-25',
      '2023-12-26',
    ]);
  });

  it('lists the 2024 closures', () => {
    expect(holidayDates(2024)).toEqual([
      '2024-01-01',
      '2024-01-26',
      '2024-03-29',
      '2024-04-01',
      '2024-04-25',
      '2024-06-10',
      '2024-12-25',
      '2024-12-26',
    ]);
  });

  it('moves Australia Day 2025 (a Sunday) to Monday 27 January', () => {
    expect(holidayDates(2025)).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-04-18',
      '2025-04-21',
      '2025-04-25',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('has no Anzac Day closure in 2026 (a Saturday) and moves Boxing Day to Monday 28 December', () => {
    expect(holidayDates(2026)).toEqual([
      '2026-01-01',
      '2026-01-26',
      '2026-04-03',
      '2026-04-06',
      '2026-06-08',
      '2026-12-25',
      '2026-12-28',
    ]);
  });

  it('has no Anzac Day closure in 2027 (a Sunday) and moves Christmas and Boxing Day to 27 and 28 December', () => {
    expect(holidayDates(2027)).toEqual([
      '2027-01-01',
      '2027-01-26',
      '2027-03-26',
      '2027-03-29',
      '2027-06-14',
      '2027-12-27',
      '2027-12-28',
    ]);
  });

  it('puts every holiday on a weekday and King’s Birthday on the second Monday of June', () => {
    for (const { holidays } of ASX_CALENDAR_YEARS) {
      for (const { date } of holidays) expect([0, 6]).not.toContain(weekday(date));
      const kings = holidays.find((h) => h.name.startsWith("King's Birthday"));
      expect(kings && weekday(kings.date)).toBe(1);
      expect(Number(kings?.date.slice(8))).toBeGreaterThanOrEqual(8);
      expect(Number(kings?.date.slice(8))).toBeLessThanOrEqual(14);
    }
  });

  it('closes early at 14:10 on 24 and 31 December, or the last trading day before when they fall at a weekend', () => {
    expect(ASX_EARLY_CLOSE_TIME).toBe('14:10');
    const y2023 = ASX_CALENDAR_YEARS.find((y) => y.year === 2023);
    expect(y2023?.earlyCloses.map((e) => [e.date, e.close])).toEqual([
      ['2023-12-22', '14:10'],
      ['2023-12-29', '14:10'],
    ]);
    for (const { year, earlyCloses } of ASX_CALENDAR_YEARS.filter((y) => y.year !== 2023)) {
      expect(earlyCloses.map((e) => [e.date, e.close])).toEqual([
        [`${year}-12-24`, '14:10'],
        [`${year}-12-31`, '14:10'],
      ]);
    }
  });
});
