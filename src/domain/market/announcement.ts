import type { AsxSymbol } from '../values/instrument.js';
import type { EpochMs } from '../values/time.js';

/** A company announcement released to the ASX market announcements platform. */
export interface Announcement {
  readonly symbol: AsxSymbol;
  readonly releasedAt: EpochMs;
  readonly headline: string;
  readonly priceSensitive: boolean;
  readonly pages?: number;
  readonly url?: string;
}
