/**
 * A chaos run's trading process: Skim as `skim run` builds it, driven by the campaign over the IPC channel
 * (the market replay and the gateway simulator stay in the campaign's process), so that it can be killed
 * with SIGKILL at any moment and started again. Started by `TradingProcess`; see messages.ts.
 */
import { ManualClock } from '../../../adapters/clock/manual.clock.js';
import { SyntheticMarket } from '../../../adapters/synthetic/synthetic-market.js';
import { settled } from '../../../application/replay/settle.js';
import { sydneyDateOf } from '../../../domain/market/sydney-time.js';
import { TradingCalendar } from '../../../domain/market/trading-calendar.js';
import type { LocalDate } from '../../../domain/values/time.js';
import { loadConfig } from '../../config/load-config.js';
import { HttpRequestsInFlight } from '../../demo/http-requests-in-flight.js';
import { assembleChaosSkim, type ChaosSkim } from '../chaos-skim.js';
import type { WorkOutcome } from '../work-outcome.js';
import type { FromTradingProcess, ToTradingProcess } from './messages.js';

interface WorkTask {
  readonly date: LocalDate;
  finished: boolean;
  outcome?: WorkOutcome;
  told: boolean;
}

interface Running {
  readonly clock: ManualClock;
  readonly skim: ChaosSkim;
}

const requests = new HttpRequestsInFlight().start();
let running: Running | undefined;
let work: WorkTask | undefined;
let queue: Promise<void> = Promise.resolve();

function tell(message: FromTradingProcess): void {
  process.send?.(message);
}

process.on('unhandledRejection', (reason: unknown) => {
  tell({
    type: 'unhandled-rejection',
    reason: reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason),
  });
});

process.on('message', (message: ToTradingProcess) => {
  // One message at a time: a `day` may arrive while the clock move before it is still settling.
  queue = queue.then(() => handle(message)).catch(dieOf);
});

/** A trading process that cannot do what it is told is of no use: the campaign sees it exit and why. */
function dieOf(error: unknown): never {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}

async function handle(message: ToTradingProcess): Promise<void> {
  switch (message.type) {
    case 'start': {
      const clock = new ManualClock(message.now);
      const config = loadConfig({ env: message.env, cwd: message.cwd }).config;
      const market = new SyntheticMarket(message.market, new TradingCalendar());
      running = { clock, skim: await assembleChaosSkim(config, clock, market) };
      return;
    }
    case 'day': {
      const { skim } = started();
      work = startWork(() => skim.tradeToday());
      await settle();
      return;
    }
    case 'reconcile': {
      const { skim } = started();
      work = startWork(() => skim.reconcile());
      await settle();
      return;
    }
    case 'clock':
      started().clock.set(message.at);
      await settle();
      return;
    case 'stop':
      await running?.skim.dispose();
      requests.stop();
      process.disconnect();
      return;
  }
}

function started(): Running {
  if (running === undefined) throw new Error('the trading process was not started');
  return running;
}

/** Starts the work; its outcome is read at the next settle, so that it is told before that `settled`. */
function startWork(work: () => Promise<WorkOutcome>): WorkTask {
  const date = sydneyDateOf(started().clock.now());
  const task: WorkTask = { date, finished: false, told: false };
  work().then(
    (outcome) => {
      task.outcome = outcome;
      task.finished = true;
    },
    (error: unknown) => {
      task.outcome = {
        failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        repairs: [],
      };
      task.finished = true;
    },
  );
  return task;
}

async function settle(): Promise<void> {
  await settled(work ?? { finished: false }, requests);
  if (work?.finished === true && !work.told) {
    work.told = true;
    tell({ type: 'done', date: work.date, outcome: work.outcome ?? { repairs: [] } });
  }
  tell({ type: 'settled', nextWakeUp: started().clock.nextWakeUp() });
}
