import { BarStore } from '../../adapters/bars/store/bar-store.js';
import { ManualClock } from '../../adapters/clock/manual.clock.js';
import { SimulatedExchange } from '../../adapters/simulated/simulated-exchange.js';
import { SyntheticMarket } from '../../adapters/synthetic/synthetic-market.js';
import type { BacktestData } from '../../application/backtest/engine/backtest-data.port.js';
import { BacktestEngine } from '../../application/backtest/engine/backtest-engine.js';
import type { BacktestProgress, BacktestRun } from '../../application/backtest/engine/backtest-run.js';
import { computeBacktestMetrics, type BacktestResults } from '../../application/backtest/metrics/backtest-metrics.js';
import { WAKE_TIME } from '../../application/trading/trading-scheduler.js';
import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import { addDays, type LocalDate } from '../../domain/values/time.js';
import type { SkimConfig } from '../config/skim-config.js';
import { buildCalendar } from '../container/calendar.js';
import { ApplicationErrors } from './application-errors.js';
import type { BacktestSpec } from './backtest-spec.js';
import { backtestConfig } from './backtest-config.js';
import { wireBacktest } from './backtest-wiring.js';
import { BarStoreBacktestData } from './data/bar-store-backtest-data.js';
import { SyntheticBacktestData } from './data/synthetic-backtest-data.js';
import { syntheticUniverse } from './data/synthetic-universe.js';

/** Calendar days of daily history before the first replayed day: enough for a 10- to 20-day moving average. */
const HISTORY_DAYS = 45;
/** Bars the exchange keeps per instrument and size: more than a session of minutes, years of days. */
const BAR_HISTORY_LIMIT = 1_000;

export interface BacktestOutcome {
  readonly spec: BacktestSpec;
  readonly run: BacktestRun;
  readonly results: BacktestResults;
  /** Errors the application logged while trading (steps that failed), with the first few messages. */
  readonly applicationErrors: { readonly count: number; readonly first: readonly string[] };
  /** Notes on how the run differs from the configuration (e.g. announcements not required). */
  readonly notes: readonly string[];
  /** The exact configuration of the run, for the report. */
  readonly configuration: unknown;
}

/** Runs one backtest from a plain spec: builds the data, the exchange and the live application, replays, scores. */
export async function runBacktest(
  baseConfig: SkimConfig,
  spec: BacktestSpec,
  onProgress?: (progress: BacktestProgress) => void,
): Promise<BacktestOutcome> {
  const calendar = buildCalendar(baseConfig.holidays);
  const data = openData(spec, calendar);
  const { config, notes } = backtestConfig(baseConfig, spec, data.hasAnnouncements);
  const clock = new ManualClock(sydneyLocalToEpoch(spec.from, '00:00'));
  const exchange = new SimulatedExchange({
    seed: spec.source.kind === 'synthetic' ? spec.source.seed : 1,
    commission: config.commission,
    maxVolumeParticipation: spec.fill.maxVolumeParticipation,
    slippageBps: spec.fill.slippageBps,
    startingCash: spec.startingCash,
    accountId: 'DUBACKTEST',
    instruments: data.instruments,
    barHistoryLimit: BAR_HISTORY_LIMIT,
  });
  const errors = new ApplicationErrors();
  const wired = wireBacktest(config, data, exchange, clock, errors);
  try {
    const engine = new BacktestEngine({
      clock,
      venue: exchange,
      data,
      calendar,
      runTradingDay: () => wired.tradingDay.run(),
      startingCash: spec.startingCash,
      settings: {
        minGapPct: config.strategy.minGapPct,
        historyDays: HISTORY_DAYS,
        replayEveryInstrument: spec.replayEveryInstrument,
        wakeTime: WAKE_TIME,
      },
      ...(onProgress === undefined ? {} : { onProgress }),
    });
    const run = await engine.run(spec.from, spec.to);
    const results = computeBacktestMetrics({ startingCash: spec.startingCash, fills: run.fills, equity: run.equity });
    return {
      spec,
      run,
      results,
      applicationErrors: { count: errors.count, first: errors.first },
      notes,
      configuration: { spec, strategy: config.strategy, risk: config.risk, commission: config.commission },
    };
  } finally {
    await wired.dispose();
  }
}

function openData(spec: BacktestSpec, calendar: TradingCalendar): BacktestData {
  const { source } = spec;
  if (source.kind === 'bars') return new BarStoreBacktestData(BarStore.open(source.dir));
  const market = new SyntheticMarket(
    {
      seed: source.seed,
      instruments: syntheticUniverse(source.symbols, source.seed),
      firstDay: firstDay(spec.from, calendar),
    },
    calendar,
  );
  return new SyntheticBacktestData(market);
}

/**
 * The synthetic market starts early enough to give the first replayed day its history. It cannot start on the
 * calendar's first trading day, whose announcements would reach back into a year the calendar does not cover.
 */
function firstDay(from: LocalDate, calendar: TradingCalendar): LocalDate {
  const yearStart = `${calendar.coveredYears[0] ?? from.slice(0, 4)}-01-01` as LocalDate;
  const earliest = calendar.nextTradingDay(calendar.nextTradingDay(addDays(yearStart, -1)));
  const day = addDays(from, -HISTORY_DAYS);
  if (day < earliest) return earliest < from ? earliest : from;
  return calendar.isTradingDay(day) ? day : calendar.nextTradingDay(day);
}
