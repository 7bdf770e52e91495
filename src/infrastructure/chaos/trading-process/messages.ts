import type { SyntheticMarketSpec } from '../../../adapters/synthetic/synthetic-market.spec.js';
import type { EpochMs, LocalDate } from '../../../domain/values/time.js';

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
  /** Trade the day the clock is in (connecting to the gateway first when `connect`). */
  | { readonly type: 'day'; readonly connect: boolean }
  /** Time has moved on to `at`. */
  | { readonly type: 'clock'; readonly at: EpochMs }
  /** Close everything and exit. */
  | { readonly type: 'stop' };

/** What a trading process tells the campaign. */
export type FromTradingProcess =
  /** The work woken by the last `day` or `clock` can go no further until time moves on. */
  | { readonly type: 'settled'; readonly nextWakeUp: EpochMs | undefined }
  /** The day's work has finished; `error` when an error escaped it. Always sent before its `settled`. */
  | { readonly type: 'day-done'; readonly date: LocalDate; readonly error?: string }
  | { readonly type: 'unhandled-rejection'; readonly reason: string };
