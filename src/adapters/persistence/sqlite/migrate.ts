import type Database from 'better-sqlite3';
import type { Clock } from '../../../domain/ports/clock.port.js';
import { SystemClock } from '../../clock/system.clock.js';
import { openConnection } from './connection.js';
import { MigrationFailed } from './migration-failed.error.js';
import { latestVersion, MIGRATIONS, type Migration } from './migrations.js';
import { refuseNewerSchema, schemaVersion } from './schema-version.js';

export interface MigrationResult {
  /** Versions applied by this run, oldest first; empty when the schema was already current. */
  readonly applied: number[];
  readonly version: number;
}

/** Creates the database at `path` or brings its schema up to date (`skim db migrate`). */
export function migrateDatabase(path: string, clock: Clock = new SystemClock()): MigrationResult {
  const db = openConnection(path, latestVersion(MIGRATIONS));
  try {
    return applyMigrations(db, path, clock);
  } finally {
    db.close();
  }
}

/**
 * Applies every pending migration, each in its own immediate transaction that re-reads the version,
 * so two processes migrating the same file at once apply each migration once.
 */
export function applyMigrations(
  db: Database.Database,
  path: string,
  clock: Clock,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  assertConsecutive(migrations);
  const supported = latestVersion(migrations);
  db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version INTEGER PRIMARY KEY,
       description TEXT NOT NULL,
       applied_at INTEGER NOT NULL
     ) STRICT`,
  );
  const recordVersion = db.prepare<[number, string, number]>(
    'INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)',
  );
  const applyIfPending = db.transaction((migration: Migration): boolean => {
    refuseNewerSchema(db, path, supported);
    if (migration.version <= schemaVersion(db)) return false;
    try {
      db.exec(migration.sql);
    } catch (error) {
      throw new MigrationFailed(path, migration.version, error instanceof Error ? error.message : String(error));
    }
    recordVersion.run(migration.version, migration.description, clock.now());
    return true;
  });
  const applied = migrations.filter((migration) => applyIfPending.immediate(migration)).map((m) => m.version);
  return { applied, version: schemaVersion(db) };
}

function assertConsecutive(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration list is out of order: position ${index + 1} holds version ${migration.version}`);
    }
  });
}
