import { dirname, join } from 'node:path';
import type { Container } from 'inversify';
import { ManualClock } from '../../adapters/clock/manual.clock.js';
import type { Listing } from '../../adapters/gateway-sim/market/listings.js';
import { startGatewaySimulator, type GatewaySimulator } from '../../adapters/gateway-sim/gateway-simulator.js';
import { SqliteRepository } from '../../adapters/persistence/sqlite/sqlite.repository.js';
import { SyntheticAnnouncementFeed } from '../../adapters/synthetic/synthetic-announcement.feed.js';
import { SyntheticGapScanner } from '../../adapters/synthetic/synthetic-gap.scanner.js';
import { SyntheticMarket } from '../../adapters/synthetic/synthetic-market.js';
import { MarketReplay } from '../../application/replay/market-replay.js';
import type { TradingDayResult } from '../../application/trading/trading-day.js';
import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { OutputStream } from '../cli/cli-context.js';
import { secretValues } from '../config/config-secrets.js';
import type { SkimConfig } from '../config/skim-config.js';
import { createContainer, disposeContainer } from '../container/create-container.js';
import { bind, resolve } from '../container/token.js';
import { TOKENS } from '../container/tokens.js';
import { TRADING } from '../container/trading.bindings.js';
import { createLogger } from '../logging/create-logger.js';
import { recordDailyHistory } from './daily-history.js';
import { historyIn, isEmpty, type DatabaseHistory } from './database-history.js';
import { DEMO_DAYS, DEMO_MARKET, DEMO_SEED, DEMO_STOCKS } from './demo-market.js';
import { DemoNarrator } from './demo-narrator.js';
import { warningsTo } from './demo-log-sink.js';
import { GatewayReplayClock } from './gateway-replay-clock.js';
import { HttpRequestsInFlight } from './http-requests-in-flight.js';
import { ObservedScanner } from './observed-scanner.js';
import { describeRefusal, describeRun, dayTitle } from './demo-report.js';

/** The demo's paper account at the simulated gateway. */
export const DEMO_ACCOUNT_ID = 'DU5550001';
/** Sydney time Skim is started on each demo day: before the pre-open scan, as `skim run` wakes. */
const WAKE_TIME = '07:00';
const FIRST_DAY = DEMO_DAYS[0] ?? DEMO_MARKET.firstDay;

export type DemoOutcome =
  | { readonly kind: 'completed'; readonly days: readonly TradingDayResult[]; readonly logFile: string | undefined }
  | { readonly kind: 'refused'; readonly history: DatabaseHistory };

export interface DemoOptions {
  readonly config: SkimConfig;
  /** Where the narration goes (stdout for `npm start`). */
  readonly out: OutputStream;
}

/**
 * `npm start`: a few simulated ASX trading days end to end, on the code path of `skim run`. The Client Portal
 * gateway is simulated in-process over real HTTPS on a loopback port, the market comes from the seeded
 * synthetic generator (its scanner and announcements included), and a manual clock is moved by the market
 * replay; Skim itself (container, TradingDay, use cases, Client Portal adapter, SQLite file) is unchanged.
 * A database that already holds trading history is left alone, so a second run never sends an order twice.
 */
export async function runDemo({ config, out }: DemoOptions): Promise<DemoOutcome> {
  const history = existingHistory(config.dbPath);
  if (!isEmpty(history)) {
    out.write(`${describeRefusal(config.dbPath, history)}\n`);
    return { kind: 'refused', history };
  }
  const simulator = await startGatewaySimulator({
    listings: DEMO_STOCKS.map(listingOf),
    replayFrom: sydneyLocalToEpoch(FIRST_DAY, WAKE_TIME),
    accountId: DEMO_ACCOUNT_ID,
    seed: DEMO_SEED,
  });
  const requests = new HttpRequestsInFlight().start();
  try {
    return await tradeDemoDays(config, simulator, requests, out);
  } finally {
    requests.stop();
    await simulator.close();
  }
}

