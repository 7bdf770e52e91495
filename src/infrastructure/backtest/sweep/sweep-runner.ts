import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SkimConfig } from '../../config/skim-config.js';
import type { BacktestSpec } from '../backtest-spec.js';
import { SweepRunFailed } from './sweep-failed.error.js';
import type { SweepPoint } from './sweep-grid.js';
import type { SweepReply, SweepRequest } from './sweep-messages.js';
import type { SweepRunResult } from './sweep-result.js';

/**
 * A worker running this sweep's worker module. From dist/ that is the compiled .js file. From source (under
 * tsx, as `npm run skim` runs) it is the .ts file, which the worker can only load once tsx's loader is
 * registered in that thread too: Node 20 does not carry the parent's loader hooks into workers.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./sweep-worker.js', import.meta.url));
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./sweep-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

export interface SweepOptions {
  /** Worker threads to use; default one per core. Never more than there are runs. */
  readonly workers?: number;
  /** Told after each finished run. */
  readonly onRunDone?: (done: number, total: number) => void;
}

/**
 * Runs the base spec once per grid point on worker threads, each worker taking the next run as soon as it is
 * free. Results come back in grid order; the first failure stops the sweep.
 */
export async function runSweep(
  config: SkimConfig,
  base: BacktestSpec,
  points: readonly SweepPoint[],
  options: SweepOptions = {},
): Promise<SweepRunResult[]> {
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), points.length));
  const workers = Array.from({ length: count }, startWorker);
  const results: SweepRunResult[] = [];
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker): void => {
        if (next >= points.length) {
          if (results.length === points.length) resolve();
          return;
        }
        const index = next++;
        const request: SweepRequest = {
          index,
          config,
          spec: { ...base, strategy: { ...base.strategy, ...points[index] } },
        };
        worker.postMessage(request);
      };
      for (const worker of workers) {
        worker.on('message', (reply: SweepReply) => {
          if (reply.kind === 'failed') {
            reject(new SweepRunFailed(reply.index, points[reply.index], reply.message));
            return;
          }
          results.push(reply.result);
          options.onRunDone?.(results.length, points.length);
          feed(worker);
        });
        worker.on('error', reject);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.sort((a, b) => a.index - b.index);
}
