import type { AsxSymbol } from '../values/instrument.js';
import type { Price } from '../values/price.js';

/** One stock found by a gap scanner before or at the open. */
export interface ScanResult {
  readonly symbol: AsxSymbol;
  readonly companyName?: string;
  readonly last?: Price;
  readonly open?: Price;
  readonly previousClose?: Price;
  /** (open - previous close) / previous close x 100, from the official open; never "change since open". */
  readonly gapPct: number;
  readonly volume?: number;
  readonly marketCap?: number;
  /** Which scanner produced it (tradingview, ibkr, simulated ...). */
  readonly source: string;
}
