import { parentPort } from 'node:worker_threads';
import { runBacktest } from '../run-backtest.js';
import type { SweepRequest, SweepReply } from './sweep-messages.js';

/** A sweep worker: runs the backtests it is sent, one at a time, and posts back what the ranking needs. */
const port = parentPort;
if (port === null) throw new Error('sweep-worker runs only as a worker thread');
port.on('message', (request: SweepRequest) => {
  runBacktest(request.config, request.spec).then(
    (outcome) => {
      const reply: SweepReply = {
        kind: 'done',
        result: {
          index: request.index,
          point: request.spec.strategy,
          metrics: outcome.results.metrics,
          applicationErrors: outcome.applicationErrors.count,
        },
      };
      port.postMessage(reply);
    },
    (error: unknown) => {
      const reply: SweepReply = {
        kind: 'failed',
        index: request.index,
        message: error instanceof Error ? error.message : String(error),
      };
      port.postMessage(reply);
    },
  );
});
