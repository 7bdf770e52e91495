import { InvalidValue } from '../errors/invalid-value.error.js';
import { addDays, localDate, weekday, type EpochMs, type LocalDate } from '../values/time.js';
import { ASX_CALENDAR_YEARS, type CalendarYear, type EarlyClose, type MarketHoliday } from './asx-holidays.js';
import { parseLocalTime, sydneyLocalToEpoch } from './sydney-time.js';

/** When continuous trading runs on one trading day. */
export interface TradingSession {
  readonly date: LocalDate;
  /** First instant of continuous trading for the earliest group of stocks (10:00:00 Sydney). */
  readonly open: EpochMs;
  /** End of continuous trading: 16:00 Sydney, or the early close. */
  readonly close: EpochMs;
  readonly earlyClose: boolean;
}

export const MARKET_OPEN_TIME = '10:00:00';
export const MARKET_CLOSE_TIME = '16:00';

/**
 * ASX trading days from per-year holiday data. A question about a year the data does not cover throws
 * instead of guessing, so a missing year shows up at once rather than as a trade on a holiday.
 */
export class TradingCalendar {
  private readonly years = new Set<number>();
  private readonly holidays = new Map<LocalDate, MarketHoliday>();
  private readonly earlyCloses = new Map<LocalDate, EarlyClose>();

  constructor(data: readonly CalendarYear[] = ASX_CALENDAR_YEARS) {
    for (const year of data) this.addYear(year);
  }

  get coveredYears(): readonly number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  isTradingDay(date: LocalDate): boolean {
    this.requireCovered(date);
    const dayOfWeek = weekday(date);
    return dayOfWeek !== 0 && dayOfWeek !== 6 && !this.holidays.has(date);
  }

  /** The holiday that closes the market on `date`, if any. */
  holidayOn(date: LocalDate): MarketHoliday | undefined {
    this.requireCovered(date);
    return this.holidays.get(date);
  }

  /** The first trading day strictly after `date`. */
  nextTradingDay(date: LocalDate): LocalDate {
    let day = addDays(date, 1);
    while (!this.isTradingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** The last trading day strictly before `date`. */
  previousTradingDay(date: LocalDate): LocalDate {
    let day = addDays(date, -1);
    while (!this.isTradingDay(day)) day = addDays(day, -1);
    return day;
  }

  /**
   * Trading days after `from` up to and including `to`: the entry day is day 0, the next trading day is 1.
   * Weekends and holidays in between do not count.
   */
  tradingDaysBetween(from: LocalDate, to: LocalDate): number {
    if (to < from) throw new InvalidValue('trading day range', { from, to }, '"to" is before "from"');
    this.requireCovered(from);
    let count = 0;
    for (let day = from; day < to;) {
      day = addDays(day, 1);
      if (this.isTradingDay(day)) count += 1;
    }
    return count;
  }

  /** Continuous-trading hours of a trading day; throws for a weekend or holiday. */
  sessionFor(date: LocalDate): TradingSession {
    if (!this.isTradingDay(date)) {
      const holiday = this.holidays.get(date);
      throw new InvalidValue('trading session date', date, holiday ? `ASX holiday: ${holiday.name}` : 'weekend');
    }
    const early = this.earlyCloses.get(date);
    return {
      date,
      open: sydneyLocalToEpoch(date, MARKET_OPEN_TIME),
      close: sydneyLocalToEpoch(date, early?.close ?? MARKET_CLOSE_TIME),
      earlyClose: early !== undefined,
    };
  }

  private addYear({ year, holidays, earlyCloses }: CalendarYear): void {
    if (this.years.has(year)) throw new InvalidValue('calendar year', year, 'given twice');
    this.years.add(year);
    for (const holiday of holidays) {
      this.requireWeekdayIn(year, holiday.date, 'holiday');
      this.holidays.set(holiday.date, holiday);
    }
    for (const close of earlyCloses) {
      this.requireWeekdayIn(year, close.date, 'early close');
      if (this.holidays.has(close.date)) throw new InvalidValue('early close', close.date, 'is also a holiday');
      parseLocalTime(close.close);
      this.earlyCloses.set(close.date, close);
    }
  }

  private requireWeekdayIn(year: number, date: LocalDate, kind: string): void {
    localDate(date);
    if (Number(date.slice(0, 4)) !== year) throw new InvalidValue(kind, date, `listed under year ${year}`);
    const dayOfWeek = weekday(date);
    if (dayOfWeek === 0 || dayOfWeek === 6) throw new InvalidValue(kind, date, 'falls on a weekend');
  }

  private requireCovered(date: LocalDate): void {
    const year = Number(date.slice(0, 4));
    if (!this.years.has(year)) {
      throw new InvalidValue('trading calendar date', date, `no ASX holiday data for ${year}`);
    }
  }
}
