import { Command } from 'commander';
import { createCliContext } from '../../../../src/infrastructure/cli/cli-context.js';
import { registerBacktest } from '../../../../src/infrastructure/cli/commands/backtest.command.js';

/** `skim backtest` alone, run the way `npm run skim` runs the CLI (under tsx), for tests that need a real process. */
const context = createCliContext({
  env: { PATH: process.env.PATH },
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
const program = new Command('skim').exitOverride();
registerBacktest(program, context);
await program.parseAsync(process.argv, { from: 'node' });
