import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { BAR_FILE_FORMATS, type BarFileFormat } from '../../../adapters/bars/import/bar-file-format.js';
import { importBarFiles } from '../../../adapters/bars/import/bar-import.js';
import type { BarImportReport } from '../../../adapters/bars/import/import-tally.js';
import { BarStore } from '../../../adapters/bars/store/bar-store.js';
import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { printJson, type CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { commandGroup, type RegisterCommand } from './command-group.js';

interface ImportOptions {
  readonly store: string;
  readonly format?: string;
  readonly symbol?: string;
  readonly strict?: boolean;
  readonly json?: boolean;
}

export const registerBarsImport: RegisterCommand = (program, context) => {
  commandGroup(program, 'bars', 'historical bars for backtests')
    .command('import')
    .description(
      'import minute and daily bars from CSV or IBKR history JSON into a bar store (for skim backtest --data)',
    )
    .argument('<files...>', 'CSV or JSON files')
    .requiredOption('--store <dir>', 'bar store directory (created when missing)')
    .option('--format <format>', `force a layout: ${BAR_FILE_FORMATS.join(', ')} (default: detected)`)
    .option('--symbol <code>', 'instrument of IBKR history files that do not name it')
    .option('--strict', 'stop at the first bad row instead of skipping it')
    .option('--json', 'print the import report as JSON')
    .action(async (files: string[], options: ImportOptions, _command: Command) => {
      context.exitCode = await importBars(context, files, options);
    });
};

async function importBars(context: CliContext, files: readonly string[], options: ImportOptions): Promise<ExitCode> {
  const format = options.format === undefined ? undefined : parseFormat(options.format);
  const store = BarStore.open(resolvePath(context.cwd, options.store));
  const report = await importBarFiles(
    store,
    files.map((file) => resolvePath(context.cwd, file)),
    {
      strict: options.strict === true,
      ...(format === undefined ? {} : { format }),
      ...(options.symbol === undefined ? {} : { symbol: options.symbol }),
    },
  );
  if (options.json === true) printJson(context, report);
  else printReport(context, report);
  return report.imported === 0 ? ExitCode.Failure : ExitCode.Ok;
}

function parseFormat(text: string): BarFileFormat {
  const format = BAR_FILE_FORMATS.find((known) => known === text);
  if (format === undefined) throw new InvalidValue('--format', text, `expected one of ${BAR_FILE_FORMATS.join(', ')}`);
  return format;
}

function printReport(context: CliContext, report: BarImportReport): void {
  const out = (line: string): void => {
    context.stdout.write(`${line}\n`);
  };
  out(
    `imported ${report.imported} of ${report.rows} rows from ${report.files.length} file(s); skipped ${report.skipped}, rounded to a tick ${report.roundedBars}, replaced ${report.replaced}`,
  );
  for (const message of report.messages) out(`  ${message}`);
  if (report.unlistedMessages > 0) out(`  … and ${report.unlistedMessages} more skipped rows`);
}
