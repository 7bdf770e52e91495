import type { Listing } from '../../adapters/gateway-sim/market/listings.js';
import type { SyntheticInstrument, SyntheticMarketSpec } from '../../adapters/synthetic/synthetic-market.spec.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import { instrument } from '../../domain/values/instrument.js';
import { price } from '../../domain/values/price.js';
import { tickSizeMills } from '../../domain/values/tick-size.js';
import { addDays, localDate, type LocalDate } from '../../domain/values/time.js';

/** The market a chaos run trades: seeded stocks over a month of history and the run's trading days. */
export interface ChaosMarket {
  readonly spec: SyntheticMarketSpec;
  readonly tradingDays: readonly LocalDate[];
  readonly listings: readonly Listing[];
}

const FIRST_MONDAY = localDate('2025-02-03');
const WEEKS_TO_CHOOSE_FROM = 40;
const HISTORY_DAYS = 45;

/** Fictional small caps; prices and volumes are varied by the seed so that sizing meets every risk limit. */
const STOCKS = [
  { symbol: 'CHA', name: 'CHAOS RESOURCES LTD', mills: 850, volume: 6_000_000 },
  { symbol: 'FLT', name: 'FAULT LINE MINING LTD', mills: 2_350, volume: 2_500_000 },
  { symbol: 'RTY', name: 'RETRY HEALTH LTD', mills: 215, volume: 9_000_000 },
  { symbol: 'DRP', name: 'DROP BEAR ENERGY LTD', mills: 4_120, volume: 1_200_000 },
  { symbol: 'LAT', name: 'LATENCY SOFTWARE LTD', mills: 1_185, volume: 3_000_000 },
  { symbol: 'XPR', name: 'EXPIRY GOLD LTD', mills: 620, volume: 5_000_000 },
] as const;

/**
 * A chaos run's market. Gaps are far more common than on a real ASX morning, so that nearly every run has
 * candidates, entries and exits to disturb.
 */
export function chaosMarket(seed: number, days: number, calendar: TradingCalendar): ChaosMarket {
  let first = addDays(FIRST_MONDAY, 7 * (seed % WEEKS_TO_CHOOSE_FROM));
  if (!calendar.isTradingDay(first)) first = calendar.nextTradingDay(first);
  const tradingDays = [first];
  while (tradingDays.length < days) tradingDays.push(calendar.nextTradingDay(tradingDays.at(-1) ?? first));
  const instruments = STOCKS.map((stock, index) => syntheticStock(stock, index, seed));
  return {
    spec: {
      seed,
      instruments,
      firstDay: addDays(first, -HISTORY_DAYS),
      gapShare: 0.35,
      announcedGapShare: 0.85,
      followThroughShare: 0.5,
    },
    tradingDays,
    listings: instruments.map((stock) => ({
      symbol: stock.instrument.symbol,
      conid: stock.instrument.conid,
      exchange: 'ASX',
      currency: 'AUD',
      companyName: stock.companyName,
    })),
  };
}

function syntheticStock(stock: (typeof STOCKS)[number], index: number, seed: number): SyntheticInstrument {
  const nudge = 1 + ((seed >> index) % 7) / 20;
  const mills = Math.round(stock.mills * nudge);
  const tick = tickSizeMills(mills);
  return {
    instrument: instrument(stock.symbol, 820_001 + index),
    companyName: stock.name,
    startPrice: price(Math.round(mills / tick) * tick),
    dailyVolume: stock.volume,
    dailyVolatility: 0.02 + 0.005 * (index % 4),
  };
}
