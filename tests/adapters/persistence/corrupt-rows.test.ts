import { describe, expect, it } from 'vitest';
import { CorruptRow } from '../../../src/adapters/persistence/sqlite/corrupt-row.error.js';
import { SqliteRepository } from '../../../src/adapters/persistence/sqlite/sqlite.repository.js';
import { DAY, fill, fullCandidate, fullJournalEntry, positionWithExits } from './sample-records.js';
import { temporaryDatabases, withConnection, withRepository } from './sqlite-files.js';

const databasePath = temporaryDatabases('corrupt-rows');

/** A database holding one of everything, then edited by hand with `sql` as someone with the sqlite3 shell might. */
function databaseEditedBy(sql: string): string {
  const path = databasePath('edited.db');
  withRepository(path, (repository) => {
    repository.candidates.save(fullCandidate());
    repository.positions.save(positionWithExits());
    repository.trades.record(fill('e-1', 0));
    repository.journal.open(fullJournalEntry());
  });
  withConnection(path, (db) => {
    // Hand edits need not respect the CHECK constraints, so these tests do not either.
    db.pragma('ignore_check_constraints = ON');
    db.exec(sql);
  });
  return path;
}

function readError(path: string, read: (repository: SqliteRepository) => unknown): CorruptRow {
  try {
    withRepository(path, read);
  } catch (error) {
    if (error instanceof CorruptRow) return error;
    throw error;
  }
  throw new Error('the corrupt row was read without an error');
}

describe('SqliteRepository reading a row edited by hand', () => {
  it('refuses an off-tick price and names the table, key and column', () => {
    const path = databaseEditedBy("UPDATE candidates SET low_of_day_mills = 44753 WHERE id = '2025-07-14:BHP'");
    const error = readError(path, (r) => r.candidates.forDate(DAY));
    expect(error).toMatchObject({ table: 'candidates', key: '2025-07-14:BHP', column: 'low_of_day_mills' });
    expect(error.message).toMatch(/candidates .*2025-07-14:BHP.*low_of_day_mills.*44753/);
  });

  it('refuses an off-tick exit price, naming the position and the exit', () => {
    const path = databaseEditedBy('UPDATE position_exits SET price_mills = 1301 WHERE sequence = 1');
    const error = readError(path, (r) => r.positions.get('pos-pls'));
    expect(error).toMatchObject({ table: 'position_exits', key: 'pos-pls/1', column: 'price_mills' });
  });

  it('refuses a negative quantity in a position', () => {
    const path = databaseEditedBy("UPDATE positions SET quantity = -5 WHERE id = 'pos-pls'");
    const error = readError(path, (r) => r.positions.withStatus(['closed']));
    expect(error).toMatchObject({ table: 'positions', key: 'pos-pls', column: 'quantity' });
  });

  it('refuses a status the domain does not know', () => {
    const path = databaseEditedBy("UPDATE order_journal SET state = 'half_done'");
    const error = readError(path, (r) => r.journal.all());
    expect(error).toMatchObject({ table: 'order_journal', key: fullJournalEntry().clientOrderId, column: 'state' });
    expect(error.message).toMatch(/"half_done" is not one of intent, submitting/);
  });

  it('refuses a symbol that is not in canonical form', () => {
    const path = databaseEditedBy("UPDATE trades SET symbol = 'bhp'");
    const error = readError(path, (r) => r.trades.has('e-1') && r.trades.between(0, 1));
    expect(error).toMatchObject({ table: 'trades', key: 'e-1', column: 'symbol' });
  });

  it('cannot even be given text or a fraction where whole mills or instants belong (STRICT tables)', () => {
    expect(() => databaseEditedBy("UPDATE positions SET opened_at = 'yesterday'")).toThrow(
      'cannot store TEXT value in INTEGER column positions.opened_at',
    );
    expect(() => databaseEditedBy('UPDATE positions SET cost_basis_mills = 1.5')).toThrow(
      'cannot store REAL value in INTEGER column positions.cost_basis_mills',
    );
  });

  it('refuses a malformed client order id or date', () => {
    const path = databaseEditedBy(
      "UPDATE trades SET client_order_id = 'has spaces'; UPDATE candidates SET trading_date = '2025-02-30'",
    );
    expect(readError(path, (r) => r.trades.between(0, 1))).toMatchObject({ column: 'client_order_id' });
    expect(readError(path, (r) => r.candidates.get('2025-07-14:BHP'))).toMatchObject({ column: 'trading_date' });
  });
});
