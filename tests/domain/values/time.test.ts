import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { addDays, localDate, weekday } from '../../../src/domain/values/time.js';

describe('LocalDate', () => {
  it('accepts real calendar days only', () => {
    expect(localDate('2024-02-29')).toBe('2024-02-29');
    expect(() => localDate('2025-02-29')).toThrow(/no such day/);
    expect(() => localDate('2025-13-01')).toThrow(InvalidValue);
    expect(() => localDate('2025-1-01')).toThrow(/expected YYYY-MM-DD/);
    expect(() => localDate('2025-01-01T00:00')).toThrow(InvalidValue);
  });

  it('knows the day of the week (0 = Sunday)', () => {
    expect(weekday(localDate('2025-10-05'))).toBe(0);
    expect(weekday(localDate('2025-06-23'))).toBe(1);
    expect(weekday(localDate('2026-04-25'))).toBe(6);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays(localDate('2024-12-31'), 1)).toBe('2025-01-01');
    expect(addDays(localDate('2024-03-01'), -1)).toBe('2024-02-29');
    expect(addDays(localDate('2025-10-04'), 2)).toBe('2025-10-06');
    expect(addDays(localDate('2025-10-04'), 0)).toBe('2025-10-04');
  });
});
