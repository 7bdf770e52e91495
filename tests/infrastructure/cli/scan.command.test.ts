import { mkdirSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteRepository } from '../../../src/adapters/persistence/sqlite/sqlite.repository.js';
import { localDate } from '../../../src/domain/values/time.js';
import type { Environment } from '../../../src/infrastructure/config/load-config.js';
import { ExitCode } from '../../../src/infrastructure/cli/exit-codes.js';
import { runCli } from '../../../src/infrastructure/cli/run-cli.js';
import { useTempDir } from '../temp-dir.js';

const tempDir = useTempDir('cli-scan');
const MORNING = resolvePath('tests/fixtures/mornings/2025-06-10');

async function skim(args: string[], env: Environment) {
  let stdout = '';
  const code = await runCli(['node', 'skim', ...args], {
    env: { SKIM_LOG_LEVEL: 'silent', ...env },
    cwd: tempDir(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => true },
  });
  return { code, stdout };
}

describe('skim scan', () => {
  it('replays a recorded morning, prints the candidates with gap, price and headline, and stores them', async () => {
    const { code, stdout } = await skim(['scan'], { SKIM_REPLAY_DIR: MORNING });
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toContain('scan of 2025-06-10 (gaps from tradingview)');
    expect(stdout).toMatch(/LKO\s+33\.33\s+0\.415\s+06-10 09:05\s+Lakeside Lithium – Investor Presentation\s+new/);
    expect(stdout).toMatch(/skipped BDX \(gap 15\.50%\): no price-sensitive announcement/);

    const repository = SqliteRepository.open(join(tempDir(), 'data', 'skim.db'));
    const stored = repository.candidates.forDate(localDate('2025-06-10'));
    repository.close();
    expect(stored.map((c) => c.symbol).sort()).toEqual(['AUR', 'LKO', 'QRX', 'TRS', 'WBR']);
    expect(stored.every((c) => c.status === 'watching')).toBe(true);
  });

  it('reports candidates of an earlier scan as known instead of storing them twice', async () => {
    await skim(['scan'], { SKIM_REPLAY_DIR: MORNING });
    const { code, stdout } = await skim(['scan', '--json'], { SKIM_REPLAY_DIR: MORNING });
    expect(code).toBe(ExitCode.Ok);
    const summary = JSON.parse(stdout) as { created: unknown[]; alreadyKnown: { symbol: string }[] };
    expect(summary.created).toEqual([]);
    expect(summary.alreadyKnown).toHaveLength(5);
  });

  it('exits with a failure and says why when no gap source answers', async () => {
    const empty = join(tempDir(), '2025-06-10');
    mkdirSync(empty);
    const { code, stdout } = await skim(['scan'], { SKIM_REPLAY_DIR: empty });
    expect(code).toBe(ExitCode.Failure);
    expect(stdout).toContain('no candidates');
    expect(stdout).toMatch(/source tradingview failed: .*tradingview\.json/);
  });
});
