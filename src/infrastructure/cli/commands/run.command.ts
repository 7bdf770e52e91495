import type { Command } from 'commander';
import { InterruptibleClock, ShutdownRequested } from '../../../adapters/clock/interruptible.clock.js';
import { SystemClock } from '../../../adapters/clock/system.clock.js';
import { TradingScheduler } from '../../../application/trading/trading-scheduler.js';
import { resolve } from '../../container/token.js';
import { TOKENS } from '../../container/tokens.js';
import { TRADING } from '../../container/trading.bindings.js';
import type { CliContext } from '../cli-context.js';
import { withServices } from '../command-container.js';
import type { RegisterCommand } from './command-group.js';
import { describeDay } from './day-report.js';

export const registerRun: RegisterCommand = (program, context) => {
  program
    .command('run')
    .description('trade every ASX trading day until stopped (SIGINT/SIGTERM finish the step in flight, then exit)')
    .action(async (_options: unknown, command: Command) => {
      await run(context, command);
    });
};

async function run(context: CliContext, command: Command): Promise<void> {
  const clock = new InterruptibleClock(new SystemClock());
  const stop = (): void => {
    context.stderr.write('skim: stopping after the step in flight\n');
    clock.requestShutdown();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await withServices(
      context,
      command,
      async ({ container }) => {
        const day = resolve(container, TRADING.Day);
        const broker = resolve(container, TOKENS.Broker);
        const scheduler = new TradingScheduler(
          resolve(container, TOKENS.Calendar),
          clock,
          resolve(container, TOKENS.Logger),
        );
        await scheduler.run({
          connect: () => broker.connect(),
          runDay: () => day.run(),
          onDay: (result) => context.stdout.write(`${describeDay(result)}\n`),
          stopping: () => clock.isStopping,
        });
      },
      () => ({ clock, marketData: 'stream' }),
    );
  } catch (error) {
    if (!(error instanceof ShutdownRequested)) throw error;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
