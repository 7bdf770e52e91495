import type { Command } from 'commander';
import { ManualClock } from '../../../adapters/clock/manual.clock.js';
import type { ScanRow, ScanSummary } from '../../../application/scan/scan-summary.js';
import { sydneyParts } from '../../../domain/market/sydney-time.js';
import { formatPrice } from '../../../domain/values/price.js';
import { USE_CASES } from '../../container/use-case.bindings.js';
import { resolve } from '../../container/token.js';
import { printJson, type CliContext, type JsonOption } from '../cli-context.js';
import { withServices } from '../command-container.js';
import { ExitCode } from '../exit-codes.js';
import { formatTable } from '../format/table.js';
import type { RegisterCommand } from './command-group.js';
import { scanMoment } from './scan-moment.js';

interface ScanOptions extends JsonOption {
  readonly date?: string;
  readonly at?: string;
}

export const registerScan: RegisterCommand = (program, context) => {
  program
    .command('scan')
    .description('find stocks gapping up with a price-sensitive ASX announcement and store them as candidates')
    .option('--date <YYYY-MM-DD>', 'trading day to scan (default: today, or the replay folder named YYYY-MM-DD)')
    .option('--at <HH:MM>', 'Sydney time a past day is scanned at (default 09:55)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: ScanOptions, command: Command) => {
      context.exitCode = await scan(context, command, options);
    });
};

async function scan(context: CliContext, command: Command, options: ScanOptions): Promise<ExitCode> {
  const now = Date.now();
  return withServices(
    context,
    command,
    async ({ config, container }) => {
      const { tradingDate } = scanMoment(now, options, config.replayDir);
      const summary = await resolve(container, USE_CASES.Scan).run(tradingDate);
      if (options.json === true) printJson(context, summary);
      else printSummary(context, summary);
      return scanFailed(summary) ? ExitCode.Failure : ExitCode.Ok;
    },
    (config) => {
      const { at } = scanMoment(now, options, config.replayDir);
      return at === undefined ? {} : { clock: new ManualClock(at) };
    },
  );
}

/** No gap source answered, or the announcements that are required could not be read. */
function scanFailed(summary: ScanSummary): boolean {
  return summary.gapSource === undefined || summary.notes.some((note) => note.includes('no candidate created'));
}

function printSummary(context: CliContext, summary: ScanSummary): void {
  const out = (line: string): void => {
    context.stdout.write(`${line}\n`);
  };
  out(`scan of ${summary.tradingDate} (gaps from ${summary.gapSource ?? 'no source'})`);
  const rows = [
    ...summary.created.map((row) => ({ row, state: 'new' })),
    ...summary.alreadyKnown.map((row) => ({ row, state: 'known' })),
  ];
  if (rows.length === 0) out('no candidates');
  else
    out(
      formatTable(rows, [
        { header: 'symbol', value: ({ row }) => row.symbol },
        { header: 'gap %', value: ({ row }) => row.gapPct.toFixed(2), align: 'right' },
        {
          header: 'price',
          value: ({ row }) => (row.price === undefined ? '-' : formatPrice(row.price)),
          align: 'right',
        },
        { header: 'announced', value: ({ row }) => announcedAt(row) },
        { header: 'headline', value: ({ row }) => row.headline ?? '-' },
        { header: 'state', value: ({ state }) => state },
      ]),
    );
  for (const skipped of summary.skipped)
    out(`skipped ${skipped.symbol} (gap ${skipped.gapPct.toFixed(2)}%): ${skipped.reason}`);
  for (const failure of summary.failures) out(`source ${failure.source} failed: ${failure.problem}`);
  for (const note of summary.notes) out(`note: ${note}`);
}

function announcedAt(row: ScanRow): string {
  if (row.announcementAt === undefined) return '-';
  const { date, hour, minute } = sydneyParts(row.announcementAt);
  return `${date.slice(5)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
