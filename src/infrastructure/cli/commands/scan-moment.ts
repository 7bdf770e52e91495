import { basename } from 'node:path';
import { sydneyDateOf, sydneyLocalToEpoch } from '../../../domain/market/sydney-time.js';
import { localDate, type EpochMs, type LocalDate } from '../../../domain/values/time.js';

/** The pre-open moment a scan of a past day is taken at, unless `--at` says otherwise. */
export const DEFAULT_SCAN_TIME = '09:55';

export interface ScanMoment {
  readonly tradingDate: LocalDate;
  /** The instant the scan stands at; undefined means "now" (live). */
  readonly at: EpochMs | undefined;
}

/**
 * Which trading day a scan is for, and at what instant. A past day, named with `--date` or by a replay folder
 * called YYYY-MM-DD, is scanned as it stood at `--at` (Sydney time, default 09:55); today is scanned now.
 */
export function scanMoment(
  now: EpochMs,
  options: { readonly date?: string; readonly at?: string },
  replayDir: string | undefined,
): ScanMoment {
  const named = options.date ?? replayFolderDate(replayDir);
  const today = sydneyDateOf(now);
  const tradingDate = named === undefined ? today : localDate(named);
  if (tradingDate === today && options.at === undefined) return { tradingDate, at: undefined };
  return { tradingDate, at: sydneyLocalToEpoch(tradingDate, options.at ?? DEFAULT_SCAN_TIME) };
}

function replayFolderDate(replayDir: string | undefined): string | undefined {
  if (replayDir === undefined) return undefined;
  const name = basename(replayDir.replace(/[\\/]+$/, ''));
  return /^\d{4}-\d{2}-\d{2}$/.test(name) ? name : undefined;
}
