import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createCliContext } from '../../../src/infrastructure/cli/cli-context.js';
import { registerBacktest } from '../../../src/infrastructure/cli/commands/backtest.command.js';

const SYNTHETIC_WEEK = ['--from', '2024-03-04', '--to', '2024-03-15', '--synthetic', '--seed', '7', '--symbols', '30'];

async function backtest(args: readonly string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const context = createCliContext({
    env: {},
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  const program = new Command('skim').exitOverride();
  registerBacktest(program, context);
  await program.parseAsync(['node', 'skim', 'backtest', ...args], { from: 'node' });
  return { stdout, stderr };
}

interface JsonRun {
  metrics: { netProfit: number; tradingDays: number; trades: number; openTrades: number };
  pnl: { reported: number; fromFills: number };
  equity: { date: string; equity: number }[];
  trades: unknown[];
  fills: number;
  files: string[];
}

describe('skim backtest', () => {
  it('writes the report folder and gives identical results when run twice', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'skim-bt-cli-'));
    const first = await backtest([...SYNTHETIC_WEEK, '--report', 'out', '--json'], cwd);
    const second = await backtest([...SYNTHETIC_WEEK, '--json'], cwd);

    const a = JSON.parse(first.stdout) as JsonRun;
    const b = JSON.parse(second.stdout) as JsonRun;
    expect(a.fills).toBeGreaterThan(0);
    expect({ ...a, files: [] }).toEqual({ ...b, files: [] });
    expect(a.pnl.fromFills).toBe(a.pnl.reported);
    expect(a.metrics.netProfit).toBe(a.pnl.reported);
    expect(a.metrics.tradingDays).toBe(10);
    // Not a terminal: no progress line.
    expect(first.stderr).toBe('');

    expect(a.files.map((path) => path.slice(cwd.length + 1)).sort()).toEqual([
      'out/equity.csv',
      'out/report.html',
      'out/trades.csv',
    ]);
    const equity = readFileSync(join(cwd, 'out/equity.csv'), 'utf8').trimEnd().split('\n');
    expect(equity[0]).toBe('date,equity');
    expect(equity.slice(1)).toEqual(a.equity.map((point) => `${point.date},${(point.equity / 1000).toFixed(2)}`));
    const trades = readFileSync(join(cwd, 'out/trades.csv'), 'utf8').trimEnd().split('\n');
    expect(trades[0]).toMatch(/^symbol,conid,status,/);
    expect(trades).toHaveLength(a.trades.length + 1);
    expect(readFileSync(join(cwd, 'out/report.html'), 'utf8')).toMatch(
      /^<!DOCTYPE html>[\s\S]*Skim backtest 2024-03-04 to 2024-03-15/,
    );
  });

  it('prints the metrics table without --json', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'skim-bt-cli-'));
    const { stdout } = await backtest([...SYNTHETIC_WEEK], cwd);
    expect(stdout).toMatch(/^Metric +Value$/m);
    expect(stdout).toMatch(/^Trading days +10$/m);
    expect(stdout).toMatch(/^Sharpe +/m);
  });

  it('refuses a run without a data source', async () => {
    await expect(backtest(['--from', '2024-03-04', '--to', '2024-03-08'], tmpdir())).rejects.toThrow(
      /--data <dir> or --synthetic/,
    );
  });
});

describe('skim backtest --sweep under tsx', () => {
  it('runs a 2x1 grid on worker threads and ranks the runs', async () => {
    const script = join(import.meta.dirname, 'support/backtest-cli.ts');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        script,
        'backtest',
        ...SYNTHETIC_WEEK,
        '--sweep',
        'gap=2,4',
        '--sweep',
        'orMinutes=5',
        '--json',
      ],
      { cwd: join(import.meta.dirname, '../../..'), timeout: 120_000 },
    );
    const { runs } = JSON.parse(stdout) as {
      runs: { rank: number; point: Record<string, unknown>; metrics: { sharpe: number | null; totalReturn: number } }[];
    };
    expect(runs.map((run) => run.rank)).toEqual([1, 2]);
    expect(runs.map((run) => run.point).sort((x, y) => Number(x.minGapPct) - Number(y.minGapPct))).toEqual([
      { minGapPct: 2, orMinutes: 5 },
      { minGapPct: 4, orMinutes: 5 },
    ]);
    const [best, next] = runs;
    expect((best?.metrics.sharpe ?? -Infinity) >= (next?.metrics.sharpe ?? -Infinity)).toBe(true);
  });
});
