import type { Container } from 'inversify';
import { SyntheticAnnouncementFeed } from '../../adapters/synthetic/synthetic-announcement.feed.js';
import { SyntheticGapScanner } from '../../adapters/synthetic/synthetic-gap.scanner.js';
import type { SyntheticMarket } from '../../adapters/synthetic/synthetic-market.js';
import { TradingScheduler } from '../../application/trading/trading-scheduler.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { SkimConfig } from '../config/skim-config.js';
import { createContainer, disposeContainer } from '../container/create-container.js';
import { bind, resolve } from '../container/token.js';
import { TOKENS } from '../container/tokens.js';
import { TRADING } from '../container/trading.bindings.js';
import { createLogger } from '../logging/create-logger.js';
import { repairsIn, type WorkOutcome } from './work-outcome.js';

/** Swaps a part of Skim for another after the container is built, before anything is resolved. */
export type Tamper = (container: Container) => void;

/** Skim as a chaos run drives it: a trading day as `skim run` trades it, a reconcile as `skim reconcile` makes it. */
export interface ChaosSkim {
  /** Connects for the day the clock is in (retrying every minute) and trades it. */
  tradeToday(): Promise<WorkOutcome>;
  /** Connects and reconciles with the broker. */
  reconcile(): Promise<WorkOutcome>;
  dispose(): Promise<void>;
}

/**
 * Skim as `skim run` builds it (container, TradingDay, Client Portal adapter, SQLite file) on the given clock,
 * with the synthetic market's scanner and announcements in place of TradingView and the ASX website.
 */
export async function assembleChaosSkim(
  config: SkimConfig,
  clock: Clock,
  market: SyntheticMarket,
  tamper?: Tamper,
): Promise<ChaosSkim> {
  const logger = createLogger({ level: 'silent', pretty: false, name: 'skim-chaos' });
  const container = createContainer(config, { clock, logger });
  try {
    useSyntheticSources(container, market);
    tamper?.(container);
    const broker = resolve(container, TOKENS.Broker);
    const day = resolve(container, TRADING.Day);
    const reconcile = resolve(container, TRADING.Reconcile);
    const scheduler = new TradingScheduler(
      resolve(container, TOKENS.Calendar),
      clock,
      resolve(container, TOKENS.Logger),
    );
    return {
      tradeToday: async () => {
        let failure: string | undefined;
        let repairs: string[] = [];
        await scheduler.tradeToday({
          connect: () => broker.connect(),
          runDay: () => day.run(),
          onDay: (result) => (repairs = result.kind === 'traded' ? repairsIn(result.reconcile) : []),
          onDayFailed: (_date, reason) => (failure = reason),
          stopping: () => false,
        });
        return { repairs, ...(failure === undefined ? {} : { failure }) };
      },
      reconcile: async () => {
        await broker.connect();
        return { repairs: repairsIn(await reconcile.run()) };
      },
      dispose: () => disposeContainer(container),
    };
  } catch (error) {
    await disposeContainer(container);
    throw error;
  }
}

function useSyntheticSources(container: Container, market: SyntheticMarket): void {
  container.unbindSync(TOKENS.MarketScanners);
  bind(container, TOKENS.MarketScanners).toConstantValue([new SyntheticGapScanner(market)]);
  container.unbindSync(TOKENS.AnnouncementFeed);
  bind(container, TOKENS.AnnouncementFeed).toConstantValue(new SyntheticAnnouncementFeed(market));
}
