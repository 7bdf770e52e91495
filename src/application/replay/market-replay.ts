import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import { ONE_MINUTE_MS } from '../../domain/strategy/price-window.js';
import { addDays, type EpochMs, type LocalDate } from '../../domain/values/time.js';
import { ReplayStalled } from './replay-stalled.error.js';
import {
  NO_OUTSIDE_WORK,
  type DrivenClock,
  type MarketTape,
  type OutsideWork,
  type ReplayVenue,
  type TapeMinute,
} from './replay.ports.js';
import { IN_PROCESS_QUIET_TURNS, NETWORK_QUIET_TURNS, settled, type TaskState } from './settle.js';

/** Told each time the replayed work has settled after time moved. */
export interface ReplayListener {
  settledAt(at: EpochMs): void;
}

export interface MarketReplayDeps {
  readonly clock: DrivenClock;
  readonly venue: ReplayVenue;
  readonly tape: MarketTape;
  readonly calendar: TradingCalendar;
  /** Network work to wait for before time moves on; none when the application calls in-process adapters only. */
  readonly outsideWork?: OutsideWork;
  readonly listener?: ReplayListener;
}

/** A promise's fate, readable without awaiting it. */
class TrackedTask<T> implements TaskState {
  finished = false;
  private outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;

  constructor(promise: Promise<T>) {
    promise.then(
      (value) => {
        this.outcome = { ok: true, value };
        this.finished = true;
      },
      (error: unknown) => {
        this.outcome = { ok: false, error };
        this.finished = true;
      },
    );
  }

  result(): T {
    if (this.outcome === undefined) throw new Error('the replayed work has not finished');
    if (!this.outcome.ok) throw this.outcome.error;
    return this.outcome.value;
  }
}

/**
 * Replays a trading day's market through a venue while moving the application's clock, so that code written
 * against a live market (it only waits with `clock.sleepUntil`) runs unchanged and at full speed. Time jumps
 * from one event to the next: the next minute bar completing or the next instant someone sleeps until,
 * whichever is first. A minute's bars are published just before the clock reaches the end of that minute, so
 * a bar is visible exactly when it has completed and never earlier. After each move the replay waits until
 * the woken work has settled (finished, or asleep on the clock again with no request in flight). The day
 * ends with the venue's end of day at the close.
 */
export class MarketReplay {
  private readonly outsideWork: OutsideWork;
  /** A replay with no outside work settles in one event-loop turn per clock step instead of several. */
  private readonly quietTurns: number;

  constructor(private readonly deps: MarketReplayDeps) {
    this.outsideWork = deps.outsideWork ?? NO_OUTSIDE_WORK;
    this.quietTurns = this.outsideWork === NO_OUTSIDE_WORK ? IN_PROCESS_QUIET_TURNS : NETWORK_QUIET_TURNS;
  }

  /** Runs `work` through `date`'s market (a closed market has no bars) and returns what it returned. */
  async runDay<T>(date: LocalDate, work: () => Promise<T>): Promise<T> {
    const { clock } = this.deps;
    const dayEnd = sydneyLocalToEpoch(addDays(date, 1), '00:00');
    if (clock.now() >= dayEnd) throw new ReplayStalled(date, clock.now(), 'the clock is already past the day');
    const tape = this.deps.tape.minutes(date)[Symbol.iterator]();
    let upcoming = tape.next();
    // A day joined late starts with the bars that completed before it, as history.
    while (upcoming.done !== true && completesAt(upcoming.value) <= clock.now()) {
      this.publish(upcoming.value);
      upcoming = tape.next();
    }
    const task = new TrackedTask(work());
    await this.settle(task);
    while (!task.finished) {
      const barsComplete = upcoming.done === true ? undefined : completesAt(upcoming.value);
      const next = earliest(barsComplete, clock.nextWakeUp());
      if (next === undefined) {
        throw new ReplayStalled(date, clock.now(), 'the work has not finished, sleeps on nothing and the tape is over');
      }
      if (next >= dayEnd) {
        throw new ReplayStalled(
          date,
          clock.now(),
          `the work sleeps until ${new Date(next).toISOString()}, after the day`,
        );
      }
      if (upcoming.done !== true && barsComplete === next) {
        this.publish(upcoming.value);
        upcoming = tape.next();
      }
      this.moveTo(next);
      await this.settle(task);
    }
    for (; upcoming.done !== true; upcoming = tape.next()) {
      this.publish(upcoming.value);
      this.moveTo(completesAt(upcoming.value));
    }
    await this.closeDay(date);
    return task.result();
  }

  private async closeDay(date: LocalDate): Promise<void> {
    const { calendar, clock, venue } = this.deps;
    if (!calendar.isTradingDay(date)) return;
    const close = calendar.sessionFor(date).close;
    this.moveTo(close);
    await settled({ finished: false }, this.outsideWork, this.quietTurns);
    venue.endOfDay(Math.max(close, clock.now()));
  }

  private publish(minute: TapeMinute): void {
    for (const { instrument, bar } of minute.bars) this.deps.venue.publishBar(instrument, bar);
  }

  private moveTo(at: EpochMs): void {
    if (at > this.deps.clock.now()) this.deps.clock.set(at);
  }

  private async settle(task: TaskState): Promise<void> {
    await settled(task, this.outsideWork, this.quietTurns);
    this.deps.listener?.settledAt(this.deps.clock.now());
  }
}

function completesAt(minute: TapeMinute): EpochMs {
  return minute.start + ONE_MINUTE_MS;
}

function earliest(a: EpochMs | undefined, b: EpochMs | undefined): EpochMs | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
