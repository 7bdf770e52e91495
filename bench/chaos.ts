/**
 * `npm run chaos`: the long randomised fault campaign. Skim's real TradingDay trades synthetic ASX days
 * against the gateway simulator while faults strike at random moments; every run is checked against the
 * invariants. Workers are child processes (one per core by default), each running fast-check batches.
 *
 *   npm run chaos                                   at least 1,000 runs and 1,000 trading days
 *   npm run chaos -- --runs-at-least 200 --days 200 --workers 1
 *   npm run chaos -- --restart-share 0.5            kills and restarts the trading process in half the runs
 *   npm run chaos -- --runs 1 --seed S --path P     replays the failing run a report names
 *   npm run chaos -- --whole-fills                  leaves out partial fills (volume caps)
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { selfSignedCertificate } from '../src/adapters/gateway-sim/http/certificate.js';
import { describeFailure, runCampaign, type CampaignReport } from '../src/infrastructure/chaos/chaos-campaign.js';
import { ALL_PARTICIPATIONS, type ScenarioShape } from '../src/infrastructure/chaos/chaos-scenario.arbitrary.js';
import { CampaignProgress } from '../src/infrastructure/chaos/campaign-progress.js';
import {
  runWorker,
  type WorkerMessage,
  type WorkerOrder,
  type WorkerReport,
} from '../src/infrastructure/chaos/chaos-worker.js';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '1000' },
    'runs-at-least': { type: 'string', default: '1000' },
    'restart-share': { type: 'string', default: '0.1' },
    workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
    seed: { type: 'string', default: String(Date.now() % 1_000_000_000) },
    runs: { type: 'string' },
    path: { type: 'string' },
    'whole-fills': { type: 'boolean', default: false },
    worker: { type: 'boolean', default: false },
  },
});

const shape: ScenarioShape = {
  maxDays: 3,
  maxFaults: 8,
  restartShare: Number(values['restart-share']),
  participations: values['whole-fills'] ? [1] : ALL_PARTICIPATIONS,
};

if (values.worker) {
  process.once('message', (order: WorkerOrder) => {
    const tell = (message: WorkerMessage, then: () => void = () => undefined): void => {
      process.send?.(message, then);
    };
    void runWorker(order, (batch) => {
      tell({ type: 'batch', batch });
    }).then((report) => {
      tell({ type: 'done', report }, () => process.exit(0));
    });
  });
} else if (values.runs !== undefined) {
  const tls = await selfSignedCertificate();
  const report = await runCampaign(
    { runs: Number(values.runs), seed: Number(values.seed), path: values.path, shape },
    { tls },
  );
  finish([report]);
} else {
  finish(
    await runWorkers(Number(values.days), Number(values['runs-at-least']), Number(values.workers), Number(values.seed)),
  );
}

async function runWorkers(days: number, runs: number, workers: number, seed: number): Promise<CampaignReport[]> {
  const self = fileURLToPath(import.meta.url);
  const progress = new CampaignProgress(runs);
  const reports = await Promise.all(
    Array.from({ length: workers }, (_, index) => {
      const order: WorkerOrder = {
        days: Math.ceil(days / workers),
        runs: Math.ceil(runs / workers),
        batchRuns: 25,
        campaignSeed: seed,
        worker: index,
        shape,
      };
      return new Promise<WorkerReport>((resolve, reject) => {
        const child = fork(self, ['--worker', ...process.argv.slice(2)], {
          execArgv: ['--import', 'tsx'],
        });
        child.on('message', (message: WorkerMessage) => {
          if (message.type === 'batch') progress.add(message.batch);
          else resolve(message.report);
        });
        child.once('exit', (code) => {
          if (code !== 0) reject(new Error(`chaos worker ${index} exited with ${code}`));
        });
        child.send(order);
      });
    }),
  );
  return reports.flatMap((report) => report.batches);
}

function finish(reports: readonly CampaignReport[]): void {
  const sum = (pick: (report: CampaignReport) => number): number =>
    reports.reduce((total, report) => total + pick(report), 0);
  const failures = reports.flatMap((report) => (report.failure === undefined ? [] : [report.failure]));
  const dayErrors = reports.flatMap((report) => report.dayErrors);
  console.log(
    `chaos: ${sum((r) => r.days)} trading days, ${sum((r) => r.orders)} orders, ${sum((r) => r.fills)} fills, ` +
      `${sum((r) => r.restarts)} trading processes killed (SIGKILL) and restarted`,
  );
  if (dayErrors.length > 0) {
    console.log(`chaos: ${dayErrors.length} trading days failed (skim run logs them and trades the next day):`);
    for (const line of dayErrors.slice(0, 10)) console.log(`  ${line}`);
  }
  for (const failure of failures) for (const line of describeFailure(failure, shape)) console.log(line);
  const violations = failures.reduce((total, failure) => total + failure.result.violations.length, 0);
  console.log(`chaos: ${sum((r) => r.runs)} runs, ${sum((r) => r.faults)} faults, ${violations} violations`);
  process.exitCode = violations === 0 ? 0 : 1;
}
