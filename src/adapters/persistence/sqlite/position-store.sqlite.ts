import type Database from 'better-sqlite3';
import type { PositionStore } from '../../../domain/ports/repository.port.js';
import type { Position, PositionExit, PositionStatus } from '../../../domain/position/position.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { EXIT_REASONS, POSITION_STATUSES } from './enum-values.js';
import { RowReader, type Row } from './row-reader.js';

const POSITION_COLUMNS = `id, symbol, conid, status, entry_date, initial_quantity, quantity, cost_basis_mills,
  stop_price_mills, commissions_mills, realised_pnl_mills, opened_at, updated_at`;

const EXIT_COLUMNS = 'position_id, sequence, reason, quantity, price_mills, commission_mills, at';

/** Positions in `positions`, their exits one row each in `position_exits`, numbered in the order they happened. */
export class SqlitePositionStore implements PositionStore {
  private readonly upsertPosition: Database.Statement<[Row]>;
  private readonly upsertExit: Database.Statement<[Row]>;
  private readonly dropExitsFrom: Database.Statement<[string, number]>;
  private readonly positionById: Database.Statement<[string], Row>;
  private readonly exitsOf: Database.Statement<[string], Row>;
  private readonly positionsWithStatus: Database.Statement<[string], Row>;
  private readonly exitsWithStatus: Database.Statement<[string], Row>;
  private readonly positionsClosedSince: Database.Statement<[number], Row>;
  private readonly exitsClosedSince: Database.Statement<[number], Row>;
  private readonly saveAll: (position: Position) => void;

  constructor(db: Database.Database) {
    // An upsert, not INSERT OR REPLACE: replacing would delete the row its exits refer to.
    this.upsertPosition = db.prepare(
      `INSERT INTO positions (${POSITION_COLUMNS})
       VALUES (@id, @symbol, @conid, @status, @entry_date, @initial_quantity, @quantity, @cost_basis_mills,
         @stop_price_mills, @commissions_mills, @realised_pnl_mills, @opened_at, @updated_at)
       ON CONFLICT (id) DO UPDATE SET
         symbol = excluded.symbol, conid = excluded.conid, status = excluded.status,
         entry_date = excluded.entry_date, initial_quantity = excluded.initial_quantity,
         quantity = excluded.quantity, cost_basis_mills = excluded.cost_basis_mills,
         stop_price_mills = excluded.stop_price_mills, commissions_mills = excluded.commissions_mills,
         realised_pnl_mills = excluded.realised_pnl_mills, opened_at = excluded.opened_at,
         updated_at = excluded.updated_at`,
    );
    this.upsertExit = db.prepare(
      `INSERT INTO position_exits (${EXIT_COLUMNS})
       VALUES (@position_id, @sequence, @reason, @quantity, @price_mills, @commission_mills, @at)
       ON CONFLICT (position_id, sequence) DO UPDATE SET
         reason = excluded.reason, quantity = excluded.quantity, price_mills = excluded.price_mills,
         commission_mills = excluded.commission_mills, at = excluded.at`,
    );
    this.dropExitsFrom = db.prepare('DELETE FROM position_exits WHERE position_id = ? AND sequence >= ?');
    this.positionById = db.prepare(`SELECT ${POSITION_COLUMNS} FROM positions WHERE id = ?`);
    this.exitsOf = db.prepare(`SELECT ${EXIT_COLUMNS} FROM position_exits WHERE position_id = ? ORDER BY sequence`);
    this.positionsWithStatus = db.prepare(
      `SELECT ${POSITION_COLUMNS} FROM positions
       WHERE status IN (SELECT value FROM json_each(?)) ORDER BY opened_at, id`,
    );
    this.exitsWithStatus = db.prepare(
      `SELECT ${EXIT_COLUMNS} FROM position_exits
       WHERE position_id IN (SELECT id FROM positions WHERE status IN (SELECT value FROM json_each(?)))
       ORDER BY position_id, sequence`,
    );
    this.positionsClosedSince = db.prepare(
      `SELECT ${POSITION_COLUMNS} FROM positions WHERE status = 'closed' AND updated_at >= ? ORDER BY opened_at, id`,
    );
    this.exitsClosedSince = db.prepare(
      `SELECT ${EXIT_COLUMNS} FROM position_exits
       WHERE position_id IN (SELECT id FROM positions WHERE status = 'closed' AND updated_at >= ?)
       ORDER BY position_id, sequence`,
    );
    this.saveAll = db.transaction((position: Position) => {
      this.upsertPosition.run(toPositionRow(position));
      position.exits.forEach((exit, sequence) => this.upsertExit.run(toExitRow(position.id, sequence, exit)));
      // Only a caller that saves an older copy over a newer one has fewer exits than are stored.
      this.dropExitsFrom.run(position.id, position.exits.length);
    });
  }

