import { Command } from 'commander';
import type { CliContext } from './cli-context.js';
import { COMMANDS } from './commands/index.js';
import { packageVersion } from './package-version.js';

/** The `skim` command tree. Errors surface as exceptions (exitOverride) so that runCli decides the exit. */
export function buildProgram(context: CliContext): Command {
  const program = new Command('skim')
    .description('Automated ASX gap-and-breakout trading through the IBKR Client Portal gateway')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('-c, --config <file>', 'JSON settings file (default: ./skim.config.json, or SKIM_CONFIG_FILE)')
    .option('--verbose', 'print stack traces with errors')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError();
  for (const register of COMMANDS) register(program, context);
  return program;
}
