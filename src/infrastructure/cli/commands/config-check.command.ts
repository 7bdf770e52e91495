import type { Command } from 'commander';
import { ConfigError } from '../../config/config-error.js';
import { describeConfig, type ConfigView, type ConfigViewValue } from '../../config/config-view.js';
import { loadConfig, type LoadedConfig } from '../../config/load-config.js';
import { configEnvironment, printJson, printWarnings, type CliContext, type JsonOption } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { commandGroup, type RegisterCommand } from './command-group.js';

export const registerConfigCheck: RegisterCommand = (program, context) => {
  commandGroup(program, 'config', 'inspect the configuration')
    .command('check')
    .description('validate the configuration and print the effective settings (secrets hidden), or every problem')
    .option('--json', 'print the result as JSON')
    .action((options: JsonOption, command: Command) => {
      context.exitCode = checkConfig(context, command, options.json === true);
    });
};

function checkConfig(context: CliContext, command: Command, json: boolean): ExitCode {
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig({ env: configEnvironment(context, command), cwd: context.cwd });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (json) printJson(context, { valid: false, problems: error.problems, warnings: error.warnings });
    else printInvalid(context, error);
    return ExitCode.Usage;
  }
  const view = describeConfig(loaded.config);
  if (json) {
    printJson(context, { valid: true, file: loaded.file ?? null, config: view, warnings: loaded.warnings });
  } else {
    printValid(context, loaded, view);
  }
  return ExitCode.Ok;
}

function printInvalid(context: CliContext, error: ConfigError): void {
  context.stderr.write(`${error.message}\n`);
  printWarnings(context, error.warnings);
}

function printValid(context: CliContext, loaded: LoadedConfig, view: ConfigView): void {
  const file = loaded.file === undefined ? 'no config file' : `file ${loaded.file}`;
  context.stdout.write(`configuration is valid (profile ${loaded.config.profile}, ${file})\n`);
  for (const [key, value] of settingLines(view)) context.stdout.write(`  ${key} = ${value}\n`);
  printWarnings(context, loaded.warnings);
}

/** One "path = value" pair per setting, in the order of the config file's shape. */
function* settingLines(view: ConfigView, prefix = ''): Generator<[string, string]> {
  for (const [key, value] of Object.entries(view)) {
    yield* settingLine(`${prefix}${key}`, value);
  }
}

function* settingLine(path: string, value: ConfigViewValue): Generator<[string, string]> {
  if (value === undefined || value === null) yield [path, '(not set)'];
  else if (typeof value !== 'object') yield [path, String(value)];
  else if (isList(value)) yield* listLines(path, value);
  else yield* settingLines(value, `${path}.`);
}

const isList = (value: object): value is readonly (string | ConfigView)[] => Array.isArray(value);

function* listLines(path: string, items: readonly (string | ConfigView)[]): Generator<[string, string]> {
  if (items.every((item) => typeof item === 'string')) {
    yield [path, items.length === 0 ? '(none)' : items.join(', ')];
    return;
  }
  for (const [i, item] of items.entries()) yield* settingLine(`${path}[${i}]`, item);
}
