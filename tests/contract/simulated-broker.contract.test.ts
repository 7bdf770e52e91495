import { ManualClock } from '../../src/adapters/clock/manual.clock.js';
import { SimulatedExchange } from '../../src/adapters/simulated/simulated-exchange.js';
import { SimulatedBroker } from '../../src/adapters/simulated/simulated.broker.js';
import { IBKR_ASX_FIXED } from '../../src/domain/costs/commission.js';
import { InvalidValue } from '../../src/domain/errors/invalid-value.error.js';
import type { Bar } from '../../src/domain/market/bar.js';
import { asxSymbol, instrument } from '../../src/domain/values/instrument.js';
import { dollars } from '../../src/domain/values/money.js';
import { describeBrokerContract, type BrokerHarness } from './broker.contract.js';

function simulatedHarness(): Promise<BrokerHarness> {
  const exchange = new SimulatedExchange({
    seed: 7,
    commission: IBKR_ASX_FIXED,
    maxVolumeParticipation: 1,
    slippageBps: 0,
    startingCash: dollars(100_000),
    accountId: 'DU7654321',
    instruments: [instrument('BHP', 4_036_812), instrument('CBA', 4_036_818)],
  });
  const clock = new ManualClock(Date.UTC(2025, 0, 13, 22, 0));
  return Promise.resolve({
    broker: new SimulatedBroker(exchange, clock),
    market: {
      publishBar(symbol: string, bar: Bar): Promise<void> {
        const listed = exchange.findInstrument(asxSymbol(symbol));
        if (listed === undefined) {
          return Promise.reject(new InvalidValue('contract symbol', symbol, 'not listed by the harness'));
        }
        exchange.publishBar(listed, bar);
        clock.set(Math.max(clock.now(), bar.start + 60_000));
        return Promise.resolve();
      },
      endOfDay(): Promise<void> {
        exchange.endOfDay(clock.now());
        return Promise.resolve();
      },
    },
    close: () => Promise.resolve(),
  });
}

describeBrokerContract('SimulatedBroker', simulatedHarness);
