import { sydneyParts } from '../../domain/market/sydney-time.js';
import type { EpochMs } from '../../domain/values/time.js';

/** "2025-06-06 16:00 Sydney": an instant as a user reads it in summaries and reasons. */
export function sydneyStamp(at: EpochMs): string {
  const { date, hour, minute } = sydneyParts(at);
  return `${date} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} Sydney`;
}
