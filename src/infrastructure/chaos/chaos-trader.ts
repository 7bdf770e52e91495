import type { Container } from 'inversify';
import { ManualClock } from '../../adapters/clock/manual.clock.js';
import type { GatewaySimulator } from '../../adapters/gateway-sim/gateway-simulator.js';
import { SyntheticAnnouncementFeed } from '../../adapters/synthetic/synthetic-announcement.feed.js';
import { SyntheticGapScanner } from '../../adapters/synthetic/synthetic-gap.scanner.js';
import type { SyntheticMarket } from '../../adapters/synthetic/synthetic-market.js';
import { MarketReplay, type ReplayListener } from '../../application/replay/market-replay.js';
import type { OutsideWork } from '../../application/replay/replay.ports.js';
import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { LocalDate } from '../../domain/values/time.js';
import type { SkimConfig } from '../config/skim-config.js';
import { createContainer, disposeContainer } from '../container/create-container.js';
import { bind, resolve } from '../container/token.js';
import { TOKENS } from '../container/tokens.js';
import { TRADING } from '../container/trading.bindings.js';
import { GatewayReplayClock } from '../demo/gateway-replay-clock.js';
import { createLogger } from '../logging/create-logger.js';
import { WAKE_TIME } from './fault-injector.js';

/** Swaps a part of Skim for another after the container is built, before anything is resolved. */
export type Tamper = (container: Container) => void;

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

/**
 * Skim as `skim run` builds it (container, TradingDay, Client Portal adapter, SQLite file), trading a run's
 * days through the gateway simulator with the synthetic market's scanner and announcements, its clock moved
 * by a market replay. Errors in the day's steps are Skim's to handle; one escaping a day is returned.
 */
export async function tradeChaosDays(deps: ChaosTraderDeps, days: readonly LocalDate[]): Promise<DayError[]> {
  const { config, simulator, market } = deps;
  const clock = new ManualClock(simulator.now());
  const logger = createLogger({ level: 'silent', pretty: false, name: 'skim-chaos' });
  const container = createContainer(config, { clock, logger });
  try {
    useSyntheticSources(container, market);
    deps.tamper?.(container);
    const calendar = resolve(container, TOKENS.Calendar);
    const drivenClock = new GatewayReplayClock(clock, simulator.market);
    const replay = new MarketReplay({
      clock: drivenClock,
      venue: simulator.exchange,
      tape: market,
      calendar,
      outsideWork: deps.outsideWork,
      listener: deps.listener,
    });
    const broker = resolve(container, TOKENS.GatewayBroker);
    const day = resolve(container, TRADING.Day);
    const errors: DayError[] = [];
    for (const [index, date] of days.entries()) {
      drivenClock.set(Math.max(drivenClock.now(), sydneyLocalToEpoch(date, WAKE_TIME)));
      try {
        await replay.runDay(date, async () => {
          if (index === 0) await broker.connect();
          return day.run();
        });
      } catch (error) {
        // The replay has played the day to its close before passing the error on, so the next day can follow.
        errors.push({ date, error: describeError(error) });
      }
    }
    return errors;
  } finally {
    await disposeContainer(container);
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function useSyntheticSources(container: Container, market: SyntheticMarket): void {
  container.unbindSync(TOKENS.MarketScanners);
  bind(container, TOKENS.MarketScanners).toConstantValue([new SyntheticGapScanner(market)]);
  container.unbindSync(TOKENS.AnnouncementFeed);
  bind(container, TOKENS.AnnouncementFeed).toConstantValue(new SyntheticAnnouncementFeed(market));
}
