import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../../src/infrastructure/config/load-config.js';
import { ExitCode } from '../../../src/infrastructure/cli/exit-codes.js';
import { runCli } from '../../../src/infrastructure/cli/run-cli.js';
import { useTempDir } from '../temp-dir.js';

const tempDir = useTempDir('cli');

async function skim(args: string[], env: Environment = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['node', 'skim', ...args], {
    env,
    cwd: tempDir(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('runCli', () => {
  it('prints help for the program and for every command', async () => {
    for (const args of [['--help'], ['config', '--help'], ['config', 'check', '--help'], ['db', 'migrate', '--help']]) {
      const { code, stdout } = await skim(args);
      expect(code, args.join(' ')).toBe(ExitCode.Ok);
      expect(stdout).toContain('Usage: skim');
    }
  });

  it('exits with the usage code on an unknown command or option', async () => {
    const unknownCommand = await skim(['confg']);
    expect(unknownCommand.code).toBe(ExitCode.Usage);
    expect(unknownCommand.stderr).toContain('config');
    expect((await skim(['config', 'check', '--jsn'])).code).toBe(ExitCode.Usage);
  });

  it('prints the effective configuration with secrets hidden', async () => {
    const webhook = 'https://discord.com/api/webhooks/1/hidden-token-abcdefghij';
    const { code, stdout } = await skim(['config', 'check'], {
      SKIM_DISCORD_WEBHOOK_URL: webhook,
      SKIM_MAX_SHARES: '250',
    });
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toContain('configuration is valid');
    expect(stdout).toContain('strategy.maxShares = 250');
    expect(stdout).toContain('strategy.positionDollars = 5000.00');
    expect(stdout).toContain('gateway.accountId = (not set)');
    expect(stdout).toContain('notifications.discordWebhookUrl = [hidden]');
    expect(stdout).not.toContain('hidden-token');
  });

  it('reads the file given with --config', async () => {
    writeFileSync(join(tempDir(), 'paper.json'), JSON.stringify({ profile: 'test', risk: { maxPositions: 2 } }));
    const { code, stdout } = await skim(['--config', 'paper.json', 'config', 'check', '--json']);
    expect(code).toBe(ExitCode.Ok);
    const result = JSON.parse(stdout) as { valid: boolean; file: string; config: { risk: { maxPositions: number } } };
    expect(result.valid).toBe(true);
    expect(result.file).toBe(join(tempDir(), 'paper.json'));
    expect(result.config.risk.maxPositions).toBe(2);
  });

  it('reports every problem as JSON with --json', async () => {
    const { code, stdout } = await skim(['config', 'check', '--json'], {
      SKIM_SMA_DAYS: 'ten',
      SKIM_ALLOW_LIVE: 'true',
      SKIM_MAX_SHARS: '3',
    });
    expect(code).toBe(ExitCode.Usage);
    const result = JSON.parse(stdout) as { valid: boolean; problems: { source: string }[]; warnings: unknown[] };
    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => p.source).sort()).toEqual(['SKIM_ALLOW_LIVE', 'SKIM_SMA_DAYS']);
    expect(result.warnings).toHaveLength(1);
  });

  it('halts new entries with a reason that status shows, until resume lifts it', async () => {
    const env = { SKIM_DB_PATH: join('state', 'skim.db'), SKIM_LOG_LEVEL: 'silent' };

    const halted = await skim(['halt', 'RBA', 'decision', 'today'], env);
    expect(halted.code).toBe(ExitCode.Ok);
    const switchFile = join(tempDir(), 'state', 'skim.halt');
    expect(halted.stdout).toBe(`new entries halted (${switchFile}); undo with: skim resume\n`);
    expect(readFileSync(switchFile, 'utf8')).toBe('RBA decision today\n');
    expect((await skim(['status'], env)).stdout).toContain('entries HALTED: RBA decision today\n');

    expect((await skim(['resume'], env)).stdout).toBe('new entries resumed\n');
    expect(existsSync(switchFile)).toBe(false);
    expect((await skim(['status'], env)).stdout).toContain('entries allowed\n');
    expect((await skim(['resume'], env)).stdout).toBe('entries were not halted\n');
  });

  it('halts without a reason by naming the operator and the time', async () => {
    const env = { SKIM_DB_PATH: join('state', 'skim.db'), SKIM_LOG_LEVEL: 'silent' };
    expect((await skim(['halt'], env)).code).toBe(ExitCode.Ok);
    expect(readFileSync(join(tempDir(), 'state', 'skim.halt'), 'utf8')).toMatch(
      /^halted by operator at \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\n$/,
    );
  });

  it('stops other commands on invalid configuration with every problem and the usage code', async () => {
    const { code, stderr, stdout } = await skim(['db', 'migrate'], { SKIM_DB_PATH: ' ', SKIM_OR_MINUTES: '0' });
    expect(code).toBe(ExitCode.Usage);
    expect(stderr).toContain('SKIM_DB_PATH');
    expect(stderr).toContain('SKIM_OR_MINUTES');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });
});
