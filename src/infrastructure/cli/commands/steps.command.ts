import type { Command } from 'commander';
import { resolve, type Token } from '../../container/token.js';
import { TOKENS } from '../../container/tokens.js';
import { TRADING } from '../../container/trading.bindings.js';
import { printJson, type CliContext } from '../cli-context.js';
import { withServices } from '../command-container.js';
import type { RegisterCommand } from './command-group.js';
import { describeSummary } from './day-report.js';

interface Step<R> {
  run(): Promise<R>;
}

/** One step of the trading day, run once from the command line: the same use case `skim run` calls. */
function registerStep<R>(
  name: string,
  description: string,
  useCase: Token<Step<R>>,
  describe: (result: R) => string = () => `${name}: done`,
): RegisterCommand {
  return (program, context) => {
    program
      .command(name)
      .description(description)
      .option('--json', 'print the result as JSON')
      .action(async (options: { json?: boolean }, command: Command) => {
        await runStep(context, command, useCase, options.json === true, describe);
      });
  };
}

async function runStep<R>(
  context: CliContext,
  command: Command,
  useCase: Token<Step<R>>,
  json: boolean,
  describe: (result: R) => string,
): Promise<void> {
  await withServices(context, command, async ({ container }) => {
    await resolve(container, TOKENS.Broker).connect();
    const result = await resolve(container, useCase).run();
    if (json) printJson(context, result ?? null);
    else context.stdout.write(`${describe(result)}\n`);
  });
}

export const registerTrack = registerStep(
  'track',
  "apply the gap rule at the open and build today's opening ranges",
  TRADING.Track,
  (result) => `track: ${JSON.stringify(result)}`,
);
export const registerExecute = registerStep(
  'execute',
  'place breakout entries for triggered candidates, through the risk rules',
  TRADING.Execute,
);
export const registerManage = registerStep(
  'manage',
  'sync fills, keep protective stops in place, run the day-3 half exit and the SMA trail',
  TRADING.Manage,
);
export const registerReconcile = registerStep(
  'reconcile',
  "compare the journal and positions with the broker's and repair local state (never resends an order)",
  TRADING.Reconcile,
  (result) => `reconcile: ${JSON.stringify(result)}`,
);
export const registerEndOfDay = registerStep(
  'end-of-day',
  'cancel unfilled entries, expire remaining candidates and print the day summary',
  TRADING.EndOfDay,
  describeSummary,
);
