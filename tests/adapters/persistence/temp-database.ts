import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Gives each test its own database path under one temporary folder, removed after the file's tests.
 * Call once at the top level of a test file.
 */
export function temporaryDatabases(prefix: string): (name: string) => string {
  const folder = mkdtempSync(join(tmpdir(), `skim-${prefix}-`));
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });
  let count = 0;
  return (name) => {
    count += 1;
    return join(folder, `${String(count)}-${name}`);
  };
}
