import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { sydneyLocalToEpoch } from '../../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../../domain/market/trading-calendar.js';
import { money, type Money } from '../../../domain/values/money.js';
import { addDays, type LocalDate } from '../../../domain/values/time.js';
import { MarketReplay } from '../../replay/market-replay.js';
import type { DrivenClock } from '../../replay/replay.ports.js';
import type { TradingDayResult } from '../../trading/trading-day.js';
import type { EquityPoint } from '../metrics/equity-point.js';
import type { BacktestData } from './backtest-data.port.js';
import type { BacktestProgress, BacktestRun } from './backtest-run.js';
import type { BacktestVenue } from './backtest-venue.port.js';
import { markAtClose, type MarkedHolding } from './daily-equity.js';
import { FocusedDay, instrumentsInPlay } from './focused-day.js';
import { reconcilePnl } from './pnl-reconciliation.js';

export interface BacktestEngineDeps {
  /** The clock the application reads and sleeps on; the engine moves it. */
  readonly clock: DrivenClock;
  readonly venue: BacktestVenue;
  readonly data: BacktestData;
  readonly calendar: TradingCalendar;
  /** Runs the live TradingDay from the clock's current instant. */
  readonly runTradingDay: () => Promise<TradingDayResult>;
  readonly startingCash: Money;
  readonly settings: BacktestEngineSettings;
  readonly onProgress?: (progress: BacktestProgress) => void;
}

export interface BacktestEngineSettings {
  /** The strategy's minimum gap: instruments below it on a day (and not held) cannot trade that day. */
  readonly minGapPct: number;
  /** Calendar days of daily history loaded before the first day (previous closes, moving averages). */
  readonly historyDays: number;
  /** Replay every instrument minute by minute, not only those in play (slower; same results). */
  readonly replayEveryInstrument: boolean;
  /** Sydney time ("HH:MM") each replayed day starts at, before the pre-open scan. */
  readonly wakeTime: string;
}

/**
 * Replays trading days one after the other through the live TradingDay on the simulated exchange: the clock
 * moves from event to event, each minute bar reaches the exchange only once it has completed, and after each
 * close the account is marked to that close. Instruments that cannot trade on a day are not replayed minute by
 * minute (see FocusedDay). The same data, settings and application give the same fills, to the mill.
 */
export class BacktestEngine {
  constructor(private readonly deps: BacktestEngineDeps) {}

  async run(from: LocalDate, to: LocalDate): Promise<BacktestRun> {
    const days = this.tradingDays(from, to);
    this.loadHistory(from);
    const equity: EquityPoint[] = [];
    let holdings: readonly MarkedHolding[] = [];
    let barsReplayed = 0;
    for (const [index, date] of days.entries()) {
      barsReplayed += await this.replayDay(date);
      const marked = markAtClose(this.deps.venue);
      holdings = marked.holdings;
      equity.push({ date, equity: marked.equity });
      this.deps.onProgress?.({ date, daysDone: index + 1, daysTotal: days.length, barsRead: this.deps.data.barsRead });
    }
    const fills = this.deps.venue.fills();
    const reported = money((equity.at(-1)?.equity ?? this.deps.startingCash) - this.deps.startingCash);
    return {
      from,
      to,
      startingCash: this.deps.startingCash,
      fills,
      equity,
      holdings,
      tradingDays: days.length,
      barsRead: this.deps.data.barsRead,
      barsReplayed,
      pnl: reconcilePnl(fills, holdings, reported),
    };
  }

  /** Replays one day and returns how many minute bars reached the exchange. */
  private async replayDay(date: LocalDate): Promise<number> {
    const { clock, data, calendar, settings, venue } = this.deps;
    clock.set(Math.max(clock.now(), sydneyLocalToEpoch(date, settings.wakeTime)));
    const inPlay = settings.replayEveryInstrument
      ? new Set(data.instruments.map((instrument) => instrument.symbol))
      : await instrumentsInPlay(date, data, venue, settings.minGapPct);
    const day = new FocusedDay(venue, data, date, inPlay);
    const replay = new MarketReplay({ clock, venue: day, tape: day, calendar });
    await replay.runDay(date, this.deps.runTradingDay);
    return day.barsPublished;
  }

  /** Daily bars before the first day, recorded without trading so previous closes and averages are known. */
  private loadHistory(from: LocalDate): void {
    const { calendar, data, venue, settings } = this.deps;
    const firstCovered = `${calendar.coveredYears[0] ?? from.slice(0, 4)}-01-01`;
    const start = addDays(from, -settings.historyDays);
    const historyFrom = (start < firstCovered ? firstCovered : start) as LocalDate;
    const historyTo = addDays(from, -1);
    if (historyTo < historyFrom) return;
    for (const instrument of data.instruments) {
      venue.recordBars(instrument, [...data.dailyHistory(instrument.symbol, historyFrom, historyTo)], '1d');
    }
  }

  private tradingDays(from: LocalDate, to: LocalDate): LocalDate[] {
    if (to < from) throw new InvalidValue('backtest range', { from, to }, '"to" is before "from"');
    const { calendar } = this.deps;
    const years = calendar.coveredYears;
    for (const date of [from, to]) {
      if (!years.includes(Number(date.slice(0, 4)))) {
        throw new InvalidValue('backtest range', date, `the ASX calendar covers ${years.join(', ')} only`);
      }
    }
    const first = `${years[0] ?? from.slice(0, 4)}-01-01` as LocalDate;
    const firstTradingDay = calendar.isTradingDay(first) ? first : calendar.nextTradingDay(first);
    if (from <= firstTradingDay) {
      throw new InvalidValue(
        'backtest range',
        from,
        `must start after ${firstTradingDay}, which has no previous session`,
      );
    }
    const days: LocalDate[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) if (calendar.isTradingDay(date)) days.push(date);
    return days;
  }
}
