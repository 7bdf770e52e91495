import type { Logger } from 'pino';
import type { ClientPortalBroker } from '../../adapters/clientportal/clientportal.broker.js';
import type { SimulatedExchange } from '../../adapters/simulated/simulated-exchange.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { AnnouncementFeed } from '../../domain/ports/announcement-feed.port.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { GatewayHealth } from '../../domain/ports/gateway-health.port.js';
import type { MarketScanner } from '../../domain/ports/market-scanner.port.js';
import type { Notifier } from '../../domain/ports/notifier.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { SkimConfig } from '../config/skim-config.js';
import { token } from './token.js';

/** Every service the container knows, by the port (or concrete type) it resolves to. */
export const TOKENS = {
  Config: token<SkimConfig>('Config'),
  Logger: token<Logger>('Logger'),
  Clock: token<Clock>('Clock'),
  Calendar: token<TradingCalendar>('Calendar'),
  Repository: token<Repository>('Repository'),
  Notifier: token<Notifier>('Notifier'),
  /** The broker the profile trades through: the simulated exchange, or the Client Portal gateway when live. */
  Broker: token<Broker>('Broker'),
  /** Always the Client Portal gateway at SKIM_GATEWAY_URL, for commands that talk to it directly. */
  GatewayBroker: token<ClientPortalBroker>('GatewayBroker'),
  GatewayHealth: token<GatewayHealth>('GatewayHealth'),
  /** Gap scanners in the order they are tried. */
  MarketScanners: token<readonly MarketScanner[]>('MarketScanners'),
  AnnouncementFeed: token<AnnouncementFeed>('AnnouncementFeed'),
  SimulatedExchange: token<SimulatedExchange>('SimulatedExchange'),
} as const;
