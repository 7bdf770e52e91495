import type { BarSize } from '../../../domain/market/bar.js';
import { sydneyLocalToEpoch } from '../../../domain/market/sydney-time.js';
import type { EpochMs, LocalDate } from '../../../domain/values/time.js';

/** A value as it stood in the file, with the name to blame when it is wrong. */
export interface RawField {
  readonly name: string;
  readonly text: string;
}

/**
 * A row a file format has read, its time already resolved (each format has its own time notation) and
 * everything else still text, to be validated the same way whatever the format.
 */
export interface RawBar {
  readonly line: number;
  readonly symbol: RawField;
  /** The time column as written, for messages; `size` and `start` are what it meant. */
  readonly time: RawField;
  readonly size: BarSize;
  readonly start: EpochMs;
  readonly open: RawField;
  readonly high: RawField;
  readonly low: RawField;
  readonly close: RawField;
  readonly volume: RawField;
  /** IBKR may count volume in lots; the volume text times this is shares. 1 for CSV. */
  readonly volumeFactor: number;
}

/** Sydney time at which a date-only (daily) bar is taken to start: the open of continuous trading. */
const DAILY_BAR_TIME = '10:00';

export interface BarTime {
  readonly size: BarSize;
  readonly start: EpochMs;
}

export function dailyBarStart(date: LocalDate): EpochMs {
  return sydneyLocalToEpoch(date, DAILY_BAR_TIME);
}
