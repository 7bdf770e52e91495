import type { StreamHealth } from '../../domain/ports/market-data-stream.port.js';
import { lowOfDayFromTrades } from '../../domain/strategy/low-of-day.js';
import { openingRangeFromTrades, type OpeningRangeWindow } from '../../domain/strategy/opening-range.js';
import type { TradePrint } from '../../domain/strategy/price-window.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { SessionPrices } from './session-prices.js';

/** A stretch of time during which the stream was up for an instrument; `to` is undefined while it still is. */
interface Coverage {
  from: EpochMs;
  to: EpochMs | undefined;
}

/**
 * The trades heard on the stream today, per instrument (conid), and when the stream was listening for them.
 * A range built from trades is only as good as the tape is complete, so `sessionPrices` answers only when
 * one unbroken stretch of streaming covers the whole window; otherwise the caller falls back to bars.
 */
export class TradeTape {
  private readonly trades = new Map<number, TradePrint[]>();
  private readonly coverage = new Map<number, Coverage[]>();
  private streamingSince: EpochMs | undefined;

  /** Starts keeping trades for an instrument; it is covered from `at` on if the stream is up. */
  watch(conid: number, at: EpochMs): void {
    if (this.coverage.has(conid)) return;
    this.trades.set(conid, []);
    this.coverage.set(conid, []);
    if (this.streamingSince !== undefined) this.open(conid, Math.max(at, this.streamingSince));
  }

  isWatching(conid: number): boolean {
    return this.coverage.has(conid);
  }

  /** Follows the stream's health: only `stream` mode delivers trade prints, polling does not. */
  healthChanged(health: StreamHealth): void {
    if (health.mode === 'stream') {
      if (this.streamingSince !== undefined) return;
      this.streamingSince = health.since;
      for (const conid of this.coverage.keys()) this.open(conid, health.since);
      return;
    }
    if (this.streamingSince === undefined) return;
    this.streamingSince = undefined;
    for (const stretches of this.coverage.values()) {
      const last = stretches.at(-1);
      if (last !== undefined && last.to === undefined) last.to = health.since;
    }
  }

  record(conid: number, trade: TradePrint): void {
    this.trades.get(conid)?.push(trade);
  }

  /**
   * Opening range and low of day from the tape, if the stream was up from the session open to `asOf`. An
   * empty range window is not taken on the tape's word (a subscription that delivers nothing looks the same):
   * the bars decide whether nothing traded.
   */
  sessionPrices(conid: number, window: OpeningRangeWindow): SessionPrices | undefined {
    const trades = this.trades.get(conid);
    if (trades === undefined || !this.covers(conid, window.sessionOpen, window.asOf)) return undefined;
    const range = openingRangeFromTrades(trades, window);
    if (range.status === 'no_trades') return undefined;
    return { range, lowOfDay: lowOfDayFromTrades(trades, window) };
  }

  /** Forgets everything: a new day starts with an empty tape. */
  clear(): void {
    this.trades.clear();
    this.coverage.clear();
    this.streamingSince = undefined;
  }

  private open(conid: number, from: EpochMs): void {
    this.coverage.get(conid)?.push({ from, to: undefined });
  }

  private covers(conid: number, from: EpochMs, to: EpochMs): boolean {
    const stretches = this.coverage.get(conid) ?? [];
    return stretches.some((stretch) => stretch.from <= from && (stretch.to === undefined || stretch.to >= to));
  }
}
