import type { Command } from 'commander';
import { FileHaltSwitch } from '../../../adapters/halt/file-halt.switch.js';
import { haltFilePath } from '../../container/trading.bindings.js';
import { loadCommandConfig, type CliContext } from '../cli-context.js';
import type { RegisterCommand } from './command-group.js';

function haltSwitch(context: CliContext, command: Command): FileHaltSwitch {
  return new FileHaltSwitch(haltFilePath(loadCommandConfig(context, command).config));
}

export const registerHalt: RegisterCommand = (program, context) => {
  program
    .command('halt')
    .description('stop new entries now (a running `skim run` honours it at its next decision); exits carry on')
    .argument('[reason...]', 'why, shown in `skim status` and the logs')
    .action((reason: string[], _options: unknown, command: Command) => {
      const switchFile = haltSwitch(context, command);
      switchFile.halt(reason.length > 0 ? reason.join(' ') : `halted by operator at ${new Date().toISOString()}`);
      context.stdout.write(`new entries halted (${switchFile.path}); undo with: skim resume\n`);
    });
  program
    .command('resume')
    .description('allow new entries again after `skim halt`')
    .action((_options: unknown, command: Command) => {
      const switchFile = haltSwitch(context, command);
      const was = switchFile.resume();
      context.stdout.write(was ? 'new entries resumed\n' : 'entries were not halted\n');
    });
};
