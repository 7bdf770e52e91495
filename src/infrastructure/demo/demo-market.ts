import type {
  SyntheticMarketSpec,
  ScriptedStockDay,
  SyntheticInstrument,
} from '../../adapters/synthetic/synthetic-market.spec.js';
import { asxSymbol, instrument } from '../../domain/values/instrument.js';
import { parsePrice } from '../../domain/values/price.js';
import { localDate, type LocalDate } from '../../domain/values/time.js';

/**
 * The demo's market: fictional ASX companies, four trading days replayed (Monday to Thursday, so that
 * Monday's entry reaches its day-3 half exit on Thursday), and a month of generated history before them
 * for previous closes and moving averages.
 */
export const DEMO_DAYS: readonly LocalDate[] = ['2025-11-10', '2025-11-11', '2025-11-12', '2025-11-13'].map(localDate);
export const DEMO_HISTORY_FROM = localDate('2025-10-06');
export const DEMO_SEED = 20_251_110;

const stock = (
  symbol: string,
  conid: number,
  companyName: string,
  startPrice: string,
  dailyVolume: number,
  dailyVolatility: number,
): SyntheticInstrument => ({
  instrument: instrument(symbol, conid),
  companyName,
  startPrice: parsePrice(startPrice),
  dailyVolume,
  dailyVolatility,
});

export const DEMO_STOCKS: readonly SyntheticInstrument[] = [
  stock('KLI', 810_001, 'KESTREL LITHIUM LTD', '0.840', 6_000_000, 0.035),
  stock('BRG', 810_002, 'BROLGA GOLD LTD', '2.350', 2_500_000, 0.03),
  stock('WMB', 810_003, 'WOMBAT MINERALS LTD', '0.215', 9_000_000, 0.045),
  stock('NUM', 810_004, 'NUMBAT HEALTH LTD', '4.120', 1_200_000, 0.02),
  stock('QKA', 810_005, 'QUOKKA SOFTWARE LTD', '1.185', 3_000_000, 0.03),
  stock('DGO', 810_006, 'DINGO ENERGY LTD', '0.620', 5_000_000, 0.04),
  stock('EMU', 810_007, 'EMU LOGISTICS LTD', '7.450', 800_000, 0.018),
  stock('PLT', 810_008, 'PLATYPUS BIOTECH LTD', '0.094', 20_000_000, 0.05),
];

const day = (
  symbol: string,
  date: string,
  gapPct: number,
  path: ScriptedStockDay['path'],
  news?: { headline: string; releasedAt: string },
  indicativeGapPct?: number,
): ScriptedStockDay => ({
  symbol: asxSymbol(symbol),
  date: localDate(date),
  gapPct,
  path,
  ...(news === undefined ? {} : { announcement: news }),
  ...(indicativeGapPct === undefined ? {} : { indicativeGapPct }),
});

/** The mornings the demo tells: announced gappers that work and fail, a gap without news, a gap that shrinks. */
export const DEMO_SCRIPT: readonly ScriptedStockDay[] = [
  day('KLI', '2025-11-10', 7.5, 'breakout', { headline: 'Binding Offtake Agreement Signed', releasedAt: '08:40' }),
  day('WMB', '2025-11-10', 5.1, 'drift'),
  day('KLI', '2025-11-11', 0.6, 'drift'),
  day('PLT', '2025-11-11', 11.5, 'fade', { headline: 'Phase 2 Trial Results', releasedAt: '07:55' }),
  day('KLI', '2025-11-12', 0.8, 'breakout'),
  day('KLI', '2025-11-13', 1.1, 'drift'),
  day('EMU', '2025-11-12', 3.8, 'drift', { headline: 'Trading Update and Upgraded Guidance', releasedAt: '09:05' }),
  day('BRG', '2025-11-13', 5.4, 'breakout', {
    headline: 'Drilling Results Confirm High-Grade Extension',
    releasedAt: '08:15',
  }),
  day('DGO', '2025-11-13', 6.2, 'fade', { headline: 'Maiden Mineral Resource Estimate', releasedAt: '09:10' }),
  day('QKA', '2025-11-13', 2.2, 'drift', { headline: 'Record Half-Year Revenue', releasedAt: '08:50' }, 3.6),
  day('WMB', '2025-11-13', 4.4, 'drift'),
  day('NUM', '2025-11-13', 0.4, 'drift', { headline: 'Regulatory Approval Received', releasedAt: '08:05' }),
];

export const DEMO_MARKET: SyntheticMarketSpec = {
  seed: DEMO_SEED,
  instruments: DEMO_STOCKS,
  firstDay: DEMO_HISTORY_FROM,
  // Only the scripted mornings gap, so the story is the same on every machine; the rest is seeded noise.
  gapShare: 0,
  quietAnnouncementShare: 0.02,
  scripted: DEMO_SCRIPT,
};
