import type { DrivenClock, OutsideWork } from '../../../application/replay/replay.ports.js';
import type { SyntheticMarketSpec } from '../../../adapters/synthetic/synthetic-market.spec.js';
import type { SimulatorMarket } from '../../../adapters/gateway-sim/market/simulator-market.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { DayRunner } from '../chaos-trader.js';
import type { WorkOutcome } from '../work-outcome.js';
import type { FromTradingProcess } from './messages.js';
import { TradingProcess, type ProcessExit } from './trading-process.js';

export interface ChildProcessTraderSetup {
  /** The SKIM_ variables and working directory Skim is built from in every process. */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly market: SyntheticMarketSpec;
  /** The simulator's market, moved to each instant before the trading process is. */
  readonly gateway: Pick<SimulatorMarket, 'advanceTo'>;
  /** Told after every clock move, to decide when to kill. */
  readonly clockMoved?: (at: EpochMs) => void;
}

/** Deaths in a row, with no answer in between, after which no new trading process is started. */
const DEATHS_BEFORE_GIVING_UP = 3;
const GAVE_UP: WorkOutcome = { failure: 'the trading process could not be kept running', repairs: [] };

/** The `day` or `reconcile` the trading process is working on, to ask a replacement for it again. */
interface WorkInProgress {
  readonly message: { readonly type: 'day' | 'reconcile' };
  readonly done: (outcome: WorkOutcome) => void;
}

/**
 * Skim trading in a child process, as the market replay sees it: the clock it moves (each move is passed on
 * and answered once the process has settled) and the outside work it waits for (an unanswered move). The
 * process can be killed at any moment; a new one is started on the spot at the same instant, and if a day
 * was in progress it trades the rest of it, connecting and reconciling first as a restarted `skim run` does.
 * A process that dies on its own is restarted the same way and its death reported; after three deaths in a
 * row it is given up.
 */
export class ChildProcessTrader implements DrivenClock, OutsideWork, DayRunner {
  readonly clock: DrivenClock = this;
  /** Unhandled rejections and unexpected exits of the trading processes. */
  readonly failures: string[] = [];
  private restartCount = 0;
  private process: TradingProcess;
  private current: EpochMs;
  private wakeUp: EpochMs | undefined;
  private unanswered = 0;
  private changes = 0;
  private waiting: (() => void)[] = [];
  private work: WorkInProgress | undefined;
  private restarting = false;
  private deathsInARow = 0;
  private gaveUp = false;

  constructor(
    private readonly setup: ChildProcessTraderSetup,
    now: EpochMs,
  ) {
    this.current = now;
    this.process = this.spawn();
  }

  /** Processes killed on purpose and started again. */
  get restarts(): number {
    return this.restartCount;
  }

  now(): EpochMs {
    return this.current;
  }

  set(at: EpochMs): void {
    this.setup.gateway.advanceTo(at);
    this.current = at;
    this.expectAnswer();
    this.process.send({ type: 'clock', at });
    this.setup.clockMoved?.(at);
  }

  nextWakeUp(): EpochMs | undefined {
    return this.wakeUp;
  }

  inFlight(): number {
    return this.unanswered;
  }

  activity(): number {
    return this.changes;
  }

  idle(): Promise<void> {
    if (this.unanswered === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  tradeDay(): Promise<WorkOutcome> {
    return new Promise((resolve) => {
      this.begin({ type: 'day' }, resolve);
    });
  }

  reconcile(): Promise<WorkOutcome> {
    return new Promise((resolve) => {
      this.begin({ type: 'reconcile' }, resolve);
    });
  }

  /** Kills the trading process with SIGKILL and starts another in its place; never rejects. */
  async killAndRestart(): Promise<void> {
    if (this.restarting) return;
    this.restarting = true;
    try {
      await this.process.kill();
      this.restartCount += 1;
      this.replaceProcess();
    } catch (error) {
      this.failures.push(`the trading process could not be restarted: ${String(error)}`);
    } finally {
      this.restarting = false;
    }
  }

  /** Lets the trading process close Skim and exit. */
  async stop(): Promise<void> {
    this.restarting = true;
    const exit = await this.process.stop();
    if (exit.code !== 0 && !this.gaveUp) this.failures.push(describeExit('stopped', exit));
  }

  private spawn(): TradingProcess {
    const child: TradingProcess = new TradingProcess((message) => {
      if (child === this.process) this.hear(message);
    });
    void child.exited.then((exit) => {
      if (child === this.process && !this.restarting) this.diedOnItsOwn(exit);
    });
    const { env, cwd, market } = this.setup;
    child.send({ type: 'start', env, cwd, market, now: this.current });
    return child;
  }

  private begin(message: WorkInProgress['message'], done: (outcome: WorkOutcome) => void): void {
    if (this.gaveUp) {
      done(GAVE_UP);
      return;
    }
    this.work = {
      message,
      done: (outcome) => {
        this.work = undefined;
        done(outcome);
      },
    };
    this.expectAnswer();
    this.process.send(message);
  }

  private diedOnItsOwn(exit: ProcessExit): void {
    this.failures.push(describeExit('died', exit));
    this.deathsInARow += 1;
    if (this.deathsInARow < DEATHS_BEFORE_GIVING_UP) {
      this.replaceProcess();
      return;
    }
    // Starting it again would only loop: the day's work is given up and the replay goes on without it.
    this.gaveUp = true;
    this.failures.push(`the trading process died ${this.deathsInARow} times in a row and was not started again`);
    this.unanswered = 0;
    this.wakeUp = undefined;
    this.work?.done(GAVE_UP);
    this.answered();
  }

  /** A new process at the current instant; what the old one was asked and never answered is forgotten. */
  private replaceProcess(): void {
    this.process = this.spawn();
    this.unanswered = 0;
    this.wakeUp = undefined;
    if (this.work === undefined) {
      this.answered();
      return;
    }
    this.expectAnswer();
    this.process.send(this.work.message);
  }

  private hear(message: FromTradingProcess): void {
    switch (message.type) {
      case 'settled':
        this.deathsInARow = 0;
        this.wakeUp = message.nextWakeUp;
        this.unanswered = Math.max(0, this.unanswered - 1);
        this.answered();
        return;
      case 'done':
        this.work?.done(message.outcome);
        return;
      case 'unhandled-rejection':
        this.failures.push(`unhandled rejection in the trading process: ${message.reason}`);
        return;
    }
  }

  private expectAnswer(): void {
    if (this.gaveUp) return;
    this.unanswered += 1;
    this.changes += 1;
  }

  private answered(): void {
    this.changes += 1;
    if (this.unanswered > 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }
}

function describeExit(what: string, exit: ProcessExit): string {
  const how = exit.signal === null ? `code ${String(exit.code)}` : exit.signal;
  const stderr = exit.stderr.trim();
  return `the trading process ${what} with ${how}${stderr === '' ? '' : `: ${stderr}`}`;
}
