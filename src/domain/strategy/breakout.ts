import { sydneyDateOf, sydneyLocalToEpoch } from '../market/sydney-time.js';
import { formatPrice, tickAbove, type Price } from '../values/price.js';
import type { EpochMs } from '../values/time.js';
import type { OpeningRange } from './opening-range.js';
import type { TradePrint } from './price-window.js';
import type { StrategyConfig } from './strategy-config.js';

export type NoEntryReason = 'past_cutoff' | 'range_forming' | 'no_opening_range' | 'no_breakout_yet';

/**
 * What the breakout rule says at one instant. `referencePrice` is the price to size the order and judge
 * the stop distance with: the buy-stop price, or the breaking trade for a market order.
 */
export type BreakoutDecision =
  | { readonly signal: 'none'; readonly reason: NoEntryReason; readonly detail: string }
  | {
      readonly signal: 'enter';
      readonly entryOrder: 'stop';
      readonly stopPrice: Price;
      readonly referencePrice: Price;
      readonly rangeHigh: Price;
      readonly rangeLow: Price;
    }
  | {
      readonly signal: 'enter';
      readonly entryOrder: 'market';
      readonly trigger: TradePrint;
      readonly referencePrice: Price;
      readonly rangeHigh: Price;
      readonly rangeLow: Price;
    };

export interface BreakoutInput {
  readonly range: OpeningRange;
  /** The latest trade known; ignored unless it happened after the range closed and no later than `asOf`. */
  readonly lastTrade: TradePrint | undefined;
  readonly asOf: EpochMs;
  readonly config: Pick<StrategyConfig, 'entryCutoff' | 'entryOrder'>;
}

/**
 * The entry rule: once the opening range is complete and before the entry cutoff (Sydney local time on the
 * day of `asOf`), either rest a buy-stop one tick above the range high, or — in market mode — buy at market
 * as soon as a trade prints strictly above the range high.
 */
export function decideBreakout({ range, lastTrade, asOf, config }: BreakoutInput): BreakoutDecision {
  const cutoff = sydneyLocalToEpoch(sydneyDateOf(asOf), config.entryCutoff);
  if (asOf >= cutoff) return none('past_cutoff', `no new entries at or after ${config.entryCutoff} Sydney time`);
  if (range.status === 'forming') return none('range_forming', 'the opening range is not complete yet');
  if (range.status === 'no_trades') return none('no_opening_range', 'nothing traded during the opening range');

  const breaking = lastTrade && lastTrade.at >= range.endsAt && lastTrade.at <= asOf ? lastTrade : undefined;
  const rangeHigh = range.high;
  const rangeLow = range.low;
  if (config.entryOrder === 'stop') {
    const stopPrice = tickAbove(rangeHigh);
    const referencePrice = breaking && breaking.price > stopPrice ? breaking.price : stopPrice;
    return { signal: 'enter', entryOrder: 'stop', stopPrice, referencePrice, rangeHigh, rangeLow };
  }
  if (breaking === undefined || breaking.price <= rangeHigh) {
    return none('no_breakout_yet', `no trade above the range high ${formatPrice(rangeHigh)} yet`);
  }
  return {
    signal: 'enter',
    entryOrder: 'market',
    trigger: breaking,
    referencePrice: breaking.price,
    rangeHigh,
    rangeLow,
  };
}

function none(reason: NoEntryReason, detail: string): BreakoutDecision {
  return { signal: 'none', reason, detail };
}
