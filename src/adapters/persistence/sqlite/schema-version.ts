import type Database from 'better-sqlite3';
import { SchemaTooNew } from './schema-too-new.error.js';

/** The highest migration applied to the database; 0 for a new, empty file. Reads only. */
export function schemaVersion(db: Database.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (table === undefined) return 0;
  const row = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations').get();
  return row?.version ?? 0;
}

/** Throws SchemaTooNew, before anything is written, when a newer Skim has migrated the database. */
export function refuseNewerSchema(db: Database.Database, path: string, supported: number): void {
  const found = schemaVersion(db);
  if (found > supported) throw new SchemaTooNew(path, found, supported);
}
