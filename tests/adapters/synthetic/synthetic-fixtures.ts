import type {
  SyntheticInstrument,
  SyntheticMarketSpec,
} from '../../../src/adapters/synthetic/synthetic-market.spec.js';
import { SyntheticMarket } from '../../../src/adapters/synthetic/synthetic-market.js';
import { TradingCalendar } from '../../../src/domain/market/trading-calendar.js';
import { asxSymbol, instrument } from '../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { localDate } from '../../../src/domain/values/time.js';

export const calendar = new TradingCalendar();

const stock = (
  symbol: string,
  conid: number,
  start: string,
  dailyVolume: number,
  vol: number,
): SyntheticInstrument => ({
  instrument: instrument(symbol, conid),
  companyName: `${symbol} LTD`,
  startPrice: parsePrice(start),
  dailyVolume,
  dailyVolatility: vol,
});

/** A penny stock (0.001 ticks), a 0.005-tick stock, a cent-tick blue chip and one whose code opens last when staggered. */
export const STOCKS: readonly SyntheticInstrument[] = [
  stock('PNY', 1, '0.085', 20_000_000, 0.06),
  stock('MID', 2, '1.250', 3_000_000, 0.035),
  stock('BIG', 3, '45.20', 900_000, 0.015),
  stock('ZED', 4, '2.010', 1_500_000, 0.03),
];

export const symbol = asxSymbol;
export const date = localDate;

export function market(overrides: Partial<SyntheticMarketSpec> = {}): SyntheticMarket {
  return new SyntheticMarket(
    { seed: 11, instruments: STOCKS, firstDay: localDate('2025-05-01'), ...overrides },
    calendar,
  );
}
