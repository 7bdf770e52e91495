import { afterEach, describe, expect, it } from 'vitest';
import { clientPortalScannerSource } from '../../../../src/adapters/clientportal/scanner/clientportal-scanner.source.js';
import { ClientPortalScanner } from '../../../../src/adapters/clientportal/scanner/clientportal.scanner.js';
import { SystemClock } from '../../../../src/adapters/clock/system.clock.js';
import { CapturingLogger } from '../../../application/scan/capturing-logger.js';
import { brokerOverSimulator, type BrokerOverSimulator } from '../../gateway-sim/broker-over-simulator.js';
import { bar, flat, OPEN } from '../../gateway-sim/sim-client.js';
import { CompetingSessionSuspected } from '../../../../src/adapters/clientportal/scanner/competing-session-suspected.error.js';
import { FILTERS, TRADING_DAY } from './scanner-harness.js';

const open: BrokerOverSimulator[] = [];

afterEach(async () => {
  for (const setup of open.splice(0)) await setup.close();
});

/** A scanner sharing a ClientPortalBroker's connection to a simulator that has yesterday's closes and today's opens. */
async function scannerOverSimulator(): Promise<{ setup: BrokerOverSimulator; scanner: ClientPortalScanner }> {
  const setup = await brokerOverSimulator({ replayFrom: OPEN });
  open.push(setup);
  const { market } = setup.sim;
  for (const [symbol, close] of [
    ['BHP', '40.00'],
    ['CBA', '100.00'],
    ['PLS', '2.00'],
  ] as const) {
    market.publishBar(symbol, flat(0, close));
  }
  market.endOfDay();
  market.publishBar('BHP', bar(1440, '42.00', '44.00', '42.00', '44.00'));
  market.publishBar('CBA', bar(1440, '101.00', '101.00', '100.00', '101.00'));
  market.publishBar('PLS', bar(1440, '2.10', '2.40', '2.10', '2.40'));
  const log = new CapturingLogger();
  const source = clientPortalScannerSource(setup.broker.gatewayClient(), { clock: new SystemClock(), log });
  return { setup, scanner: new ClientPortalScanner(source, log) };
}

describe('ClientPortalScanner over the gateway simulator', () => {
  it("finds the morning's gaps through the broker's own gateway connection", async () => {
    const { scanner } = await scannerOverSimulator();

    const results = await scanner.scanGaps(TRADING_DAY, FILTERS);

    expect(results.map(({ symbol, gapPct }) => [symbol, gapPct])).toEqual([
      ['BHP', 5],
      ['PLS', 5],
      ['CBA', 1],
    ]);
    expect(results.every((result) => result.source === 'ibkr-scanner' && result.last === undefined)).toBe(true);
  });

  it('blames a probable competing session when another login takes the session over', async () => {
    const { setup, scanner } = await scannerOverSimulator();
    await scanner.scanGaps(TRADING_DAY, FILTERS);

    setup.sim.faults.competingSession();

    await expect(scanner.scanGaps(TRADING_DAY, FILTERS)).rejects.toBeInstanceOf(CompetingSessionSuspected);
  });
});
