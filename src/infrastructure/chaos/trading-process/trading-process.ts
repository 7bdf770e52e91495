import { fork, type ChildProcess } from 'node:child_process';
import type { FromTradingProcess, ToTradingProcess } from './messages.js';
import { tradingProcessEntry } from './trading-process-bundle.js';

/** How long a stopped process may take to close its database and exit before it is killed. */
const STOP_GRACE_MS = 10_000;
const STDERR_KEPT = 4_000;

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The end of what the process wrote to stderr. */
  readonly stderr: string;
}

/** The campaign's side of one trading process (trading-process.main.ts) and its IPC channel. */
export class TradingProcess {
  readonly exited: Promise<ProcessExit>;
  private readonly child: ChildProcess;
  private stderr = '';

  constructor(onMessage: (message: FromTradingProcess) => void) {
    this.child = fork(tradingProcessEntry(), [], {
      execArgv: ['--enable-source-maps'],
      env: environmentWithoutSkim(),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-STDERR_KEPT);
    });
    this.child.on('message', onMessage);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        resolve({ code, signal, stderr: this.stderr });
      });
    });
  }

  send(message: ToTradingProcess): void {
    if (this.child.connected) this.child.send(message);
  }

  /** Kills the process at once, as a power cut or the OOM killer would, and waits until it is gone. */
  async kill(): Promise<ProcessExit> {
    this.child.kill('SIGKILL');
    return this.exited;
  }

  /** Asks the process to close Skim and exit; kills it if it has not within the grace period. */
  async stop(): Promise<ProcessExit> {
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The trading process gets its configuration from the campaign, never from the SKIM_ variables of the shell. */
function environmentWithoutSkim(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^skim_/i.test(name)));
}
