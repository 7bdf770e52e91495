import { sydneyDateOf, sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import type { AppLogger } from '../shared/app-logger.js';
import type { TradingDayResult } from './trading-day.js';

/** Sydney time the bot wakes on a trading day, well before the pre-open scan. */
export const WAKE_TIME = '07:00';

export interface SchedulerHooks {
  /** Runs one trading day from the clock's current instant. */
  readonly runDay: () => Promise<TradingDayResult>;
  /** Told about every finished day (the CLI prints it). */
  readonly onDay?: (result: TradingDayResult) => void;
  /** Asked before each day and after each sleep; true ends the loop. */
  readonly stopping: () => boolean;
}

/**
 * `skim run`'s loop: trade the day, then sleep until the next ASX trading day's wake-up time in Sydney. The
 * wake-up instant comes from the time-zone database for that date, so daylight saving changes and public holidays
 * (skipped by the calendar) need no special case.
 */
export class TradingScheduler {
  constructor(
    private readonly calendar: TradingCalendar,
    private readonly clock: Clock,
    private readonly log: AppLogger,
  ) {}

  /** The instant of the next wake-up strictly after the trading day `date`. */
  nextWakeAfter(date: LocalDate): EpochMs {
    const next = this.calendar.nextTradingDay(date);
    return sydneyLocalToEpoch(next, WAKE_TIME);
  }

  async run(hooks: SchedulerHooks): Promise<void> {
    while (!hooks.stopping()) {
      const today = sydneyDateOf(this.clock.now());
      if (this.calendar.isTradingDay(today)) {
        const result = await hooks.runDay();
        hooks.onDay?.(result);
      } else {
        this.log.info({ date: today }, 'no trading today');
      }
      if (hooks.stopping()) return;
      const wake = this.nextWakeAfter(today);
      this.log.info({ wake, date: sydneyDateOf(wake) }, `sleeping until ${sydneyDateOf(wake)} ${WAKE_TIME} Sydney`);
      await this.clock.sleepUntil(wake);
    }
  }
}
