import { dollars, type Money } from '../values/money.js';

export type EntryOrderKind = 'stop' | 'market';

/** The strategy's knobs; defaults follow the strategy specification. */
export interface StrategyConfig {
  /** Minimum gap at the open, in percent. */
  readonly minGapPct: number;
  /** Length of the opening range, in minutes of continuous trading. */
  readonly orMinutes: number;
  /** No new entries at or after this Sydney local time ("HH:MM"). */
  readonly entryCutoff: string;
  readonly entryOrder: EntryOrderKind;
  readonly positionDollars: Money;
  readonly maxShares: number;
  /** Skip an entry whose stop would be more than this percent below the entry price. */
  readonly maxStopPct: number;
  /** Trading day (entry day = 0) on which half the position is sold. */
  readonly halfExitDay: number;
  /** Length of the trailing simple moving average, in daily closes. */
  readonly smaDays: number;
  /** Trade only stocks with a price-sensitive announcement. */
  readonly requireAnnouncement: boolean;
}

export const DEFAULT_STRATEGY: StrategyConfig = Object.freeze({
  minGapPct: 3,
  orMinutes: 5,
  entryCutoff: '12:00',
  entryOrder: 'stop',
  positionDollars: dollars(5000),
  maxShares: 1000,
  maxStopPct: 15,
  halfExitDay: 3,
  smaDays: 10,
  requireAnnouncement: true,
});
