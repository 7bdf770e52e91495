import { sydneyDateOf, sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import type { AppLogger } from '../shared/app-logger.js';
import type { TradingDayResult } from './trading-day.js';

/** Sydney time the bot wakes on a trading day, well before the pre-open scan. */
export const WAKE_TIME = '07:00';
/** How long to wait before trying the broker again when it cannot be reached or is not logged in. */
export const CONNECT_RETRY_MS = 60_000;

export interface SchedulerHooks {
  /** Opens the broker session for the day (IBKR's session resets daily); may fail while the gateway is down. */
  readonly connect: () => Promise<unknown>;
  /** Runs one trading day from the clock's current instant. */
  readonly runDay: () => Promise<TradingDayResult>;
  /** Told about every finished day (the CLI prints it). */
  readonly onDay?: (result: TradingDayResult) => void;
  /** Told about a day that ended with an error (it is logged as well). */
  readonly onDayFailed?: (date: LocalDate, reason: string) => void;
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
      if (this.calendar.isTradingDay(today)) await this.tradeToday(hooks);
      else this.log.info({ date: today }, 'no trading today');
      if (hooks.stopping()) return;
      const wake = this.nextWakeAfter(today);
      this.log.info({ wake, date: sydneyDateOf(wake) }, `sleeping until ${sydneyDateOf(wake)} ${WAKE_TIME} Sydney`);
      await this.clock.sleepUntil(wake);
    }
  }

  /** Connects for the day the clock is in and trades it (what a restarted `skim run` does first, too). */
  async tradeToday(hooks: SchedulerHooks): Promise<void> {
    const today = sydneyDateOf(this.clock.now());
    if (await this.connected(hooks, today)) await this.tradeDay(hooks, today);
  }

  /**
   * One day's trading. A day that fails (the gateway lost for good near the close, a bug) is logged and the bot
   * goes on to the next day rather than exiting: positions keep their broker-side stops, and tomorrow starts with
   * a reconcile.
   */
  private async tradeDay(hooks: SchedulerHooks, today: LocalDate): Promise<void> {
    try {
      const result = await hooks.runDay();
      hooks.onDay?.(result);
    } catch (error) {
      if (hooks.stopping()) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      this.log.error({ date: today, reason }, `trading day ${today} failed: ${reason}`);
      hooks.onDayFailed?.(today, reason);
    }
  }

  /**
   * Connects for the day, retrying every minute while the gateway is down or awaiting the login approval; gives
   * the day up (false) once its session has closed, since there is nothing left to trade.
   */
  private async connected(hooks: SchedulerHooks, today: LocalDate): Promise<boolean> {
    const close = this.calendar.sessionFor(today).close;
    for (;;) {
      try {
        await hooks.connect();
        return true;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.log.error({ date: today, reason }, `cannot trade yet: ${reason}; trying again in a minute`);
      }
      if (hooks.stopping() || this.clock.now() + CONNECT_RETRY_MS >= close) return false;
      await this.clock.sleepUntil(this.clock.now() + CONNECT_RETRY_MS);
    }
  }
}
