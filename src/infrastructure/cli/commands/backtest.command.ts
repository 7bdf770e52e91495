import { resolve } from 'node:path';
import type { Command } from 'commander';
import { specFromOptions, type BacktestCliOptions } from '../../backtest/backtest-cli-options.js';
import { ProgressLine, type ProgressStream } from '../../backtest/progress-line.js';
import { writeReportFolder } from '../../backtest/report-folder.js';
import { runBacktest, type BacktestOutcome } from '../../backtest/run-backtest.js';
import { summaryTable } from '../../backtest/summary-table.js';
import { parseSweep, sweepGrid } from '../../backtest/sweep/sweep-grid.js';
import { rankRuns } from '../../backtest/sweep/sweep-result.js';
import { runSweep } from '../../backtest/sweep/sweep-runner.js';
import { sweepTable } from '../../backtest/sweep/sweep-table.js';
import type { SkimConfig } from '../../config/skim-config.js';
import { loadCommandConfig, printJson, type CliContext } from '../cli-context.js';
import type { RegisterCommand } from './command-group.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const registerBacktest: RegisterCommand = (program, context) => {
  program
    .command('backtest')
    .description(
      'replay history or a synthetic market through the live trading day on the simulated exchange and score ' +
        'it (the ASX calendar data covers 2023-2027)',
    )
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--data <dir>', 'bar store directory (see the bar import)')
    .option('--synthetic', 'a seeded synthetic market instead of recorded bars')
    .option('--seed <n>', 'seed of the synthetic market', '7')
    .option('--symbols <n>', 'instruments in the synthetic market', '20')
    .option('--cash <dollars>', 'starting cash in AUD', '100000')
    .option('--slippage-bps <n>', 'slippage on market and stop fills, basis points')
    .option('--participation <share>', 'largest share of a minute bar one order may fill, 0 < x <= 1')
    .option('--every-instrument', 'replay every instrument minute by minute, not only those in play (slower)')
    .option('--report <dir>', 'write report.html, trades.csv and equity.csv there')
    .option('--json', 'print machine-readable results')
    .option(
      '--sweep <key=v1,v2>',
      'run a grid (repeatable); keys: gap, orMinutes, positionDollars, maxStopPct, halfExitDay, smaDays, entryOrder',
      collect,
      [],
    )
    .action(async (options: BacktestCliOptions, command: Command) => {
      const { config } = loadCommandConfig(context, command);
      if (options.sweep.length > 0) await sweep(context, config, options);
      else await single(context, config, options);
    });
};

async function single(context: CliContext, config: SkimConfig, options: BacktestCliOptions): Promise<void> {
  const spec = specFromOptions(options);
  const progress = new ProgressLine(context.stderr);
  const outcome = await runBacktest(config, spec, (step) => {
    progress.update(step);
  });
  progress.finish();
  const written =
    options.report === undefined
      ? []
      : writeReportFolder(resolve(context.cwd, options.report), outcome, `Skim backtest ${spec.from} to ${spec.to}`);
  if (options.json === true) {
    printJson(context, jsonOutcome(outcome, written));
    return;
  }
  for (const note of outcome.notes) context.stdout.write(`note: ${note}\n`);
  context.stdout.write(`${summaryTable(outcome)}\n`);
  for (const message of outcome.applicationErrors.first) context.stdout.write(`application error: ${message}\n`);
  for (const path of written) context.stdout.write(`wrote ${path}\n`);
}

async function sweep(context: CliContext, config: SkimConfig, options: BacktestCliOptions): Promise<void> {
  const base = specFromOptions(options);
  const points = sweepGrid(options.sweep.map(parseSweep));
  const progress: ProgressStream = context.stderr;
  const results = await runSweep(config, base, points, {
    onRunDone: (done, total) => {
      if (progress.isTTY === true) progress.write(`\r\x1b[2Ksweep: ${done}/${total} runs done`);
    },
  });
  if (progress.isTTY === true) progress.write('\r\x1b[2K');
  const ranked = rankRuns(results);
  if (options.json === true) {
    printJson(context, { runs: ranked.map((run, rank) => ({ rank: rank + 1, ...run })) });
    return;
  }
  context.stdout.write(`${sweepTable(ranked)}\n`);
}

function jsonOutcome(outcome: BacktestOutcome, written: readonly string[]): unknown {
  const { run, results } = outcome;
  return {
    from: run.from,
    to: run.to,
    metrics: results.metrics,
    pnl: run.pnl,
    equity: run.equity,
    trades: results.trades,
    fills: run.fills.length,
    barsRead: run.barsRead,
    barsReplayed: run.barsReplayed,
    applicationErrors: outcome.applicationErrors,
    notes: outcome.notes,
    files: written,
  };
}
