import { ConsoleNotifier } from '../../adapters/notifications/console.notifier.js';
import { MemoryRepository } from '../../adapters/persistence/memory/memory.repository.js';
import type { SimulatedExchange } from '../../adapters/simulated/simulated-exchange.js';
import { SimulatedBroker } from '../../adapters/simulated/simulated.broker.js';
import type { ManualClock } from '../../adapters/clock/manual.clock.js';
import type { BacktestData } from '../../application/backtest/engine/backtest-data.port.js';
import type { HaltSwitch } from '../../application/shared/trading-halt.js';
import type { TradingDay } from '../../application/trading/trading-day.js';
import type { MarketScanner } from '../../domain/ports/market-scanner.port.js';
import type { SkimConfig } from '../config/skim-config.js';
import { createContainer, disposeContainer } from '../container/create-container.js';
import { resolve } from '../container/token.js';
import { TOKENS } from '../container/tokens.js';
import { TRADING } from '../container/trading.bindings.js';
import type { ApplicationErrors } from './application-errors.js';

/** A backtest is never paused by the live bot's kill-switch file. */
const NEVER_HALTED: HaltSwitch = Object.freeze({ isHalted: () => ({ halted: false }) as const });

export interface WiredBacktest {
  readonly tradingDay: TradingDay;
  dispose(): Promise<void>;
}

/**
 * The live application as `skim run` builds it (the same container bindings, so the same use cases and
 * schedule), with the backtest's adapters in place of the outside world: the manual clock, the simulated
 * exchange, an in-memory repository, the data's scanner and announcements, and no kill-switch file.
 */
export function wireBacktest(
  config: SkimConfig,
  data: BacktestData,
  exchange: SimulatedExchange,
  clock: ManualClock,
  errors: ApplicationErrors,
): WiredBacktest {
  const { logger } = errors;
  const container = createContainer(
    { ...config, profile: 'backtest' },
    {
      logger,
      clock,
      exchange,
      repository: new MemoryRepository(),
      broker: new SimulatedBroker(exchange, clock),
      notifier: new ConsoleNotifier(logger),
    },
  );
  const scanners: readonly MarketScanner[] = [data.scanner];
  container.rebindSync(TOKENS.MarketScanners).toConstantValue(scanners);
  container.rebindSync(TOKENS.AnnouncementFeed).toConstantValue(data.announcements);
  container.rebindSync(TRADING.HaltSwitch).toConstantValue(NEVER_HALTED);
  return {
    tradingDay: resolve(container, TRADING.Day),
    dispose: () => disposeContainer(container),
  };
}
