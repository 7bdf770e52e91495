import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/adapters/clock/manual.clock.js';
import {
  applyMigrations,
  migrateDatabase,
  type MigrationResult,
} from '../../../src/adapters/persistence/sqlite/migrate.js';
import { MigrationFailed } from '../../../src/adapters/persistence/sqlite/migration-failed.error.js';
import { MIGRATIONS, type Migration } from '../../../src/adapters/persistence/sqlite/migrations.js';
import { SchemaTooNew } from '../../../src/adapters/persistence/sqlite/schema-too-new.error.js';
import { SqliteRepository } from '../../../src/adapters/persistence/sqlite/sqlite.repository.js';
import { money } from '../../../src/domain/values/money.js';
import { localDate } from '../../../src/domain/values/time.js';
import { OPEN_AT, openedPosition } from './sample-records.js';
import { temporaryDatabases, withConnection, withRepository } from './sqlite-files.js';

const databasePath = temporaryDatabases('migrations');
const LATEST = MIGRATIONS.length;
const EVERY_VERSION = MIGRATIONS.map((migration) => migration.version);
const clock = new ManualClock(OPEN_AT);

const ADD_POSITION_NOTE: Migration = {
  version: MIGRATIONS.length + 1,
  description: 'a note on each position',
  sql: 'ALTER TABLE positions ADD COLUMN note TEXT',
};

const tableNames = (path: string): string[] =>
  withConnection(
    path,
    (db) =>
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => row.name),
    true,
  );

const appliedVersions = (path: string): { version: number; applied_at: number }[] =>
  withConnection(
    path,
    (db) =>
      db
        .prepare<[], { version: number; applied_at: number }>(
          'SELECT version, applied_at FROM schema_migrations ORDER BY version',
        )
        .all(),
    true,
  );

/** A database at the current version holding one open position, then moved on to `migrations`. */
function databaseMigratedTo(name: string, migrations: readonly Migration[]): { path: string; result: MigrationResult } {
  const path = databasePath(name);
  withRepository(path, (repository) => {
    repository.positions.save(openedPosition());
  });
  const result = withConnection(path, (db) => applyMigrations(db, path, clock, migrations));
  return { path, result };
}

const fingerprint = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('SQLite migrations', () => {
  it('create the schema in a new file, making its folder, and record each version with its time', () => {
    const path = join(databasePath('fresh'), 'nested', 'skim.db');
    expect(migrateDatabase(path, clock)).toEqual({ applied: EVERY_VERSION, version: LATEST });
    expect(tableNames(path)).toEqual([
      'candidates',
      'kill_switch_trips',
      'order_journal',
      'position_exits',
      'positions',
      'schema_migrations',
      'trades',
    ]);
    expect(appliedVersions(path)).toEqual(EVERY_VERSION.map((version) => ({ version, applied_at: OPEN_AT })));
  });

  it('do nothing on a database that is already up to date', () => {
    const path = databasePath('twice.db');
    migrateDatabase(path, clock);
    expect(migrateDatabase(path, new ManualClock(OPEN_AT + 1))).toEqual({ applied: [], version: LATEST });
    SqliteRepository.open(path).close();
    expect(appliedVersions(path)).toEqual(EVERY_VERSION.map((version) => ({ version, applied_at: OPEN_AT })));
  });

  it('bring an older database forward without losing its rows', () => {
    const { path, result } = databaseMigratedTo('upgrade.db', [...MIGRATIONS, ADD_POSITION_NOTE]);
    const rows = withConnection(path, (db) => db.prepare('SELECT id, quantity, note FROM positions').all());

    expect(result).toEqual({ applied: [LATEST + 1], version: LATEST + 1 });
    expect(rows).toEqual([{ id: 'pos-bhp', quantity: 110, note: null }]);
  });

  it('bring a database of the first release to the latest schema, which keeps kill switch trips', () => {
    const path = databasePath('first-release.db');
    withConnection(path, (db) => applyMigrations(db, path, clock, MIGRATIONS.slice(0, 1)));

    const trip = {
      date: localDate('2025-07-14'),
      tripped: true,
      trippedAt: OPEN_AT,
      pnlAtTrip: money(-1_000_000),
    } as const;
    withRepository(path, (repository) => {
      repository.killSwitches.recordTrip(trip);
    });

    expect(appliedVersions(path).map((row) => row.version)).toEqual(EVERY_VERSION);
    expect(withRepository(path, (repository) => repository.killSwitches.tripOn(trip.date))).toStrictEqual(trip);
  });

  it('roll a failing migration back entirely and name its version', () => {
    const path = databasePath('failing.db');
    migrateDatabase(path, clock);
    const broken: Migration = {
      version: LATEST + 1,
      description: 'half of it works',
      sql: 'CREATE TABLE extra (x INTEGER); INSERT INTO no_such_table VALUES (1);',
    };
    withConnection(path, (db) => {
      expect(() => applyMigrations(db, path, clock, [...MIGRATIONS, broken])).toThrow(MigrationFailed);
      expect(() => applyMigrations(db, path, clock, [...MIGRATIONS, broken])).toThrow(
        new RegExp(`migration ${LATEST + 1} .*no_such_table`),
      );
    });
    expect(tableNames(path)).not.toContain('extra');
    expect(appliedVersions(path).map((row) => row.version)).toEqual(EVERY_VERSION);
  });

  it('refuse a database migrated by a newer Skim and leave the file exactly as it was', () => {
    const { path } = databaseMigratedTo('newer.db', [...MIGRATIONS, ADD_POSITION_NOTE]);
    const before = fingerprint(path);

    expect(() => SqliteRepository.open(path, clock)).toThrow(SchemaTooNew);
    expect(() => migrateDatabase(path, clock)).toThrow(
      `schema version ${LATEST + 1}, newer than the ${LATEST} this Skim knows`,
    );
    expect(fingerprint(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('are numbered 1, 2, 3 ... and a list out of order is refused', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    withConnection(':memory:', (db) => {
      expect(() => applyMigrations(db, ':memory:', clock, [ADD_POSITION_NOTE])).toThrow(/out of order/);
    });
  });

  it('only ever add: no released migration drops or deletes anything', () => {
    for (const migration of MIGRATIONS) {
      expect(migration.sql, `migration ${migration.version}`).not.toMatch(/\b(DROP|DELETE|TRUNCATE|REPLACE)\b/i);
    }
  });
});
