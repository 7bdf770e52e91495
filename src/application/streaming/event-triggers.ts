import type { Candidate } from '../../domain/candidate/candidate.js';
import { continuousOpenAt } from '../../domain/market/session-schedule.js';
import { sydneyDateOf } from '../../domain/market/sydney-time.js';
import type { Position } from '../../domain/position/position.js';
import { ONE_MINUTE_MS } from '../../domain/strategy/price-window.js';
import type { Price } from '../../domain/values/price.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { DecisionKind } from './decision-queue.js';

/**
 * While a condition holds (a price above the range high, at or below a stop), each symbol asks for the same
 * decision at most this often; the periodic check in the trading day covers anything in between.
 */
export const REPEAT_TRIGGER_MS = 5_000;

/** A price the stream heard, fresh enough to decide on. */
export interface HeardPrice {
  readonly price: Price;
  readonly at: EpochMs;
  /** The clock when it was heard. */
  readonly now: EpochMs;
}

/**
 * Which decisions a heard price calls for: the gap rule once the candidate's session has opened, its
 * opening range once the range window is over, an entry check on a price above a complete range's high,
 * and for a held position the management check on its first price of the day and whenever the price is at
 * or below its stop. Repeats of one condition are spaced by REPEAT_TRIGGER_MS.
 */
export class EventTriggers {
  private readonly lastAsked = new Map<string, EpochMs>();

  constructor(private readonly orMinutes: number) {}

  forCandidate(candidate: Candidate, heard: HeardPrice): DecisionKind[] {
    const sessionOpen = continuousOpenAt(candidate.symbol, candidate.tradingDate);
    if (heard.at < sessionOpen) return [];
    if (candidate.status === 'watching') {
      return this.ask(`${candidate.id}:gap`, heard.now) ? ['track', 'entries'] : [];
    }
    if (candidate.status !== 'triggered') return [];
    const rangeHigh = candidate.openingRangeHigh;
    if (rangeHigh === undefined) {
      const rangeEnds = sessionOpen + this.orMinutes * ONE_MINUTE_MS;
      return heard.at >= rangeEnds && this.ask(`${candidate.id}:range`, heard.now) ? ['track', 'entries'] : [];
    }
    return heard.price > rangeHigh && this.ask(`${candidate.id}:breakout`, heard.now) ? ['entries'] : [];
  }

  forPosition(position: Position, heard: HeardPrice): DecisionKind[] {
    if (heard.at < continuousOpenAt(position.instrument.symbol, sydneyDateOf(heard.at))) return [];
    const first = !this.lastAsked.has(`${position.id}:first`);
    if (first) this.lastAsked.set(`${position.id}:first`, heard.now);
    const stopped = heard.price <= position.stopPrice && this.ask(`${position.id}:stop`, heard.now);
    return first || stopped ? ['manage'] : [];
  }

  /** Forgets what was asked: a new day starts afresh. */
  clear(): void {
    this.lastAsked.clear();
  }

  private ask(key: string, now: EpochMs): boolean {
    const last = this.lastAsked.get(key);
    if (last !== undefined && now - last < REPEAT_TRIGGER_MS) return false;
    this.lastAsked.set(key, now);
    return true;
  }
}
