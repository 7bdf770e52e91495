import { InvalidValue } from '../../src/domain/errors/invalid-value.error.js';
import type { Bar } from '../../src/domain/market/bar.js';
import { brokerOverSimulator } from '../adapters/gateway-sim/broker-over-simulator.js';
import { describeBrokerContract, type BrokerHarness } from './broker.contract.js';

/** The simulator replays the contract's Tuesday from 09:00 Sydney; its bars move the clock on. */
const REPLAY_FROM = Date.UTC(2025, 0, 13, 22, 0);

/**
 * The Client Portal adapter, connected over real HTTPS to the loopback gateway simulator, held to the same
 * Broker contract as the simulated exchange.
 */
async function clientPortalHarness(): Promise<BrokerHarness> {
  const setup = await brokerOverSimulator({ replayFrom: REPLAY_FROM, accountId: 'DU7654321' });
  try {
    await setup.broker.connect();
  } catch (error) {
    await setup.close();
    throw error;
  }
  const { sim } = setup;
  return {
    broker: setup.broker,
    market: {
      publishBar(symbol: string, bar: Bar): Promise<void> {
        if (sim.exchange.instruments().every((listed) => listed.symbol !== symbol)) {
          return Promise.reject(new InvalidValue('contract symbol', symbol, 'not listed by the simulator'));
        }
        sim.market.publishBar(symbol, bar);
        return Promise.resolve();
      },
      endOfDay(): Promise<void> {
        sim.market.endOfDay();
        return Promise.resolve();
      },
    },
    close: () => setup.close(),
  };
}

describeBrokerContract('ClientPortalBroker over HTTPS to the gateway simulator', clientPortalHarness);
