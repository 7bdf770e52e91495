import type { SyntheticMarketSpec } from '../../../adapters/synthetic/synthetic-market.spec.js';
import type { EpochMs, LocalDate } from '../../../domain/values/time.js';
import type { WorkOutcome } from '../work-outcome.js';

/** What the campaign tells a trading process. Every `day` and `clock` is answered with one `settled`. */
export type ToTradingProcess =
  /** Build Skim from these SKIM_ variables (and `cwd`'s skim.config.json) and market, on a clock standing at `now`. */
  | {
      readonly type: 'start';
      readonly env: Readonly<Record<string, string>>;
      readonly cwd: string;
      readonly market: SyntheticMarketSpec;
      readonly now: EpochMs;
    }
  /** Trade the day the clock is in, as `skim run` does (connecting first, reconciling first). */
  | { readonly type: 'day' }
  /** Connect and reconcile with the broker, as `skim reconcile` does. */
  | { readonly type: 'reconcile' }
  /** Time has moved on to `at`. */
  | { readonly type: 'clock'; readonly at: EpochMs }
  /** Close everything and exit. */
  | { readonly type: 'stop' };

/** What a trading process tells the campaign. */
export type FromTradingProcess =
  /** The work woken by the last `day` or `clock` can go no further until time moves on. */
  | { readonly type: 'settled'; readonly nextWakeUp: EpochMs | undefined }
  /** The `day` or `reconcile` has finished. Sent before the `settled` that follows it. */
  | { readonly type: 'done'; readonly date: LocalDate; readonly outcome: WorkOutcome }
  | { readonly type: 'unhandled-rejection'; readonly reason: string };
