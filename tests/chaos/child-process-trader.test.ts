import { describe, expect, it } from 'vitest';
import { TradingCalendar } from '../../src/domain/market/trading-calendar.js';
import { chaosMarket } from '../../src/infrastructure/chaos/chaos-market.js';
import { ChildProcessTrader } from '../../src/infrastructure/chaos/trading-process/child-process-trader.js';
import { useTempDir } from '../infrastructure/temp-dir.js';

const workDir = useTempDir('child-trader');

describe('ChildProcessTrader', () => {
  it('reports a trading process that dies on its own, and gives up after three deaths in a row', async () => {
    const market = chaosMarket(1, 1, new TradingCalendar());
    const trader = new ChildProcessTrader(
      {
        // A configuration the trading process cannot start with: it dies as soon as it is told to start.
        env: { SKIM_PROFILE: 'production', SKIM_DB_PATH: `${workDir()}/skim.db` },
        cwd: workDir(),
        market: market.spec,
        gateway: { advanceTo: () => undefined },
      },
      Date.UTC(2025, 1, 2, 20, 0),
    );

    const outcome = await trader.tradeDay();
    await trader.stop();

    expect(outcome).toEqual({ failure: 'the trading process could not be kept running', repairs: [] });
    expect(trader.failures).toHaveLength(4);
    for (const death of trader.failures.slice(0, 3)) {
      expect(death).toMatch(/^the trading process died with code 1: .*SKIM_PROFILE/s);
    }
    expect(trader.failures[3]).toBe('the trading process died 3 times in a row and was not started again');
    expect(trader.inFlight()).toBe(0);
    expect(trader.restarts).toBe(0);
  }, 30_000);
});
