import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/** Adds one command (or a few related ones) to the program. Each command file exports one of these. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/**
 * The parent of a family of commands (`skim config ...`, `skim db ...`), created by whichever of its
 * commands registers first, so command files stay independent of each other.
 */
export function commandGroup(program: Command, name: string, description: string): Command {
  return program.commands.find((command) => command.name() === name) ?? program.command(name).description(description);
}