  save(position: Position): void {
    this.saveAll(position);
  }

  get(id: string): Position | undefined {
    const row = this.positionById.get(id);
    return row === undefined ? undefined : toPosition(row, this.exitsOf.all(id));
  }

  withStatus(statuses: readonly PositionStatus[]): Position[] {
    const wanted = JSON.stringify(statuses);
    const exitRows = groupByPosition(this.exitsWithStatus.all(wanted));
    return this.positionsWithStatus.all(wanted).map((row) => toPosition(row, exitRows.get(row.id) ?? []));
  }

  closedSince(from: EpochMs): Position[] {
    const exitRows = groupByPosition(this.exitsClosedSince.all(from));
    return this.positionsClosedSince.all(from).map((row) => toPosition(row, exitRows.get(row.id) ?? []));
  }
}

function groupByPosition(exitRows: readonly Row[]): Map<unknown, Row[]> {
  const groups = new Map<unknown, Row[]>();
  for (const row of exitRows) {
    const group = groups.get(row.position_id);
    if (group === undefined) groups.set(row.position_id, [row]);
    else group.push(row);
  }
  return groups;
}

function toPositionRow(position: Position): Row {
  return {
    id: position.id,
    symbol: position.instrument.symbol,
    conid: position.instrument.conid,
    status: position.status,
    entry_date: position.entryDate,
    initial_quantity: position.initialQuantity,
    quantity: position.quantity,
    cost_basis_mills: position.costBasis,
    stop_price_mills: position.stopPrice,
    commissions_mills: position.commissions,
    realised_pnl_mills: position.realisedPnl,
    opened_at: position.openedAt,
    updated_at: position.updatedAt,
  };
}

function toExitRow(positionId: string, sequence: number, exit: PositionExit): Row {
  return {
    position_id: positionId,
    sequence,
    reason: exit.reason,
    quantity: exit.quantity,
    price_mills: exit.price,
    commission_mills: exit.commission,
    at: exit.at,
  };
}

function toPosition(row: Row, exitRows: readonly Row[]): Position {
  const read = RowReader.keyed('positions', ['id'], row);
  return {
    id: read.text('id'),
    instrument: read.instrument('symbol', 'conid'),
    status: read.oneOf('status', POSITION_STATUSES),
    entryDate: read.localDate('entry_date'),
    initialQuantity: read.quantity('initial_quantity'),
    quantity: read.quantity('quantity'),
    costBasis: read.money('cost_basis_mills'),
    stopPrice: read.price('stop_price_mills'),
    exits: exitRows.map(toExit),
    commissions: read.money('commissions_mills'),
    realisedPnl: read.money('realised_pnl_mills'),
    openedAt: read.instant('opened_at'),
    updatedAt: read.instant('updated_at'),
  };
}

function toExit(row: Row): PositionExit {
  const read = RowReader.keyed('position_exits', ['position_id', 'sequence'], row);
  return {
    reason: read.oneOf('reason', EXIT_REASONS),
    quantity: read.quantity('quantity'),
    price: read.price('price_mills'),
    commission: read.money('commission_mills'),
    at: read.instant('at'),
  };
}
