import type { ScanResult } from '../market/scan-result.js';
import type { LocalDate } from '../values/time.js';

export interface ScanFilters {
  readonly minGapPct: number;
  readonly minPrice: number;
  readonly minVolume: number;
}

/** Finds ASX stocks gapping up on a trading day. A source that is down yields an error, not a guess. */
export interface MarketScanner {
  readonly name: string;
  scanGaps(tradingDate: LocalDate, filters: ScanFilters): Promise<ScanResult[]>;
}
