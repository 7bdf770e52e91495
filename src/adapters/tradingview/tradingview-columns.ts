import { z } from 'zod';

/**
 * Columns asked of the screener, in order; each row's `d` array answers them position by position.
 * `change` is % against the previous close and `change_abs` the same in dollars; `change_from_open` is
 * deliberately absent: it is not a gap.
 */
export const TRADINGVIEW_COLUMNS = [
  'name',
  'description',
  'close',
  'open',
  'high',
  'low',
  'volume',
  'change',
  'change_abs',
  'gap',
  'market_cap_basic',
  'exchange',
  'type',
] as const;

const text = z.string().nullable();
const amount = z.number().nullable();

/** One row's values keyed by column; any value may be null. */
export const tradingViewRowValues = z.object({
  name: text,
  description: text,
  close: amount,
  open: amount,
  high: amount,
  low: amount,
  volume: amount,
  change: amount,
  change_abs: amount,
  gap: amount,
  market_cap_basic: amount,
  exchange: text,
  type: text,
});

export type TradingViewRowValues = z.infer<typeof tradingViewRowValues>;
