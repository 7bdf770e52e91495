import { pino } from 'pino';
import { afterEach } from 'vitest';
import { ClientPortalBroker } from '../../../../src/adapters/clientportal/clientportal.broker.js';
import {
  CLIENTPORTAL_DEFAULTS,
  type ClientPortalConfig,
} from '../../../../src/adapters/clientportal/clientportal.config.js';
import { connectToGateway, type GatewayClient } from '../../../../src/adapters/clientportal/gateway-client.js';
import { fixture } from './fixtures.js';
import { JumpingClock } from './jumping-clock.js';
import { GATEWAY_ORIGIN, MockGateway } from './mock-gateway.js';
import { RecordingNotifier } from './recording-notifier.js';

/** 2025-01-14 10:30 in Sydney (AEDT): a trading morning. */
export const TRADING_MORNING = Date.UTC(2025, 0, 13, 23, 30);

export const PAPER_ACCOUNT = 'DU1234567';

/** The questions these tests' gateway scripts confirm; production defaults live in CLIENTPORTAL_DEFAULTS. */
export const TEST_CONFIRM_IDS = ['o163', 'o451', 'o354'];

export function testConfig(overrides: Partial<ClientPortalConfig> = {}): ClientPortalConfig {
  return {
    ...CLIENTPORTAL_DEFAULTS,
    baseUrl: GATEWAY_ORIGIN,
    allowLive: false,
    insecureTls: true,
    confirmQuestionIds: TEST_CONFIRM_IDS,
    ...overrides,
  };
}

export const silentLogger = pino({ level: 'silent' });

export interface Harness {
  readonly gateway: MockGateway;
  readonly clock: JumpingClock;
  readonly notifier: RecordingNotifier;
  readonly broker: ClientPortalBroker;
}

function brokerHarness(overrides: Partial<ClientPortalConfig> = {}): Harness {
  const gateway = new MockGateway();
  const clock = new JumpingClock(TRADING_MORNING);
  const notifier = new RecordingNotifier();
  const broker = new ClientPortalBroker(testConfig(overrides), {
    dispatcher: gateway.agent,
    clock,
    notifier,
    logger: silentLogger,
    random: () => 0.5,
  });
  return { gateway, clock, notifier, broker };
}

export function clientHarness(overrides: Partial<ClientPortalConfig> = {}): {
  gateway: MockGateway;
  clock: JumpingClock;
  client: GatewayClient;
} {
  const gateway = new MockGateway();
  const clock = new JumpingClock(TRADING_MORNING);
  const { client } = connectToGateway(testConfig(overrides), {
    dispatcher: gateway.agent,
    clock,
    logger: silentLogger,
    random: () => 0.5,
  });
  return { gateway, clock, client };
}

/** Scripts the answers `connect()` needs for the single paper account. */
function scriptPaperLogin(gateway: MockGateway): void {
  gateway
    .ok('GET', '/iserver/auth/status', fixture('auth-status-authenticated'))
    .ok('GET', '/iserver/accounts', fixture('iserver-accounts-paper'))
    .ok('GET', '/portfolio/accounts', fixture('portfolio-accounts-paper'));
}

/**
 * Builds brokers for the tests of one file and closes each one (keep-alive and mock gateway) after its
 * test, so tests need no clean-up of their own.
 */
export function brokersPerTest(): {
  fresh: (overrides?: Partial<ClientPortalConfig>) => Harness;
  connected: (overrides?: Partial<ClientPortalConfig>) => Promise<Harness>;
} {
  const open: Harness[] = [];
  afterEach(async () => {
    for (const harness of open.splice(0)) {
      await harness.broker.close();
      await harness.gateway.close();
    }
  });
  const track = (harness: Harness): Harness => {
    open.push(harness);
    return harness;
  };
  return {
    fresh: (overrides) => track(brokerHarness(overrides)),
    connected: async (overrides) => {
      const harness = track(brokerHarness(overrides));
      scriptPaperLogin(harness.gateway);
      await harness.broker.connect();
      return harness;
    },
  };
}
