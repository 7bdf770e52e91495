import type { Command } from 'commander';
import { runDemo } from '../../demo/demo-day.js';
import { loadCommandConfig } from '../cli-context.js';
import type { RegisterCommand } from './command-group.js';

export const registerDemo: RegisterCommand = (program, context) => {
  program
    .command('demo')
    .description(
      'trade a few simulated ASX days end to end: an in-process Client Portal gateway simulator, synthetic ' +
        'gappers and announcements, a replayed clock, and the database at SKIM_DB_PATH (an empty one)',
    )
    .action(async (_options: unknown, command: Command) => {
      const { config } = loadCommandConfig(context, command);
      await runDemo({ config, out: context.stdout });
    });
};
