import type { RunSetup, TradingOutcome } from '../chaos-run.js';
import type { ScheduledRestart } from '../chaos-scenario.js';
import {
  joinDaysTraded,
  reconcileNextMorning,
  replayDays,
  type DaysToTrade,
  type DaysTraded,
} from '../chaos-trader.js';
import { momentOf } from '../fault-injector.js';
import { ChildProcessTrader } from './child-process-trader.js';
import { RestartTrigger } from './restart-trigger.js';

const NOTHING_TRADED: DaysTraded = { dayErrors: [], repairs: [] };

/**
 * Trades a run whose trading process is killed: the restart's day in a child process that is killed with
 * SIGKILL at the scenario's kill point and replaced by a new one, which reconciles with the broker before it
 * trades on (TradingDay's first step). The days before and after it are traded in this process by a Skim of
 * their own on the same database, as `skim run` stopped and started overnight; a child process costs several
 * times as much to drive, since each move of the clock is a message and an answer.
 */
export async function tradeAroundRestart(
  run: RunSetup,
  restart: ScheduledRestart,
  inThisProcess: (days: DaysToTrade) => Promise<DaysTraded>,
): Promise<TradingOutcome> {
  const days = run.market.tradingDays;
  const restartDay = days[restart.day];
  if (restartDay === undefined)
    throw new RangeError(`the restart is on day ${restart.day} of a ${days.length}-day run`);
  const before = days.slice(0, restart.day);
  const after = days.slice(restart.day + 1);

  const earlier = before.length > 0 ? await inThisProcess({ days: before, last: false }) : NOTHING_TRADED;
  const killed = await tradeInChildProcesses(run, restart, { days: [restartDay], last: after.length === 0 });
  const later = after.length > 0 ? await inThisProcess({ days: after, last: true }) : NOTHING_TRADED;
  return {
    ...joinDaysTraded(joinDaysTraded(earlier, killed), later),
    failures: killed.failures,
    restarts: killed.restarts,
  };
}

async function tradeInChildProcesses(
  run: RunSetup,
  restart: ScheduledRestart,
  { days, last }: DaysToTrade,
): Promise<TradingOutcome> {
  const { simulator, market } = run;
  const trigger = new RestartTrigger(
    restart,
    momentOf(market.tradingDays, restart.day, restart.minuteOfDay),
    simulator,
    { inFlight: () => trader.inFlight(), killAndRestart: () => trader.killAndRestart() },
  );
  const trader = new ChildProcessTrader(
    {
      env: run.env,
      cwd: run.workDir,
      market: market.spec,
      gateway: simulator.market,
      clockMoved: (at) => {
        trigger.clockMoved(at);
      },
    },
    simulator.now(),
  );
  let traded: DaysTraded;
  try {
    traded = await replayDays(
      trader,
      { simulator, market: run.syntheticMarket, outsideWork: trader, listener: run.watch },
      days,
    );
    trigger.dispose();
    const lastDay = days.at(-1);
    if (last && lastDay !== undefined) {
      const morning = await reconcileNextMorning(trader, { simulator, outsideWork: trader }, lastDay);
      traded = joinDaysTraded(traded, { dayErrors: [], repairs: morning.repairs });
    }
  } finally {
    trigger.dispose();
    await trader.stop();
  }
  return { ...traded, failures: [...trader.failures], restarts: trader.restarts };
}
