import type Database from 'better-sqlite3';
import type { ClientOrderId } from '../../../domain/orders/client-order-id.js';
import type { Fill } from '../../../domain/orders/fill.js';
import type { TradeStore } from '../../../domain/ports/repository.port.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { SIDES } from './enum-values.js';
import { RowReader, type Row } from './row-reader.js';

const COLUMNS = `execution_id, client_order_id, broker_order_id, symbol, conid, side, quantity, price_mills,
  commission_mills, at`;

/** Executions, one row per broker execution id. */
export class SqliteTradeStore implements TradeStore {
  private readonly insert: Database.Statement<[Row]>;
  private readonly exists: Database.Statement<[string], Row>;
  private readonly inPeriod: Database.Statement<[EpochMs, EpochMs], Row>;
  private readonly ofOrder: Database.Statement<[ClientOrderId], Row>;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO trades (${COLUMNS})
       VALUES (@execution_id, @client_order_id, @broker_order_id, @symbol, @conid, @side, @quantity, @price_mills,
         @commission_mills, @at)
       ON CONFLICT (execution_id) DO NOTHING`,
    );
    this.exists = db.prepare('SELECT 1 FROM trades WHERE execution_id = ?');
    this.inPeriod = db.prepare(`SELECT ${COLUMNS} FROM trades WHERE at >= ? AND at < ? ORDER BY at, execution_id`);
    this.ofOrder = db.prepare(`SELECT ${COLUMNS} FROM trades WHERE client_order_id = ? ORDER BY at, execution_id`);
  }

  record(fill: Fill): boolean {
    return this.insert.run(toRow(fill)).changes === 1;
  }

  has(executionId: string): boolean {
    return this.exists.get(executionId) !== undefined;
  }

  /** Fills from `from` up to, but not including, `to`. */
  between(from: EpochMs, to: EpochMs): Fill[] {
    return this.inPeriod.all(from, to).map(toFill);
  }

  forOrder(clientOrderId: ClientOrderId): Fill[] {
    return this.ofOrder.all(clientOrderId).map(toFill);
  }
}

function toRow(fill: Fill): Row {
  return {
    execution_id: fill.executionId,
    client_order_id: fill.clientOrderId,
    broker_order_id: fill.brokerOrderId,
    symbol: fill.instrument.symbol,
    conid: fill.instrument.conid,
    side: fill.side,
    quantity: fill.quantity,
    price_mills: fill.price,
    commission_mills: fill.commission,
    at: fill.at,
  };
}

function toFill(row: Row): Fill {
  const read = RowReader.keyed('trades', ['execution_id'], row);
  return {
    executionId: read.text('execution_id'),
    clientOrderId: read.clientOrderId('client_order_id'),
    brokerOrderId: read.text('broker_order_id'),
    instrument: read.instrument('symbol', 'conid'),
    side: read.oneOf('side', SIDES),
    quantity: read.quantity('quantity'),
    price: read.price('price_mills'),
    commission: read.money('commission_mills'),
    at: read.instant('at'),
  };
}
