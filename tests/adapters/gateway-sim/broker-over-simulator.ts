import { pino } from 'pino';
import { ClientPortalBroker } from '../../../src/adapters/clientportal/clientportal.broker.js';
import {
  CLIENTPORTAL_DEFAULTS,
  DEFAULT_PACING,
  type ClientPortalConfig,
  type PacingLimits,
} from '../../../src/adapters/clientportal/clientportal.config.js';
import { SystemClock } from '../../../src/adapters/clock/system.clock.js';
import {
  startGatewaySimulator,
  type GatewaySimulator,
  type GatewaySimulatorOptions,
} from '../../../src/adapters/gateway-sim/gateway-simulator.js';
import { MARKET_ORDER_QUESTION_ID } from '../../../src/adapters/gateway-sim/orders/question-policy.js';
import type { Clock } from '../../../src/domain/ports/clock.port.js';
import { RecordingNotifier } from '../clientportal/support/recording-notifier.js';
import { testTls } from './sim-client.js';

/** Pacing far looser than the gateway's, so that tests spend no time waiting on it. */
export const FAST_PACING: PacingLimits = Object.freeze({
  ...DEFAULT_PACING,
  global: { requests: 200, perMs: 1_000 },
  snapshot: { requests: 100, perMs: 1_000 },
  liveOrders: { requests: 100, perMs: 1_000 },
  trades: { requests: 100, perMs: 1_000 },
  portfolioAccounts: { requests: 100, perMs: 1_000 },
  tickle: { requests: 100, perMs: 1_000 },
  scannerRun: { requests: 100, perMs: 1_000 },
  backoffBaseMs: 10,
  backoffMaxMs: 100,
});

/**
 * Client Portal settings for a loopback simulator: certificate checks skipped (the host is loopback), the
 * simulator's market-order question allowed, and pacing, keep-alive and polling fast enough for tests.
 */
export function configFor(
  sim: Pick<GatewaySimulator, 'url'>,
  overrides: Partial<ClientPortalConfig> = {},
): ClientPortalConfig {
  return {
    ...CLIENTPORTAL_DEFAULTS,
    baseUrl: sim.url,
    allowLive: false,
    insecureTls: true,
    confirmQuestionIds: [...CLIENTPORTAL_DEFAULTS.confirmQuestionIds, MARKET_ORDER_QUESTION_ID],
    timeouts: { connectMs: 2_000, headersMs: 5_000, bodyMs: 5_000 },
    tickleIntervalMs: 1_000,
    preflightDelayMs: 10,
    reauthPollIntervalMs: 10,
    pacing: FAST_PACING,
    ...overrides,
  };
}

export interface BrokerOverSimulator {
  readonly sim: GatewaySimulator;
  readonly broker: ClientPortalBroker;
  readonly notifier: RecordingNotifier;
  close(): Promise<void>;
}

/** A simulator and a ClientPortalBroker talking to it over real HTTPS (not yet connected). */
export async function brokerOverSimulator(
  simOptions: GatewaySimulatorOptions = {},
  overrides: Partial<ClientPortalConfig> = {},
  clock: Clock = new SystemClock(),
): Promise<BrokerOverSimulator> {
  const sim = await startGatewaySimulator({ tls: await testTls(), ...simOptions });
  const notifier = new RecordingNotifier();
  const broker = new ClientPortalBroker(configFor(sim, overrides), {
    clock,
    notifier,
    logger: pino({ level: 'silent' }),
  });
  return {
    sim,
    broker,
    notifier,
    close: async () => {
      await broker.close();
      await sim.close();
    },
  };
}
