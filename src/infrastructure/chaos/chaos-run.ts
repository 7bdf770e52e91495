import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatewaySimulator, type GatewaySimulator } from '../../adapters/gateway-sim/gateway-simulator.js';
import type { TlsMaterial } from '../../adapters/gateway-sim/gateway-sim.options.js';
import { SqliteRepository } from '../../adapters/persistence/sqlite/sqlite.repository.js';
import { SyntheticMarket } from '../../adapters/synthetic/synthetic-market.js';
import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { SkimConfig } from '../config/skim-config.js';
import { loadConfig } from '../config/load-config.js';
import { recordDailyHistory } from '../demo/daily-history.js';
import { HttpRequestsInFlight } from '../demo/http-requests-in-flight.js';
import { CHAOS_ACCOUNT_ID, chaosEnvironment } from './chaos-environment.js';
import { chaosMarket, type ChaosMarket } from './chaos-market.js';
import type { ChaosScenario } from './chaos-scenario.js';
import type { Tamper } from './chaos-skim.js';
import { tradeChaosDays, type DayError, type DaysToTrade, type DaysTraded } from './chaos-trader.js';
import { tradeAroundRestart } from './trading-process/trade-around-restart.js';
import { FaultInjector, WAKE_TIME } from './fault-injector.js';
import { checkInvariants } from './invariants/invariants.js';
import { RequestTape } from './request-tape.js';
import type { RunEvidence, Violation } from './run-evidence.js';
import { RunWatch } from './run-watch.js';
import { UnhandledRejections } from './unhandled-rejections.js';

export interface ChaosRunOptions {
  /** One certificate for every run of a campaign: making one per run would cost an openssl call each. */
  readonly tls: TlsMaterial;
  /** Swaps a part of Skim for a broken one, to show that an invariant notices (in-process runs only). */
  readonly tamper?: Tamper;
  /** Changes the configuration Skim trades with (the invariants keep checking the unchanged limits). */
  readonly configure?: (config: SkimConfig) => SkimConfig;
}

/** What trading a run's days is made of, for the trading process in this process or in children. */
export interface RunSetup {
  readonly scenario: ChaosScenario;
  readonly simulator: GatewaySimulator;
  readonly market: ChaosMarket;
  readonly syntheticMarket: SyntheticMarket;
  readonly watch: RunWatch;
  readonly env: Readonly<Record<string, string>>;
  readonly workDir: string;
}

/** How trading the days went, apart from what the invariants read from both sides of the gateway. */
export interface TradingOutcome extends DaysTraded {
  /** Unhandled rejections in the trading process, and trading processes that died on their own. */
  readonly failures: readonly string[];
  /** Trading processes killed with SIGKILL and started again. */
  readonly restarts: number;
}

export interface ChaosRunResult {
  readonly scenario: ChaosScenario;
  readonly faults: number;
  readonly orders: number;
  readonly fills: number;
  readonly restarts: number;
  readonly violations: readonly Violation[];
  /** Trading days that failed (`skim run` logs them and trades on): not an invariant, but worth telling. */
  readonly dayErrors: readonly DayError[];
}

type LocalReading = Pick<RunEvidence, 'journal' | 'recordedFills' | 'localPositions'>;

/** One campaign run: the scenario's days traded by Skim against a faulty simulated gateway, then every invariant. */
export async function runChaosScenario(scenario: ChaosScenario, options: ChaosRunOptions): Promise<ChaosRunResult> {
  const calendar = new TradingCalendar();
  const market = chaosMarket(scenario.seed, scenario.days, calendar);
  const firstDay = market.tradingDays[0];
  if (firstDay === undefined) throw new RangeError('a chaos run needs at least one trading day');
  const simulator = await startGatewaySimulator({
    listings: market.listings,
    replayFrom: sydneyLocalToEpoch(firstDay, WAKE_TIME),
    accountId: CHAOS_ACCOUNT_ID,
    seed: scenario.seed,
    tls: options.tls,
    maxVolumeParticipation: scenario.volumeParticipation,
  });
  const workDir = mkdtempSync(join(tmpdir(), 'skim-chaos-'));
  const rejections = new UnhandledRejections().start();
  const watch = new RunWatch(
    simulator,
    new FaultInjector(simulator.faults, scenario.faults, market.tradingDays),
    new RequestTape(() => simulator.requests()),
  );
  try {
    const env = chaosEnvironment(simulator, workDir);
    const syntheticMarket = new SyntheticMarket(market.spec, calendar);
    recordDailyHistory(simulator.market, syntheticMarket, calendar, firstDay);
    const outcome = await trade({ scenario, simulator, market, syntheticMarket, watch, env, workDir }, options);
    const local = readDatabase(env.SKIM_DB_PATH ?? join(workDir, 'skim.db'));
    const config = loadConfig({ env, cwd: workDir }).config;
    const evidence: RunEvidence = {
      exchangeOrders: simulator.exchange.orders(),
      exchangeFills: simulator.exchange.fills(),
      ...local,
      brokerPositions: simulator.exchange.positions(),
      positionSamples: watch.positionSamples(),
      requests: watch.tape.all(),
      unhandledRejections: [...rejections.reasons(), ...outcome.failures],
      repairs: outcome.repairs,
      limits: config.risk,
    };
    const violations = checkInvariants(evidence);
    return {
      scenario,
      faults: watch.faultsInjected,
      orders: evidence.exchangeOrders.length,
      fills: evidence.exchangeFills.length,
      restarts: outcome.restarts,
      violations,
      dayErrors: outcome.dayErrors,
    };
  } finally {
    rejections.stop();
    await simulator.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Trades the days in this process or, when the scenario kills and restarts the trader, the restart's day in
 * child processes and the days around it in this process.
 */
async function trade(run: RunSetup, options: ChaosRunOptions): Promise<TradingOutcome> {
  const { restart } = run.scenario;
  if (restart !== undefined && (options.tamper !== undefined || options.configure !== undefined)) {
    throw new TypeError('a broken component can only be swapped into a run without a restart (in this process)');
  }
  const requests = new HttpRequestsInFlight().start();
  try {
    const config = loadConfig({ env: run.env, cwd: run.workDir }).config;
    const deps = {
      config: options.configure?.(config) ?? config,
      simulator: run.simulator,
      market: run.syntheticMarket,
      outsideWork: requests,
      listener: run.watch,
      tamper: options.tamper,
    };
    const inThisProcess = (days: DaysToTrade): Promise<DaysTraded> => tradeChaosDays(deps, days);
    if (restart !== undefined) return await tradeAroundRestart(run, restart, inThisProcess);
    return { ...(await inThisProcess({ days: run.market.tradingDays, last: true })), failures: [], restarts: 0 };
  } finally {
    requests.stop();
  }
}

function readDatabase(dbPath: string): LocalReading {
  const repository = SqliteRepository.open(dbPath);
  try {
    return {
      journal: repository.journal.all(),
      recordedFills: repository.trades.between(0, Number.MAX_SAFE_INTEGER),
      localPositions: repository.positions.withStatus(['open', 'half_exited']),
    };
  } finally {
    repository.close();
  }
}
