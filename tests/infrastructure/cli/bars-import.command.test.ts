import { resolve as resolvePath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/infrastructure/cli/exit-codes.js';
import { runCli } from '../../../src/infrastructure/cli/run-cli.js';
import { useTempDir } from '../temp-dir.js';

const tempDir = useTempDir('cli-bars');
const fixture = (name: string): string => resolvePath('tests/fixtures/bars', name);

async function skim(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['node', 'skim', ...args], {
    env: { SKIM_LOG_LEVEL: 'silent' },
    cwd: tempDir(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('skim bars import', () => {
  it('imports good rows, skips bad ones and names file, line and field for each', async () => {
    const { code, stdout } = await skim([
      'bars',
      'import',
      fixture('skim-minute.csv'),
      fixture('bad-rows.csv'),
      '--store',
      'store',
    ]);
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toMatch(/^imported \d+ of \d+ rows from 2 file\(s\); skipped [1-9]\d*/);
    expect(stdout).toContain('bad-rows.csv:5: close: "abc": not a decimal number');
  });

  it('stops at the first bad row with --strict and stores nothing', async () => {
    const { code, stderr } = await skim([
      'bars',
      'import',
      fixture('bad-rows.csv'),
      '--store',
      'store',
      '--strict',
      '--json',
    ]);
    expect(code).not.toBe(ExitCode.Ok);
    expect(stderr).toMatch(/bad-rows\.csv:\d+: \w+: /);
    const again = await skim(['bars', 'import', fixture('skim-minute.csv'), '--store', 'store', '--json']);
    const report = JSON.parse(again.stdout) as { replaced: number };
    expect(report.replaced).toBe(0);
  });
});
