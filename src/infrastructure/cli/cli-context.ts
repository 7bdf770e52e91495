import type { Command } from 'commander';
import { formatProblem } from '../config/config-error.js';
import { CONFIG_FILE_VARIABLE } from '../config/env-variables.js';
import { loadConfig, type Environment, type LoadedConfig } from '../config/load-config.js';
import { ExitCode } from './exit-codes.js';

export interface OutputStream {
  write(text: string): unknown;
}

/** The outside world as the CLI sees it; tests pass their own. */
export interface CliIo {
  readonly env: Environment;
  readonly cwd: string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

export interface CliContext extends CliIo {
  /** Set by a command that finishes without throwing but should not exit with 0. */
  exitCode: ExitCode;
}

export const createCliContext = (io: CliIo): CliContext => ({ ...io, exitCode: ExitCode.Ok });

/** The `--json` switch of commands that can print machine-readable results. */
export interface JsonOption {
  readonly json?: boolean;
}

export interface GlobalOptions {
  readonly verbose?: boolean;
  readonly config?: string;
}

export const globalOptions = (command: Command): GlobalOptions => command.optsWithGlobals<GlobalOptions>();

/** The environment the configuration is read from, with `--config` standing in for SKIM_CONFIG_FILE. */
export function configEnvironment(context: CliContext, command: Command): Environment {
  const file = globalOptions(command).config;
  return file === undefined ? context.env : { ...context.env, [CONFIG_FILE_VARIABLE]: file };
}

/** Loads the configuration for a command, printing its warnings; throws ConfigError when it is invalid. */
export function loadCommandConfig(context: CliContext, command: Command): LoadedConfig {
  const loaded = loadConfig({ env: configEnvironment(context, command), cwd: context.cwd });
  printWarnings(context, loaded.warnings);
  return loaded;
}

export function printWarnings(context: CliContext, warnings: LoadedConfig['warnings']): void {
  for (const warning of warnings) context.stderr.write(`warning: ${formatProblem(warning)}\n`);
}

export const printJson = (context: CliContext, value: unknown): void => {
  context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};