async function tradeDemoDays(
  config: SkimConfig,
  simulator: GatewaySimulator,
  requests: HttpRequestsInFlight,
  out: OutputStream,
): Promise<{ kind: 'completed'; days: TradingDayResult[]; logFile: string | undefined }> {
  const clock = new ManualClock(simulator.now());
  const logFile = logFileFor(config);
  let narrator: DemoNarrator | undefined;
  const logger = createLogger({
    level: config.log.level,
    pretty: false,
    stream: warningsTo((message) => narrator?.warned(message)),
    file: logFile,
    secrets: secretValues(config),
    name: 'skim-demo',
  });
  const container = createContainer(demoConfig(config, simulator.url), { clock, logger });
  try {
    const calendar = resolve(container, TOKENS.Calendar);
    const market = new SyntheticMarket(DEMO_MARKET, calendar);
    narrator = new DemoNarrator(out, resolve(container, TOKENS.Repository), clock);
    useSyntheticSources(container, market, narrator);
    recordDailyHistory(simulator.market, market, calendar, FIRST_DAY);
    narrator.line(describeRun(simulator.url, config.dbPath, logFile));
    const drivenClock = new GatewayReplayClock(clock, simulator.market);
    const replay = new MarketReplay({
      clock: drivenClock,
      venue: simulator.exchange,
      tape: market,
      calendar,
      outsideWork: requests,
      listener: narrator,
    });
    const days = await tradeDays({ container, replay, clock: drivenClock, narrator });
    return { kind: 'completed', days, logFile };
  } finally {
    await disposeContainer(container);
  }
}

interface DemoParts {
  readonly container: Container;
  readonly replay: MarketReplay;
  readonly clock: GatewayReplayClock;
  readonly narrator: DemoNarrator;
}

/** Each demo day through `skim run`'s TradingDay, woken at the same hour `skim run` wakes. */
async function tradeDays({ container, replay, clock, narrator }: DemoParts): Promise<TradingDayResult[]> {
  const broker = resolve(container, TOKENS.GatewayBroker);
  const day = resolve(container, TRADING.Day);
  const results: TradingDayResult[] = [];
  for (const [index, date] of DEMO_DAYS.entries()) {
    clock.set(Math.max(clock.now(), sydneyLocalToEpoch(date, WAKE_TIME)));
    narrator.startDay(date, dayTitle(date, index, DEMO_DAYS.length));
    const result = await replay.runDay(date, async () => {
      // The broker session is opened once, inside the replay, where the clock it may wait on moves.
      if (index === 0) await broker.connect();
      return day.run();
    });
    narrator.endDay(result);
    results.push(result);
  }
  return results;
}

/** The user's configuration pointed at the simulated gateway: the live profile's broker, a loopback paper account. */
function demoConfig(config: SkimConfig, gatewayUrl: string): SkimConfig {
  return {
    ...config,
    profile: 'live',
    gateway: {
      ...config.gateway,
      url: gatewayUrl,
      accountId: DEMO_ACCOUNT_ID,
      allowLive: false,
      // The simulator's certificate is self-signed and it listens on 127.0.0.1 only.
      insecureTls: true,
      caFile: undefined,
    },
  };
}

/** The synthetic market's scanner and announcements in place of TradingView and the ASX website. */
function useSyntheticSources(container: Container, market: SyntheticMarket, narrator: DemoNarrator): void {
  const scanner = new ObservedScanner(new SyntheticGapScanner(market), (_date, results) => {
    narrator.scanned(results);
  });
  container.unbindSync(TOKENS.MarketScanners);
  bind(container, TOKENS.MarketScanners).toConstantValue([scanner]);
  container.unbindSync(TOKENS.AnnouncementFeed);
  bind(container, TOKENS.AnnouncementFeed).toConstantValue(new SyntheticAnnouncementFeed(market));
}

/** Daily bars before the first demo day, so previous closes and moving averages have history. */

function existingHistory(dbPath: string): DatabaseHistory {
  const repository = SqliteRepository.open(dbPath);
  try {
    return historyIn(repository, DEMO_DAYS);
  } finally {
    repository.close();
  }
}

/** The configured log file, or one beside the database; none for an in-memory database. */
function logFileFor(config: SkimConfig): string | undefined {
  if (config.log.file !== undefined) return config.log.file;
  return config.dbPath === ':memory:' ? undefined : join(dirname(config.dbPath), 'skim-demo.log');
}

function listingOf(stock: (typeof DEMO_STOCKS)[number]): Listing {
  return {
    symbol: stock.instrument.symbol,
    conid: stock.instrument.conid,
    exchange: 'ASX',
    currency: 'AUD',
    companyName: stock.companyName,
  };
}
