import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../temp-dir.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'src/infrastructure/cli/main.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^skim_/i.test(name)));

const tempDir = useTempDir('shutdown');

describe('skim run', () => {
  it('stops on SIGTERM between steps, closes the database and exits 0', async () => {
    const dbPath = join(tempDir(), 'skim.db');
    const child = spawn(process.execPath, ['--import', TSX, MAIN, 'run'], {
      cwd: tempDir(),
      env: {
        ...baseEnv,
        SKIM_DB_PATH: dbPath,
        SKIM_LOG_LEVEL: 'info',
        // No outside network: the scan reads a recorded morning, the IBKR fallback is off.
        SKIM_REPLAY_DIR: join(ROOT, 'tests/fixtures/mornings/2025-06-10'),
        SKIM_SCAN_IBKR_FALLBACK: 'false',
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => {
      child.on('exit', (code) => {
        resolve(code);
      });
    });
    const started = Date.now();
    while (!existsSync(dbPath) && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    child.kill('SIGTERM');

    expect(await exited).toBe(0);
    expect(stderr).toContain('stopping after the step in flight');
    expect(existsSync(dbPath)).toBe(true);
    // better-sqlite3 removes the write-ahead log when the database is closed cleanly.
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
  });
});
