import type { Container } from 'inversify';
import type { ClientPortalBroker } from '../../adapters/clientportal/clientportal.broker.js';
import { SyntheticAnnouncementFeed } from '../../adapters/synthetic/synthetic-announcement.feed.js';
import { SyntheticGapScanner } from '../../adapters/synthetic/synthetic-gap.scanner.js';
import type { SyntheticMarket } from '../../adapters/synthetic/synthetic-market.js';
import type { TradingDay } from '../../application/trading/trading-day.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { SkimConfig } from '../config/skim-config.js';
import { createContainer, disposeContainer } from '../container/create-container.js';
import { bind, resolve } from '../container/token.js';
import { TOKENS } from '../container/tokens.js';
import { TRADING } from '../container/trading.bindings.js';
import { createLogger } from '../logging/create-logger.js';

/** Swaps a part of Skim for another after the container is built, before anything is resolved. */
export type Tamper = (container: Container) => void;

/** The parts of Skim a chaos run drives. */
export interface ChaosSkim {
  readonly broker: ClientPortalBroker;
  readonly day: TradingDay;
  readonly calendar: TradingCalendar;
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
    return {
      broker: resolve(container, TOKENS.GatewayBroker),
      day: resolve(container, TRADING.Day),
      calendar: resolve(container, TOKENS.Calendar),
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
