import { buildProgram } from './program.js';
import { createCliContext, type CliIo } from './cli-context.js';
import { describeFailure, exitCodeFor } from './error-report.js';
import type { ExitCode } from './exit-codes.js';

const DEBUG_LEVELS = new Set(['debug', 'trace']);

/** Runs one `skim` invocation (argv as in process.argv) and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const context = createCliContext(io);
  try {
    await buildProgram(context).parseAsync(argv, { from: 'node' });
    return context.exitCode;
  } catch (error) {
    const message = describeFailure(error, wantsDetail(argv, io));
    if (message !== '') io.stderr.write(`${message}\n`);
    return exitCodeFor(error);
  }
}

/** Read from argv and env directly: the failure may have come before commander parsed the options. */
function wantsDetail(argv: readonly string[], io: CliIo): boolean {
  return argv.includes('--verbose') || DEBUG_LEVELS.has(io.env.SKIM_LOG_LEVEL ?? '');
}
