import { sydneyDateOf, sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import { ONE_MINUTE_MS } from '../../domain/strategy/price-window.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import type { AppLogger } from '../shared/app-logger.js';
import { errorText } from '../shared/error-text.js';
import type { DaySummary } from './day-summary.js';
import type { ReconcileReport } from './reconcile-report.js';

/** A use case the day runs at its moments; each is safe to call again at the next moment. */
export interface DayStep<T = unknown> {
  run(): Promise<T>;
}

export interface TradingDaySteps {
  readonly reconcile: DayStep<ReconcileReport>;
  readonly trackOpeningRange: DayStep;
  readonly executeEntries: DayStep;
  readonly managePositions: DayStep;
  readonly endOfDay: DayStep<DaySummary>;
  /** The pre-open scan, when there is one; a function so the day does not depend on how scans are built. */
  readonly scan?: (tradingDate: LocalDate) => Promise<unknown>;
  /** Streamed market data and the decisions it drives, when there is a stream: up from the pre-open to the close. */
  readonly marketData?: MarketDataSession;
}

/** Something that runs through the session: started after the pre-open scan, stopped at the close. */
export interface MarketDataSession {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface TradingDaySettings {
  /** Sydney time ("HH:MM") of the pre-open scan. */
  readonly scanTime: string;
  /** Sydney time ("HH:MM") after which no new entry is made. */
  readonly entryCutoff: string;
  /** Minutes between position checks during the session (1 checks every minute). */
  readonly managementIntervalMinutes: number;
}

/** Attempts at the end-of-day step, a minute apart, before the day ends with its error. */
const END_OF_DAY_ATTEMPTS = 5;

export type TradingDayResult =
  | { readonly kind: 'market_closed'; readonly date: LocalDate; readonly reason: string }
  | {
      readonly kind: 'traded';
      readonly date: LocalDate;
      readonly reconcile: ReconcileReport | undefined;
      readonly summary: DaySummary;
    };

/**
 * One trading day in order: reconcile, pre-open scan, the gap rule at the open, opening ranges and entries
 * every minute until the cutoff, position checks every N minutes, and the end-of-day summary at the close.
 * It only ever waits through `clock.sleepUntil`, so the same code runs live and in a replay. A step that
 * fails is logged and the day goes on with the next one.
 */
export class TradingDay {
  constructor(
    private readonly steps: TradingDaySteps,
    private readonly calendar: TradingCalendar,
    private readonly clock: Clock,
    private readonly settings: TradingDaySettings,
    private readonly log: AppLogger,
  ) {}

  async run(): Promise<TradingDayResult> {
    const date = sydneyDateOf(this.clock.now());
    if (!this.calendar.isTradingDay(date)) {
      const reason = this.calendar.holidayOn(date)?.name ?? 'weekend';
      this.log.info({ date, reason }, 'no trading today');
      return { kind: 'market_closed', date, reason };
    }
    const session = this.calendar.sessionFor(date);
    const cutoff = sydneyLocalToEpoch(date, this.settings.entryCutoff);
    this.log.info(
      { date, open: session.open, close: session.close, earlyClose: session.earlyClose },
      'trading day starts',
    );

    const reconcile = await this.step('reconcile', () => this.steps.reconcile.run());
    await this.preOpenScan(date, cutoff);
    await this.withMarketData(async () => {
      await this.clock.sleepUntil(session.open);
      await this.step('track the open', () => this.steps.trackOpeningRange.run());
      await this.step('manage positions', () => this.steps.managePositions.run());
      await this.session(session.open, session.close, cutoff);
      await this.clock.sleepUntil(session.close);
    });
    const summary = await this.endOfDay();
    return { kind: 'traded', date, reconcile, summary };
  }

  /** The day's fills and summary matter too much to give up on at the first failure: tried again a minute later. */
  private async endOfDay(): Promise<DaySummary> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.steps.endOfDay.run();
      } catch (error) {
        if (attempt >= END_OF_DAY_ATTEMPTS) throw error;
        this.log.warn({ attempt, at: this.clock.now(), error: errorText(error) }, 'end of day failed; trying again');
        await this.clock.sleepUntil(this.clock.now() + ONE_MINUTE_MS);
      }
    }
  }

  private async preOpenScan(date: LocalDate, cutoff: EpochMs): Promise<void> {
    const scan = this.steps.scan;
    if (scan === undefined) return;
    await this.clock.sleepUntil(sydneyLocalToEpoch(date, this.settings.scanTime));
    if (this.clock.now() >= cutoff) {
      this.log.warn({ date }, 'pre-open scan skipped: the entry window is already over');
      return;
    }
    await this.step('pre-open scan', () => scan(date));
  }

  /**
   * Runs the session with the market data stream up, when there is one: started before the open so that the
   * opening trades are heard, and stopped at the close whatever happens. The periodic steps stay as a safety
   * net; the stream's events decide in between them.
   */
  private async withMarketData(session: () => Promise<void>): Promise<void> {
    const marketData = this.steps.marketData;
    if (marketData === undefined) return session();
    await this.step('start market data', () => marketData.start());
    try {
      await session();
    } finally {
      await this.step('stop market data', () => marketData.stop());
    }
  }

  /** The minute-by-minute part of the session, from the first whole minute after the open up to the close. */
  private async session(open: EpochMs, close: EpochMs, cutoff: EpochMs): Promise<void> {
    const interval = this.settings.managementIntervalMinutes * ONE_MINUTE_MS;
    let entryWindowOpen = true;
    for (let tick = this.firstTick(open); tick < close; tick += ONE_MINUTE_MS) {
      await this.clock.sleepUntil(tick);
      if (entryWindowOpen) {
        if (tick < cutoff) await this.step('track the opening range', () => this.steps.trackOpeningRange.run());
        await this.step('execute entries', () => this.steps.executeEntries.run());
        entryWindowOpen = tick < cutoff;
      }
      if ((tick - open) % interval === 0) await this.step('manage positions', () => this.steps.managePositions.run());
    }
  }

  /** The next whole minute after the open that has not passed yet (a late start does not replay the morning). */
  private firstTick(open: EpochMs): EpochMs {
    const elapsed = Math.max(ONE_MINUTE_MS, this.clock.now() - open);
    return open + Math.ceil(elapsed / ONE_MINUTE_MS) * ONE_MINUTE_MS;
  }

  private async step<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.log.error({ step: name, at: this.clock.now(), error: errorText(error) }, `${name} failed`);
      return undefined;
    }
  }
}
