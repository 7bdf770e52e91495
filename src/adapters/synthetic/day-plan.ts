import type { Announcement } from '../../domain/market/announcement.js';
import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import { priceNearest, priceRoundedUp, tickBelow, type Price } from '../../domain/values/price.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import { PRICE_SENSITIVE_HEADLINES, ROUTINE_HEADLINES } from './headlines.js';
import { streamFor, type RandomDraws } from './random-draws.js';
import type {
  IntradayPath,
  ResolvedMarketSpec,
  ScriptedStockDay,
  SyntheticInstrument,
} from './synthetic-market.spec.js';

/** What one stock does on one trading day, before any minute of it is generated. */
export interface DayPlan {
  readonly date: LocalDate;
  readonly previousClose: Price;
  /** The official open: the first one-minute bar opens here. */
  readonly open: Price;
  readonly close: Price;
  readonly path: IntradayPath;
  /** (open - previous close) / previous close x 100. */
  readonly gapPct: number;
  /** The opening auction's indicative price as a pre-open scanner sees it: near the open, not always on it. */
  readonly indicativeOpen: Price;
  /** Released between the previous session's close and this session's open. */
  readonly announcements: readonly Announcement[];
  /** Multiplies the stock's typical daily volume (gap days trade several times more). */
  readonly volumeFactor: number;
  /** Multiplies the stock's typical one-minute volatility. */
  readonly volatilityFactor: number;
}

/** Share of random stock-days with a routine (not price-sensitive) announcement. */
const ROUTINE_ANNOUNCEMENT_SHARE = 0.06;
/** Share of announcements released the evening before rather than in the morning. */
const EVENING_RELEASE_SHARE = 0.35;
/** Spread of the indicative auction price around the real open. */
const INDICATIVE_SPREAD = 0.004;

/** Plans `stock`'s session on `date` after a previous close; the same inputs give the same plan. */
export function planDay(
  spec: ResolvedMarketSpec,
  stock: SyntheticInstrument,
  date: LocalDate,
  previousClose: Price,
  calendar: TradingCalendar,
): DayPlan {
  const symbol = stock.instrument.symbol;
  const draws = streamFor(spec.seed, 'day', symbol, date);
  const scripted = spec.scripted.find((day) => day.symbol === symbol && day.date === date);
  const threshold = spec.gapThresholdPct;
  const isGap = scripted === undefined ? draws.chance(spec.gapShare) : scripted.gapPct >= threshold;
  const targetGapPct =
    scripted?.gapPct ?? (isGap ? threshold + Math.min(draws.exponential(3), 22) : quietGap(draws, stock));
  const open = openAfterGap(previousClose, targetGapPct, isGap, threshold);
  const path = scripted?.path ?? randomPath(draws, isGap, spec.followThroughShare);
  const context = { draws, stock, date, calendar };
  return {
    date,
    previousClose,
    open,
    close: closeFor(path, open, draws, stock),
    path,
    gapPct: ((open - previousClose) * 100) / previousClose,
    indicativeOpen: indicativeOpenOf(open, previousClose, scripted, draws),
    announcements: [
      ...priceSensitiveNews(context, scripted, isGap, spec),
      ...(draws.chance(ROUTINE_ANNOUNCEMENT_SHARE) ? [announce(context, draws.pick(ROUTINE_HEADLINES), false)] : []),
    ],
    volumeFactor: isGap ? 2.5 + draws.exponential(1.5) : draws.logNormal(0.3),
    volatilityFactor: isGap ? 2 : 1,
  };
}

/** Overnight move of a quiet day, in percent: small (openAfterGap keeps it under the gap threshold). */
function quietGap(draws: RandomDraws, stock: SyntheticInstrument): number {
  return Math.max(-8, 20 * stock.dailyVolatility * draws.normal());
}

/** The open after a gap, on a tick; a gap day's open is rounded up and a quiet day's kept under the threshold. */
function openAfterGap(previousClose: Price, gapPct: number, isGap: boolean, threshold: number): Price {
  const target = previousClose * (1 + gapPct / 100);
  if (isGap) return priceRoundedUp(target);
  let open = priceNearest(target);
  while (open > 1 && ((open - previousClose) * 100) / previousClose >= threshold) open = tickBelow(open);
  return open;
}

/** The auction's indication before the open: near the open, or where the script puts it. */
function indicativeOpenOf(
  open: Price,
  previousClose: Price,
  scripted: ScriptedStockDay | undefined,
  draws: RandomDraws,
): Price {
  const noise = draws.normal();
  const scriptedGap = scripted?.indicativeGapPct;
  if (scriptedGap !== undefined) return priceNearest(previousClose * (1 + scriptedGap / 100));
  return priceNearest(open * (1 + INDICATIVE_SPREAD * noise));
}

function randomPath(draws: RandomDraws, isGap: boolean, followThroughShare: number): IntradayPath {
  if (!isGap) return 'drift';
  if (draws.chance(followThroughShare)) return 'breakout';
  return draws.chance(0.6) ? 'fade' : 'drift';
}

function closeFor(path: IntradayPath, open: Price, draws: RandomDraws, stock: SyntheticInstrument): Price {
  switch (path) {
    case 'breakout':
      return priceNearest(open * (1 + draws.uniform(0.04, 0.1)));
    case 'fade':
      return priceNearest(open * (1 - draws.uniform(0.05, 0.1)));
    case 'drift':
      return priceNearest(open * draws.logNormal(stock.dailyVolatility));
  }
}

interface NewsContext {
  readonly draws: RandomDraws;
  readonly stock: SyntheticInstrument;
  readonly date: LocalDate;
  readonly calendar: TradingCalendar;
}

function priceSensitiveNews(
  context: NewsContext,
  scripted: ScriptedStockDay | undefined,
  isGap: boolean,
  spec: ResolvedMarketSpec,
): Announcement[] {
  if (scripted !== undefined) {
    const news = scripted.announcement;
    if (news === undefined) return [];
    return [announcement(context, news.headline, true, sydneyLocalToEpoch(context.date, news.releasedAt))];
  }
  const announced = context.draws.chance(isGap ? spec.announcedGapShare : spec.quietAnnouncementShare);
  return announced ? [announce(context, context.draws.pick(PRICE_SENSITIVE_HEADLINES), true)] : [];
}

/** An announcement at a random moment: the evening before (after the previous close) or early in the morning. */
function announce(context: NewsContext, headline: string, priceSensitive: boolean): Announcement {
  const { draws, date, calendar } = context;
  const minute = 60_000;
  const releasedAt = draws.chance(EVENING_RELEASE_SHARE)
    ? calendar.sessionFor(calendar.previousTradingDay(date)).close + Math.round(draws.uniform(15, 180)) * minute
    : sydneyLocalToEpoch(date, '07:30') + Math.round(draws.uniform(0, 130)) * minute;
  return announcement(context, headline, priceSensitive, releasedAt);
}

function announcement(
  context: NewsContext,
  headline: string,
  priceSensitive: boolean,
  releasedAt: EpochMs,
): Announcement {
  return Object.freeze({ symbol: context.stock.instrument.symbol, releasedAt, headline, priceSensitive });
}
