import type { EpochMs, LocalDate } from '../../domain/values/time.js';

/** The slice of the ASX trading calendar a scan needs; the domain's TradingCalendar satisfies it as it is. */
export interface ScanCalendar {
  isTradingDay(date: LocalDate): boolean;
  previousTradingDay(date: LocalDate): LocalDate;
  sessionFor(date: LocalDate): { readonly close: EpochMs };
}

/** End of continuous trading on the trading day before `tradingDate` (16:00 Sydney, or an early close). */
export function previousSessionClose(calendar: ScanCalendar, tradingDate: LocalDate): EpochMs {
  return calendar.sessionFor(calendar.previousTradingDay(tradingDate)).close;
}
