import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../temp-dir.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'src/infrastructure/cli/main.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** The caller's environment without its own SKIM_ settings, so only the test's settings count. */
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^skim_/i.test(name)));

const tempDir = useTempDir('bin');

/** Runs `skim` as a child process, as `node --import tsx src/infrastructure/cli/main.ts ...`. */
function skim(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd: tempDir(),
    env: { ...baseEnv, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('skim binary', () => {
  it('prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = skim(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it('lists every configuration problem at once and exits with 2', () => {
    const { code, stderr } = skim(['config', 'check'], {
      SKIM_MIN_GAP_PCT: 'lots',
      SKIM_POSITION_DOLLARS: '5000.0001',
      SKIM_REQUIRE_ANNOUNCEMENT: 'maybe',
      SKIM_ALLOW_LIVE: 'yes',
      SKIM_GATEWAY_URL: 'gateway:5000',
      SKIM_ALOW_LIVE: 'yes-i-understand',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('6 problems');
    for (const name of [
      'SKIM_MIN_GAP_PCT',
      'SKIM_POSITION_DOLLARS',
      'SKIM_REQUIRE_ANNOUNCEMENT',
      'SKIM_ALLOW_LIVE',
      'SKIM_GATEWAY_URL',
      'SKIM_ALOW_LIVE',
    ]) {
      expect(stderr).toContain(`${name}:`);
    }
  });

  it('creates and migrates the database, then finds it up to date', () => {
    const dbPath = join(tempDir(), 'state', 'skim.db');
    const first = skim(['db', 'migrate', '--json'], { SKIM_DB_PATH: dbPath });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(existsSync(dbPath)).toBe(true);
    const applied = JSON.parse(first.stdout) as { dbPath: string; applied: number[]; version: number };
    expect(applied.dbPath).toBe(dbPath);
    expect(applied.applied.length).toBeGreaterThan(0);
    expect(applied.version).toBe(Math.max(...applied.applied));

    const second = skim(['db', 'migrate'], { SKIM_DB_PATH: dbPath });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('up to date');
  });
});
