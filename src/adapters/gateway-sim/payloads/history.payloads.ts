import type { Bar } from '../../../domain/market/bar.js';
import type { Listing } from '../market/listings.js';
import { gatewayDateTime } from './gateway-values.js';

/** Prices in `high`/`low` summaries are scaled by this (three decimals). */
const PRICE_FACTOR = 1000;

export interface HistoryContext {
  readonly listing: Listing;
  readonly bars: readonly Bar[];
  readonly period: string;
  readonly barLengthSeconds: number;
  readonly windowStart: number;
  readonly delayed: boolean;
}

/** `/iserver/marketdata/history`: bars with numeric o/h/l/c, volume in shares (factor 1), `t` in epoch ms. */
export function historyBody(context: HistoryContext): Record<string, unknown> {
  const { listing, bars } = context;
  const first = bars[0];
  return {
    serverId: '20477',
    symbol: listing.symbol,
    text: listing.companyName,
    priceFactor: PRICE_FACTOR,
    startTime: gatewayDateTime(first?.start ?? context.windowStart),
    high: extreme(bars, 'high'),
    low: extreme(bars, 'low'),
    timePeriod: context.period,
    barLength: context.barLengthSeconds,
    mdAvailability: context.delayed ? 'D' : 'S',
    mktDataDelay: context.delayed ? 900_000 : 0,
    outsideRth: false,
    volumeFactor: 1,
    priceDisplayRule: 1,
    priceDisplayValue: '3',
    negativeCapable: false,
    messageVersion: 2,
    data: bars.map((bar) => ({
      o: bar.open / 1000,
      c: bar.close / 1000,
      h: bar.high / 1000,
      l: bar.low / 1000,
      v: bar.volume,
      t: bar.start,
    })),
    points: bars.length,
    travelTime: 12,
  };
}

/** The gateway's "price/volume/minutes-from-start" summary of the bar with the highest (or lowest) price. */
function extreme(bars: readonly Bar[], side: 'high' | 'low'): string {
  const [first, ...rest] = bars;
  if (first === undefined) return '';
  const beats = (a: Bar, b: Bar): boolean => (side === 'high' ? a.high > b.high : a.low < b.low);
  const best = rest.reduce((chosen, bar) => (beats(bar, chosen) ? bar : chosen), first);
  // Prices here are scaled by PRICE_FACTOR (so they are mills) and volumes are reported in hundreds.
  const scaled = side === 'high' ? best.high : best.low;
  return `${scaled}/${Math.round(best.volume / 100)}/${Math.round((best.start - first.start) / 60_000)}`;
}
