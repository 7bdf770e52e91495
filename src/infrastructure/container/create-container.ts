import 'reflect-metadata';
import { Container } from 'inversify';
import type { Logger } from 'pino';
import { ClientPortalBroker } from '../../adapters/clientportal/clientportal.broker.js';
import { ClientPortalScanner } from '../../adapters/clientportal/scanner/clientportal.scanner.js';
import { clientPortalScannerSource } from '../../adapters/clientportal/scanner/clientportal-scanner.source.js';
import { withRecordReplay } from '../../adapters/recording/record-replay.js';
import { REPLAY_FILES } from '../../adapters/recording/replay-files.js';
import { IbeamGatewayHealth } from '../../adapters/ibeam/ibeam.gateway-health.js';
import { SystemClock } from '../../adapters/clock/system.clock.js';
import { DiscordNotifier } from '../../adapters/notifications/discord.notifier.js';
import { ConsoleNotifier } from '../../adapters/notifications/console.notifier.js';
import { MemoryRepository } from '../../adapters/persistence/memory/memory.repository.js';
import { SqliteRepository } from '../../adapters/persistence/sqlite/sqlite.repository.js';
import { SimulatedGatewayHealth } from '../../adapters/simulated/simulated.gateway-health.js';
import { SimulatedBroker } from '../../adapters/simulated/simulated.broker.js';
import { SimulatedExchange } from '../../adapters/simulated/simulated-exchange.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Notifier } from '../../domain/ports/notifier.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import { dollars } from '../../domain/values/money.js';
import type { SkimConfig } from '../config/skim-config.js';
import { createLogger } from '../logging/create-logger.js';
import { loggerOptions } from '../logging/logger-options.js';
import { buildCalendar } from './calendar.js';
import { clientPortalConfig } from './clientportal-config.js';
import { bindMarketData } from './market-data.bindings.js';
import { bindTrading } from './trading.bindings.js';
import { bindUseCases } from './use-case.bindings.js';
import { bind, resolve } from './token.js';
import { TOKENS } from './tokens.js';

/** Adapters a caller supplies instead of the profile's defaults (tests swap any of them; backtests the clock). */
export interface AdapterOverrides {
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly repository?: Repository;
  readonly broker?: Broker;
  readonly notifier?: Notifier;
  readonly exchange?: SimulatedExchange;
  /**
   * `stream`: in the live profile, trading decisions are also made on the gateway's WebSocket events (REST
   * polling while it is down). Unset or `polling`: the periodic checks alone, as replays (demo, backtests) need.
   */
  readonly marketData?: 'stream' | 'polling';
}

/** The paper account the simulated exchange trades when nothing else is configured. */
export const SIMULATED_ACCOUNT_ID = 'DUSIM0001';

/**
 * Wires every port to an adapter for the configured profile. This is the only place that knows which
 * adapter serves which port; the domain and application receive their dependencies through constructors.
 */
export function createContainer(config: SkimConfig, overrides: AdapterOverrides = {}): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  bind(container, TOKENS.Config).toConstantValue(config);
  bind(container, TOKENS.Logger).toDynamicValue(() => overrides.logger ?? createLogger(loggerOptions(config)));
  bind(container, TOKENS.Clock).toDynamicValue(() => overrides.clock ?? new SystemClock());
  bind(container, TOKENS.Calendar).toDynamicValue(() => buildCalendar(config.holidays));
  bind(container, TOKENS.Repository)
    .toDynamicValue(
      () =>
        overrides.repository ??
        (config.profile === 'test' ? new MemoryRepository() : SqliteRepository.open(config.dbPath)),
    )
    .onDeactivation((repository) => {
      repository.close();
    });
  bind(container, TOKENS.Notifier)
    .toDynamicValue((context) => {
      if (overrides.notifier) return overrides.notifier;
      const logger = resolve(context, TOKENS.Logger);
      const webhookUrl = config.notifications.discordWebhookUrl;
      // Backtests and tests never post to the user's channel.
      const quiet = config.profile === 'backtest' || config.profile === 'test';
      return webhookUrl === undefined || quiet
        ? new ConsoleNotifier(logger)
        : new DiscordNotifier(webhookUrl, logger.child({ adapter: 'discord' }));
    })
    .onDeactivation(async (notifier) => {
      if (notifier instanceof DiscordNotifier) await notifier.close();
    });
  bind(container, TOKENS.SimulatedExchange).toDynamicValue(
    () =>
      overrides.exchange ??
      new SimulatedExchange({
        seed: 1,
        commission: config.commission,
        maxVolumeParticipation: 0.1,
        slippageBps: 0,
        startingCash: dollars(100_000),
        accountId: SIMULATED_ACCOUNT_ID,
        instruments: [],
      }),
  );
  bind(container, TOKENS.GatewayBroker)
    .toDynamicValue(
      (context) =>
        new ClientPortalBroker(clientPortalConfig(config.gateway), {
          clock: resolve(context, TOKENS.Clock),
          notifier: resolve(context, TOKENS.Notifier),
          logger: resolve(context, TOKENS.Logger).child({ adapter: 'clientportal' }),
        }),
    )
    .onDeactivation((broker) => broker.close());
  bind(container, TOKENS.Broker).toDynamicValue((context) => {
    if (overrides.broker) return overrides.broker;
    if (config.profile === 'live') return resolve(context, TOKENS.GatewayBroker);
    return new SimulatedBroker(resolve(context, TOKENS.SimulatedExchange), resolve(context, TOKENS.Clock));
  });
  bind(container, TOKENS.GatewayHealth)
    .toDynamicValue((context) =>
      config.profile === 'live' && overrides.broker === undefined
        ? new IbeamGatewayHealth(config.ibeam, {
            gatewayStatus: resolve(context, TOKENS.GatewayBroker).gatewayStatus(),
            clock: resolve(context, TOKENS.Clock),
          })
        : new SimulatedGatewayHealth(resolve(context, TOKENS.Clock)),
    )
    .onDeactivation(async (health) => {
      if (health instanceof IbeamGatewayHealth) await health.close();
    });
  bindMarketData(container, config, (context) => {
    if (!config.scan.ibkrScanner) return [];
    const log = resolve(context, TOKENS.Logger);
    const live = clientPortalScannerSource(resolve(context, TOKENS.GatewayBroker).gatewayClient(), {
      clock: resolve(context, TOKENS.Clock),
      log,
    });
    const source = withRecordReplay(live, REPLAY_FILES.ibkrScanner, config, log);
    return [new ClientPortalScanner(source, log)];
  });
  bindUseCases(container, config);
  bindTrading(container, config, {
    streaming: config.profile === 'live' && overrides.broker === undefined && overrides.marketData === 'stream',
  });
  return container;
}

/** Closes what the container opened (database, timers, sockets): only services that were resolved. */
export async function disposeContainer(container: Container): Promise<void> {
  await container.unbindAll();
}
