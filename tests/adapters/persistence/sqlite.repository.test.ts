import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SqliteRepository } from '../../../src/adapters/persistence/sqlite/sqlite.repository.js';
import {
  CANDIDATE_STATUSES,
  EXIT_REASONS,
  JOURNAL_STATES,
  ORDER_PURPOSES,
  ORDER_TYPES,
  POSITION_STATUSES,
  TIMES_IN_FORCE,
} from '../../../src/adapters/persistence/sqlite/enum-values.js';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import { money } from '../../../src/domain/values/money.js';
import { price } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import {
  fill,
  fullCandidate,
  fullJournalEntry,
  halfExitedPosition,
  MINUTE,
  minimalJournalEntry,
  OPEN_AT,
  openedPosition,
  positionWithExits,
} from './sample-records.js';
import { temporaryDatabases, withConnection, withRepository } from './sqlite-files.js';

const databasePath = temporaryDatabases('sqlite-repository');

/** What a reopened file must hold after the work following `openedPosition()` was lost. */
function expectOnlyCommittedWork(path: string, lostExecutionId: string): void {
  withRepository(path, (reopened) => {
    expect(reopened.positions.get('pos-bhp')).toStrictEqual(openedPosition());
    expect(reopened.trades.has(lostExecutionId)).toBe(false);
  });
}

describe('SqliteRepository', () => {
  it('puts the file in WAL mode', () => {
    const path = databasePath('wal.db');
    withRepository(path, () => {
      expect(withConnection(path, (db) => db.pragma('journal_mode', { simple: true }), true)).toBe('wal');
    });
  });

  it('ties each exit to a stored position through a foreign key', () => {
    const path = databasePath('foreign-keys.db');
    withRepository(path, () => undefined);
    withConnection(path, (db) => {
      db.pragma('foreign_keys = ON');
      expect(() =>
        db.exec(
          `INSERT INTO position_exits (position_id, sequence, reason, quantity, price_mills, commission_mills, at)
           VALUES ('pos-none', 0, 'stop', 1, 45220, 6000, 0)`,
        ),
      ).toThrow(/FOREIGN KEY/);
    });
  });

  it('keeps everything across close and reopen, as after a deploy', () => {
    const path = databasePath('deploy.db');
    const before = SqliteRepository.open(path);
    before.candidates.save(fullCandidate());
    before.positions.save(halfExitedPosition());
    before.positions.save(positionWithExits());
    before.trades.record(fill('e-deploy', OPEN_AT));
    before.journal.open(fullJournalEntry());
    before.journal.update(fullJournalEntry().clientOrderId, { state: 'filled', filledQuantity: 110 }, OPEN_AT + 1);
    before.close();

    withRepository(path, (after) => {
      expect(after.candidates.get(fullCandidate().id)).toStrictEqual(fullCandidate());
      expect(after.positions.withStatus(['half_exited'])).toStrictEqual([halfExitedPosition()]);
      expect(after.positions.get('pos-pls')).toStrictEqual(positionWithExits());
      expect(after.trades.has('e-deploy')).toBe(true);
      expect(after.journal.get(fullJournalEntry().clientOrderId)).toMatchObject({
        state: 'filled',
        filledQuantity: 110,
        updatedAt: OPEN_AT + 1,
      });
    });
  });

  it('loses nothing committed before a transaction that throws, even across a reopen', () => {
    const path = databasePath('throw.db');
    const repository = SqliteRepository.open(path);
    repository.positions.save(openedPosition());
    expect(() =>
      repository.transaction(() => {
        repository.trades.record(fill('e-never', OPEN_AT));
        repository.positions.save(halfExitedPosition('pos-bhp'));
        throw new Error('crash');
      }),
    ).toThrow('crash');
    repository.close();
    expectOnlyCommittedWork(path, 'e-never');
  });

  it('loses nothing committed when the process is killed in the middle of a transaction', () => {
    const path = databasePath('killed.db');
    const script = fileURLToPath(new URL('./crash-mid-transaction.script.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, path], { encoding: 'utf8' });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    expectOnlyCommittedWork(path, 'e-lost-in-crash');
  });

  it('stores every status, reason, side, type and purpose the domain knows', () => {
    withRepository(databasePath('enums.db'), (repository) => {
      for (const status of CANDIDATE_STATUSES) {
        const candidate = { ...fullCandidate(), id: `c-${status}`, status };
        repository.candidates.save(candidate);
        expect(repository.candidates.get(candidate.id)).toStrictEqual(candidate);
      }
      for (const status of POSITION_STATUSES) {
        const position = { ...openedPosition(`p-${status}`), status };
        repository.positions.save(position);
        expect(repository.positions.get(position.id)).toStrictEqual(position);
      }
      const base = positionWithExits('p-reasons');
      const exits = EXIT_REASONS.map((reason, index) => ({
        reason,
        quantity: quantity(1),
        price: price(1_300),
        commission: money(6_000),
        at: OPEN_AT + index,
      }));
      repository.positions.save({ ...base, exits });
      expect(repository.positions.get('p-reasons')?.exits.map((e) => e.reason)).toEqual(EXIT_REASONS);

      const shapes = ORDER_TYPES.flatMap((type) =>
        TIMES_IN_FORCE.flatMap((tif) => ORDER_PURPOSES.map((purpose) => ({ type, tif, purpose }))),
      );
      shapes.forEach((shape, index) => {
        const state = JOURNAL_STATES[index % JOURNAL_STATES.length] ?? 'intent';
        const side = index % 2 === 0 ? ('BUY' as const) : ('SELL' as const);
        const entry = minimalJournalEntry(`skim-shape-${String(index)}`, OPEN_AT + index * MINUTE);
        const id = clientOrderId(`skim-shape-${String(index)}`);
        const shaped = { ...entry, state, intent: { ...entry.intent, ...shape, side, clientOrderId: id } };
        expect(repository.journal.open(shaped)).toBe(true);
        expect(repository.journal.get(id)).toStrictEqual(shaped);
      });
      expect(new Set(repository.journal.all().map((e) => e.state))).toEqual(new Set(JOURNAL_STATES));
    });
  });
});
