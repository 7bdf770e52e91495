/**
 * Run as a child process by sqlite.repository.test.ts: commits a position, then dies by SIGKILL in the
 * middle of a transaction, as the bot would in a power cut or an OOM kill.
 */
import { SqliteRepository } from '../../../src/adapters/persistence/sqlite/sqlite.repository.js';
import { fill, halfExitedPosition, OPEN_AT, openedPosition } from './sample-records.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: crash-mid-transaction.script.ts <database path>');

const repository = SqliteRepository.open(path);
repository.positions.save(openedPosition());
repository.transaction(() => {
  repository.trades.record(fill('e-lost-in-crash', OPEN_AT));
  repository.positions.save(halfExitedPosition('pos-bhp'));
  process.kill(process.pid, 'SIGKILL');
});
