import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { SqliteRepository } from '../../../src/adapters/persistence/sqlite/sqlite.repository.js';

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

/** Opens the repository at `path`, hands it to `use` and closes it whatever happens. */
export function withRepository<T>(path: string, use: (repository: SqliteRepository) => T): T {
  const repository = SqliteRepository.open(path);
  try {
    return use(repository);
  } finally {
    repository.close();
  }
}

/** Opens the file with a plain connection, as the sqlite3 shell would, hands it to `use` and closes it. */
export function withConnection<T>(path: string, use: (db: Database.Database) => T, readonly = false): T {
  const db = new Database(path, { readonly });
  try {
    return use(db);
  } finally {
    db.close();
  }
}
