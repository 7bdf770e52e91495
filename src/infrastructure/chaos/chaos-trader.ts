import { ManualClock } from '../../adapters/clock/manual.clock.js';
import type { GatewaySimulator } from '../../adapters/gateway-sim/gateway-simulator.js';
import type { SyntheticMarket } from '../../adapters/synthetic/synthetic-market.js';
import { MarketReplay, type ReplayListener } from '../../application/replay/market-replay.js';
import type { DrivenClock, MarketTape, OutsideWork } from '../../application/replay/replay.ports.js';
import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { LocalDate } from '../../domain/values/time.js';
import type { SkimConfig } from '../config/skim-config.js';
import { GatewayReplayClock } from '../demo/gateway-replay-clock.js';
import { assembleChaosSkim, type Tamper } from './chaos-skim.js';
import { WAKE_TIME } from './fault-injector.js';
import type { WorkOutcome } from './work-outcome.js';

export interface ChaosTraderDeps {
  readonly config: SkimConfig;
  readonly simulator: GatewaySimulator;
  readonly market: SyntheticMarket;
  readonly outsideWork: OutsideWork;
  readonly listener: ReplayListener;
  readonly tamper?: Tamper | undefined;
}

type ReplayDeps = Pick<ChaosTraderDeps, 'simulator' | 'market' | 'outsideWork' | 'listener'>;

/** A trading day that ended with an error (`skim run` logs it and goes on to the next day). */
export interface DayError {
  readonly date: LocalDate;
  readonly error: string;
}

/** Whatever trades the days, in this process or another: its clock is moved by the replay. */
export interface DayRunner {
  readonly clock: DrivenClock;
  /** Trades the day the clock is in as `skim run` does. */
  tradeDay(): Promise<WorkOutcome>;
  /** Connects and reconciles with the broker, as `skim reconcile` does. */
  reconcile(): Promise<WorkOutcome>;
}

/** How a run's days went, apart from what the invariants read from both sides of the gateway. */
export interface DaysTraded {
  readonly dayErrors: readonly DayError[];
  /** Position repairs made by every reconcile, the morning after's included. */
  readonly repairs: readonly string[];
}

const NO_BARS: MarketTape = { minutes: () => [] };

/** Whether the days traded are the run's last, so that the morning after's reconcile follows them. */
export interface DaysToTrade {
  readonly days: readonly LocalDate[];
  readonly last: boolean;
}

/**
 * Skim trading days in this process through the gateway simulator (then the morning after's reconcile, when
 * they are the run's last days). Each call builds a new Skim on the same database, as a restarted `skim run`.
 */
export async function tradeChaosDays(deps: ChaosTraderDeps, { days, last }: DaysToTrade): Promise<DaysTraded> {
  const clock = new ManualClock(deps.simulator.now());
  const skim = await assembleChaosSkim(deps.config, clock, deps.market, deps.tamper);
  try {
    const runner: DayRunner = {
      clock: new GatewayReplayClock(clock, deps.simulator.market),
      tradeDay: () => skim.tradeToday(),
      reconcile: () => skim.reconcile(),
    };
    const traded = await replayDays(runner, deps, days);
    const lastDay = days.at(-1);
    if (!last || lastDay === undefined) return traded;
    const morning = await reconcileNextMorning(runner, deps, lastDay);
    return joinDaysTraded(traded, { dayErrors: [], repairs: morning.repairs });
  } finally {
    await skim.dispose();
  }
}

export function joinDaysTraded(first: DaysTraded, then: DaysTraded): DaysTraded {
  return { dayErrors: [...first.dayErrors, ...then.dayErrors], repairs: [...first.repairs, ...then.repairs] };
}

/** Replays the days one after another through the simulator, each day traded by `runner`. */
export async function replayDays(runner: DayRunner, deps: ReplayDeps, days: readonly LocalDate[]): Promise<DaysTraded> {
  const replay = new MarketReplay({
    clock: runner.clock,
    venue: deps.simulator.exchange,
    tape: deps.market,
    calendar: new TradingCalendar(),
    outsideWork: deps.outsideWork,
    listener: deps.listener,
  });
  const dayErrors: DayError[] = [];
  const repairs: string[] = [];
  for (const date of days) {
    runner.clock.set(Math.max(runner.clock.now(), sydneyLocalToEpoch(date, WAKE_TIME)));
    try {
      const outcome = await replay.runDay(date, () => runner.tradeDay());
      if (outcome.failure !== undefined) dayErrors.push({ date, error: outcome.failure });
      repairs.push(...outcome.repairs);
    } catch (error) {
      // The replay has played the day to its close before passing the error on, so the next day can follow.
      dayErrors.push({ date, error: describeError(error) });
    }
  }
  return { dayErrors, repairs };
}

/**
 * The morning after the run's last day: the faults have passed, IBeam has had the session reauthenticated
 * overnight, and Skim reconciles first, as every `skim run` day and every restart begins. Fills it could not
 * see before the run ended (a session lost until the close) are taken in here, as they would be live; the
 * invariants are checked after it.
 */
export async function reconcileNextMorning(
  runner: DayRunner,
  deps: Pick<ReplayDeps, 'simulator' | 'outsideWork'>,
  lastDay: LocalDate,
): Promise<WorkOutcome> {
  const { simulator } = deps;
  const calendar = new TradingCalendar();
  const morning = calendar.nextTradingDay(lastDay);
  simulator.faults.clear();
  simulator.session.reauthenticate();
  runner.clock.set(Math.max(runner.clock.now(), sydneyLocalToEpoch(morning, WAKE_TIME)));
  const replay = new MarketReplay({
    clock: runner.clock,
    venue: simulator.exchange,
    tape: NO_BARS,
    calendar,
    outsideWork: deps.outsideWork,
  });
  return replay.runDay(morning, () => runner.reconcile());
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
