import type { LocalDate } from '../values/time.js';

/** A weekday on which the ASX cash market does not trade. */
export interface MarketHoliday {
  readonly date: LocalDate;
  readonly name: string;
}

/** A trading day on which continuous trading ends early; `close` is Sydney local "HH:MM". */
export interface EarlyClose {
  readonly date: LocalDate;
  readonly close: string;
  readonly name: string;
}

/** Everything the trading calendar needs to know about one calendar year. */
export interface CalendarYear {
  readonly year: number;
  readonly holidays: readonly MarketHoliday[];
  readonly earlyCloses: readonly EarlyClose[];
}

export const ASX_EARLY_CLOSE_TIME = '14:10';

const day = (date: string, name: string): MarketHoliday => ({ date: date as LocalDate, name });
const early = (date: string, name: string): EarlyClose => ({
  date: date as LocalDate,
  close: ASX_EARLY_CLOSE_TIME,
  name,
});

/**
 * ASX cash-market non-trading days and early closes, 2023-2027, as the ASX publishes them.
 *
 * Substitute days: New Year's Day, Australia Day, Christmas and Boxing Day move to the next free weekday when
 * they fall at a weekend. Anzac Day does not: the ASX trades on the Monday after a weekend Anzac Day
 * (2026-04-25 is a Saturday and 2027-04-25 a Sunday, so neither year has an Anzac Day closure).
 * King's Birthday is the second Monday of June. Every 24 and 31 December in these years is a weekday,
 * so each closes early at 14:10.
 */
export const ASX_CALENDAR_YEARS: readonly CalendarYear[] = Object.freeze([
  {
    // 24 and 31 December 2023 are Sundays: the early close falls on the last trading day before each.
    year: 2023,
    holidays: [
      day('2023-01-02', "New Year's Day (observed; 1 January is a Sunday)"),
      day('2023-01-26', 'Australia Day'),
      day('2023-04-07', 'Good Friday'),
      day('2023-04-10', 'Easter Monday'),
      day('2023-04-25', 'Anzac Day'),
      day('2023-06-12', "King's Birthday"),
      day('2023-12-25', 'Christmas Day'),
      day('2023-12-26', 'Boxing Day'),
    ],
    earlyCloses: [
      early('2023-12-22', 'last trading day before Christmas'),
      early('2023-12-29', 'last trading day of the year'),
    ],
  },
  {
    year: 2024,
    holidays: [
      day('2024-01-01', "New Year's Day"),
      day('2024-01-26', 'Australia Day'),
      day('2024-03-29', 'Good Friday'),
      day('2024-04-01', 'Easter Monday'),
      day('2024-04-25', 'Anzac Day'),
      day('2024-06-10', "King's Birthday"),
      day('2024-12-25', 'Christmas Day'),
      day('2024-12-26', 'Boxing Day'),
    ],
    earlyCloses: [early('2024-12-24', 'Christmas Eve'), early('2024-12-31', "New Year's Eve")],
  },
  {
    year: 2025,
    holidays: [
      day('2025-01-01', "New Year's Day"),
      day('2025-01-27', 'Australia Day (observed; 26 January is a Sunday)'),
      day('2025-04-18', 'Good Friday'),
      day('2025-04-21', 'Easter Monday'),
      day('2025-04-25', 'Anzac Day'),
      day('2025-06-09', "King's Birthday"),
      day('2025-12-25', 'Christmas Day'),
      day('2025-12-26', 'Boxing Day'),
    ],
    earlyCloses: [early('2025-12-24', 'Christmas Eve'), early('2025-12-31', "New Year's Eve")],
  },
  {
    year: 2026,
    holidays: [
      day('2026-01-01', "New Year's Day"),
      day('2026-01-26', 'Australia Day'),
      day('2026-04-03', 'Good Friday'),
      day('2026-04-06', 'Easter Monday'),
      day('2026-06-08', "King's Birthday"),
      day('2026-12-25', 'Christmas Day'),
      day('2026-12-28', 'Boxing Day (observed; 26 December is a Saturday)'),
    ],
    earlyCloses: [early('2026-12-24', 'Christmas Eve'), early('2026-12-31', "New Year's Eve")],
  },
  {
    year: 2027,
    holidays: [
      day('2027-01-01', "New Year's Day"),
      day('2027-01-26', 'Australia Day'),
      day('2027-03-26', 'Good Friday'),
      day('2027-03-29', 'Easter Monday'),
      day('2027-06-14', "King's Birthday"),
      day('2027-12-27', 'Christmas Day (observed; 25 December is a Saturday)'),
      day('2027-12-28', 'Boxing Day (observed; 26 December is a Sunday)'),
    ],
    earlyCloses: [early('2027-12-24', 'Christmas Eve'), early('2027-12-31', "New Year's Eve")],
  },
]);
