import type { TapeMinute } from '../../replay/replay.ports.js';
import type { Bar } from '../../../domain/market/bar.js';
import type { AnnouncementFeed } from '../../../domain/ports/announcement-feed.port.js';
import type { MarketScanner } from '../../../domain/ports/market-scanner.port.js';
import type { AsxSymbol, Instrument } from '../../../domain/values/instrument.js';
import type { LocalDate } from '../../../domain/values/time.js';

/**
 * The market a backtest replays: a generator or recorded history. Besides the minute tape it offers what the
 * live bot would get from outside: a pre-open gap scanner and the announcement feed.
 */
export interface BacktestData {
  readonly instruments: readonly Instrument[];
  readonly scanner: MarketScanner;
  readonly announcements: AnnouncementFeed;
  /** Whether the data has company announcements at all (recorded bars do not). */
  readonly hasAnnouncements: boolean;
  /**
   * The day's one-minute bars of the `only` instruments, grouped by the minute they start in, oldest first.
   * Bars are counted in `barsRead` as they are produced.
   */
  minutes(date: LocalDate, only: ReadonlySet<AsxSymbol>): Iterable<TapeMinute>;
  /** The session's daily bar (its minute bars added up), or undefined when the instrument did not trade. */
  dailyBar(symbol: AsxSymbol, date: LocalDate): Bar | undefined;
  /** Daily bars of the trading days in [from, to], oldest first: the history before the first replayed day. */
  dailyHistory(symbol: AsxSymbol, from: LocalDate, to: LocalDate): Iterable<Bar>;
  /** Minute bars read or generated so far, whether replayed or only added up into a daily bar. */
  readonly barsRead: number;
}
