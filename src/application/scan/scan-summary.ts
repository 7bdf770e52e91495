import type { AsxSymbol } from '../../domain/values/instrument.js';
import type { Price } from '../../domain/values/price.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';

/** A gapping stock as the scan reports it. */
export interface ScanRow {
  readonly symbol: AsxSymbol;
  readonly gapPct: number;
  /** Last traded price when the scan ran (or the open), as the scanner reported it. */
  readonly price?: Price;
  /** The scanner that found it. */
  readonly source: string;
  readonly headline?: string;
  readonly announcementAt?: EpochMs;
}

export interface SkippedGap {
  readonly symbol: AsxSymbol;
  readonly gapPct: number;
  readonly reason: string;
}

export interface SourceFailure {
  readonly source: string;
  readonly problem: string;
}

/** What one scan did, for `skim scan` to print as a table. */
export interface ScanSummary {
  readonly tradingDate: LocalDate;
  /** Announcements counted from the previous session's close up to the scan. */
  readonly window: { readonly from: EpochMs; readonly to: EpochMs };
  /** The scanner whose answer was used; undefined when none answered. */
  readonly gapSource: string | undefined;
  readonly announcementsAvailable: boolean;
  readonly failures: readonly SourceFailure[];
  readonly created: readonly ScanRow[];
  readonly alreadyKnown: readonly ScanRow[];
  readonly skipped: readonly SkippedGap[];
  /** Sentences about the scan as a whole (a source down, candidates made without an announcement check). */
  readonly notes: readonly string[];
}
