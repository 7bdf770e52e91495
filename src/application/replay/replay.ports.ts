import type { Bar } from '../../domain/market/bar.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';

/** One instrument's bar on the tape. */
export interface TapeBar {
  readonly instrument: Instrument;
  readonly bar: Bar;
}

/** The one-minute bars that start in the same minute. */
export interface TapeMinute {
  readonly start: EpochMs;
  readonly bars: readonly TapeBar[];
}

/** Where a replay's market data comes from: a generator, recorded history ... */
export interface MarketTape {
  /** The day's one-minute bars grouped by the minute they start in, oldest first, produced as they are read. */
  minutes(date: LocalDate): Iterable<TapeMinute>;
}

/** The exchange a replay feeds. The simulated exchange is one as it is. */
export interface ReplayVenue {
  /** A bar that has just completed: resting orders trade against it and it joins the history. */
  publishBar(instrument: Instrument, bar: Bar): void;
  /** The session is over: DAY orders expire, the day's minute bars become its daily bar. */
  endOfDay(at: EpochMs): void;
}

/** The clock a replay moves and the application reads and sleeps on. The manual clock is one as it is. */
export interface DrivenClock {
  now(): EpochMs;
  /** Moves time forward to `at`, waking whoever sleeps until then. */
  set(at: EpochMs): void;
  /** The earliest instant someone sleeps until, if anyone does. */
  nextWakeUp(): EpochMs | undefined;
}

/**
 * Work the application waits on that is not the clock: requests to a gateway over the network. The replay
 * moves time on only once none is in flight, so no request sees a clock that jumped while it was out.
 */
export interface OutsideWork {
  /** Requests sent and not yet answered in full. */
  inFlight(): number;
  /** Grows with every request sent and every one answered: unchanged means nothing happened in between. */
  activity(): number;
  /** Resolves once nothing is in flight (at once when nothing is). */
  idle(): Promise<void>;
}

/** A replay whose application only calls in-process adapters (the simulated broker): nothing is ever in flight. */
export const NO_OUTSIDE_WORK: OutsideWork = Object.freeze({
  inFlight: () => 0,
  activity: () => 0,
  idle: () => Promise.resolve(),
});
