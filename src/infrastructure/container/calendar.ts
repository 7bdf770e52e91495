import { ASX_CALENDAR_YEARS, type CalendarYear } from '../../domain/market/asx-holidays.js';
import { TradingCalendar } from '../../domain/market/trading-calendar.js';
import { InvalidValue } from '../../domain/errors/invalid-value.error.js';
import type { HolidayOverrides } from '../config/skim-config.js';

/** The ASX calendar with the user's holiday overrides (SKIM_HOLIDAYS_ADD / _REMOVE) applied. */
export function buildCalendar(
  overrides: HolidayOverrides,
  data: readonly CalendarYear[] = ASX_CALENDAR_YEARS,
): TradingCalendar {
  const covered = new Set(data.map((year) => year.year));
  for (const date of [...overrides.add, ...overrides.remove]) {
    if (!covered.has(Number(date.slice(0, 4)))) {
      throw new InvalidValue('holiday override', date, `no ASX calendar data for ${date.slice(0, 4)}`);
    }
  }
  const removed = new Set<string>(overrides.remove);
  return new TradingCalendar(
    data.map((year) => ({
      ...year,
      holidays: [
        ...year.holidays.filter((holiday) => !removed.has(holiday.date)),
        ...overrides.add
          .filter((date) => date.startsWith(`${year.year}-`))
          .map((date) => ({ date, name: 'configured holiday' })),
      ],
    })),
  );
}
