import type { RunSetup, TradingOutcome } from '../chaos-run.js';
import { reconcileNextMorning, replayDays, type DaysTraded } from '../chaos-trader.js';
import { momentOf } from '../fault-injector.js';
import { ChildProcessTrader } from './child-process-trader.js';
import { RestartTrigger } from './restart-trigger.js';

/**
 * Trades a run's days in a child process that is killed with SIGKILL at the scenario's restart point and
 * replaced by a new one, which reconciles with the broker before it trades on (TradingDay's first step).
 */
export async function tradeInChildProcesses(run: RunSetup): Promise<TradingOutcome> {
  const { scenario, simulator, market } = run;
  const restart = scenario.restart;
  let trigger: RestartTrigger | undefined;
  const trader = new ChildProcessTrader(
    {
      env: run.env,
      cwd: run.workDir,
      market: market.spec,
      gateway: simulator.market,
      clockMoved: (at) => trigger?.clockMoved(at),
    },
    simulator.now(),
  );
  if (restart !== undefined) {
    trigger = new RestartTrigger(
      restart,
      momentOf(market.tradingDays, restart.day, restart.minuteOfDay),
      simulator,
      trader,
    );
  }
  let traded: DaysTraded;
  try {
    traded = await replayDays(
      trader,
      { simulator, market: run.syntheticMarket, outsideWork: trader, listener: run.watch },
      market.tradingDays,
    );
    trigger?.dispose();
    const lastDay = market.tradingDays.at(-1);
    if (lastDay !== undefined) {
      const morning = await reconcileNextMorning(trader, { simulator, outsideWork: trader }, lastDay);
      traded = { ...traded, repairs: [...traded.repairs, ...morning.repairs] };
    }
  } finally {
    trigger?.dispose();
    await trader.stop();
  }
  return { ...traded, failures: [...trader.failures], restarts: trader.restarts };
}
