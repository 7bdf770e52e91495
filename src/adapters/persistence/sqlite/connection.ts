import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { refuseNewerSchema } from './schema-version.js';

/** How long a write waits for another connection's lock (the CLI next to a running bot) before failing. */
const BUSY_TIMEOUT_MS = 5_000;

const IN_MEMORY = ':memory:';

/**
 * Opens (creating if needed) a database file and its folder. A database migrated by a newer Skim is
 * refused before journal mode is switched, so that a refused file is left exactly as it was.
 */
export function openConnection(path: string, supportedVersion: number): Database.Database {
  if (path !== IN_MEMORY) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    refuseNewerSchema(db, path, supportedVersion);
    // WAL lets `skim status` read while the bot writes, and a crash never leaves a half-written page.
    db.pragma('journal_mode = WAL');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
