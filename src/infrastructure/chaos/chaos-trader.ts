import { ManualClock } from '../../adapters/clock/manual.clock.js';
import type { GatewaySimulator } from '../../adapters/gateway-sim/gateway-simulator.js';
import type { SyntheticMarket } from '../../adapters/synthetic/synthetic-market.js';
import { MarketReplay, type ReplayListener } from '../../application/replay/market-replay.js';
import type { DrivenClock, OutsideWork } from '../../application/replay/replay.ports.js';
import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { LocalDate } from '../../domain/values/time.js';
import type { SkimConfig } from '../config/skim-config.js';
import { GatewayReplayClock } from '../demo/gateway-replay-clock.js';
import { assembleChaosSkim, type Tamper } from './chaos-skim.js';
import { WAKE_TIME } from './fault-injector.js';

export interface ChaosTraderDeps {
  readonly config: SkimConfig;
  readonly simulator: GatewaySimulator;
  readonly market: SyntheticMarket;
  readonly outsideWork: OutsideWork;
  readonly listener: ReplayListener;
  readonly tamper?: Tamper | undefined;
}

/** A trading day that ended with an error escaping `TradingDay.run` (which `skim run` would die of). */
export interface DayError {
  readonly date: LocalDate;
  readonly error: string;
}

/** Whatever trades the days: it runs one day's work, its clock moved by the replay. */
export interface DayRunner {
  readonly clock: DrivenClock;
  runDay(date: LocalDate, first: boolean): Promise<unknown>;
}

/**
 * Skim trading a run's days in this process through the gateway simulator, its clock moved by a market
 * replay. Errors in the day's steps are Skim's to handle; one escaping a day is returned.
 */
export async function tradeChaosDays(deps: ChaosTraderDeps, days: readonly LocalDate[]): Promise<DayError[]> {
  const clock = new ManualClock(deps.simulator.now());
  const skim = await assembleChaosSkim(deps.config, clock, deps.market, deps.tamper);
  try {
    const runner: DayRunner = {
      clock: new GatewayReplayClock(clock, deps.simulator.market),
      runDay: async (_date, first) => {
        if (first) await skim.broker.connect();
        return skim.day.run();
      },
    };
    return await replayDays(runner, deps, days);
  } finally {
    await skim.dispose();
  }
}

/** Replays the days one after another through the simulator, each day's work done by `runner`. */
export async function replayDays(
  runner: DayRunner,
  deps: Pick<ChaosTraderDeps, 'simulator' | 'market' | 'outsideWork' | 'listener'>,
  days: readonly LocalDate[],
): Promise<DayError[]> {
  const replay = new MarketReplay({
    clock: runner.clock,
    venue: deps.simulator.exchange,
    tape: deps.market,
    calendar: new TradingCalendar(),
    outsideWork: deps.outsideWork,
    listener: deps.listener,
  });
  const errors: DayError[] = [];
  for (const [index, date] of days.entries()) {
    runner.clock.set(Math.max(runner.clock.now(), sydneyLocalToEpoch(date, WAKE_TIME)));
    try {
      await replay.runDay(date, () => runner.runDay(date, index === 0));
    } catch (error) {
      // The replay has played the day to its close before passing the error on, so the next day can follow.
      errors.push({ date, error: describeError(error) });
    }
  }
  return errors;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
