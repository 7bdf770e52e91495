import type Database from 'better-sqlite3';
import type { Clock } from '../../../domain/ports/clock.port.js';
import type { Repository } from '../../../domain/ports/repository.port.js';
import { SystemClock } from '../../clock/system.clock.js';
import { runSynchronously } from '../synchronous-work.js';
import { SqliteCandidateStore } from './candidate-store.sqlite.js';
import { openConnection } from './connection.js';
import { SqliteKillSwitchStore } from './kill-switch-store.sqlite.js';
import { applyMigrations } from './migrate.js';
import { latestVersion, MIGRATIONS } from './migrations.js';
import { SqliteOrderJournal } from './order-journal.sqlite.js';
import { SqlitePositionStore } from './position-store.sqlite.js';
import { SqliteTradeStore } from './trade-store.sqlite.js';

/** Skim's memory in one SQLite file, safe to reopen after a crash or a deploy. */
export class SqliteRepository implements Repository {
  readonly candidates: SqliteCandidateStore;
  readonly positions: SqlitePositionStore;
  readonly trades: SqliteTradeStore;
  readonly journal: SqliteOrderJournal;
  readonly killSwitches: SqliteKillSwitchStore;

  private constructor(private readonly db: Database.Database) {
    this.candidates = new SqliteCandidateStore(db);
    this.positions = new SqlitePositionStore(db);
    this.trades = new SqliteTradeStore(db);
    this.journal = new SqliteOrderJournal(db);
    this.killSwitches = new SqliteKillSwitchStore(db);
  }

  /**
   * Opens the database at `path` (creating it and its folder if needed) and applies pending migrations.
   * `clock` stamps the migrations it applies.
   */
  static open(path: string, clock: Clock = new SystemClock()): SqliteRepository {
    const db = openConnection(path, latestVersion(MIGRATIONS));
    try {
      applyMigrations(db, path, clock);
      return new SqliteRepository(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** All or nothing; a transaction begun inside another becomes a savepoint of it. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(() => runSynchronously(work))();
  }

  close(): void {
    this.db.close();
  }
}
