import type Database from 'better-sqlite3';
import type { ClientOrderId } from '../../../domain/orders/client-order-id.js';
import type { JournalEntry, JournalState } from '../../../domain/orders/journal-entry.js';
import type { OrderIntent } from '../../../domain/orders/order-intent.js';
import type { OrderJournal } from '../../../domain/ports/repository.port.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { applyJournalChanges, assertJournalEntryConsistent, type JournalChanges } from '../journal-entries.js';
import { JournalEntryNotFound } from '../journal-entry-not-found.error.js';
import { JOURNAL_STATES, ORDER_PURPOSES, ORDER_TYPES, SIDES, TIMES_IN_FORCE } from './enum-values.js';
import { definedFields, RowReader, type Row } from './row-reader.js';

const COLUMNS = `client_order_id, symbol, conid, side, order_type, quantity, limit_price_mills, stop_price_mills, tif,
  purpose, state, broker_order_id, filled_quantity, last_error, created_at, updated_at`;

/**
 * The order journal, one row per client order id. The intent is spread over columns so that SQL can
 * answer "which orders are still submitting" without decoding anything.
 */
export class SqliteOrderJournal implements OrderJournal {
  private readonly insert: Database.Statement<[Row]>;
  private readonly rewrite: Database.Statement<[Row]>;
  private readonly byId: Database.Statement<[string], Row>;
  private readonly byState: Database.Statement<[string], Row>;
  private readonly everything: Database.Statement<[], Row>;
  private readonly updateOne: (clientOrderId: ClientOrderId, changes: JournalChanges, at: EpochMs) => JournalEntry;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO order_journal (${COLUMNS})
       VALUES (@client_order_id, @symbol, @conid, @side, @order_type, @quantity, @limit_price_mills,
         @stop_price_mills, @tif, @purpose, @state, @broker_order_id, @filled_quantity, @last_error, @created_at,
         @updated_at)
       ON CONFLICT (client_order_id) DO NOTHING`,
    );
    // The intent and creation time are never rewritten: an update only records what happened to the order.
    this.rewrite = db.prepare(
      `UPDATE order_journal SET state = @state, broker_order_id = @broker_order_id,
         filled_quantity = @filled_quantity, last_error = @last_error, updated_at = @updated_at
       WHERE client_order_id = @client_order_id`,
    );
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM order_journal WHERE client_order_id = ?`);
    this.byState = db.prepare(
      `SELECT ${COLUMNS} FROM order_journal
       WHERE state IN (SELECT value FROM json_each(?)) ORDER BY created_at, client_order_id`,
    );
    this.everything = db.prepare(`SELECT ${COLUMNS} FROM order_journal ORDER BY created_at, client_order_id`);
    this.updateOne = db.transaction((clientOrderId: ClientOrderId, changes: JournalChanges, at: EpochMs) => {
      const current = this.get(clientOrderId);
      if (current === undefined) throw new JournalEntryNotFound(clientOrderId);
      const updated = applyJournalChanges(current, changes, at);
      this.rewrite.run(toRow(updated));
      return updated;
    });
  }

  open(entry: JournalEntry): boolean {
    assertJournalEntryConsistent(entry);
    return this.insert.run(toRow(entry)).changes === 1;
  }

  update(clientOrderId: ClientOrderId, changes: JournalChanges, at: EpochMs): JournalEntry {
    return this.updateOne(clientOrderId, changes, at);
  }

  get(clientOrderId: ClientOrderId): JournalEntry | undefined {
    const row = this.byId.get(clientOrderId);
    return row === undefined ? undefined : toEntry(row);
  }

  inStates(states: readonly JournalState[]): JournalEntry[] {
    return this.byState.all(JSON.stringify(states)).map(toEntry);
  }

  all(): JournalEntry[] {
    return this.everything.all().map(toEntry);
  }
}

function toRow(entry: JournalEntry): Row {
  const { intent } = entry;
  return {
    client_order_id: entry.clientOrderId,
    symbol: intent.instrument.symbol,
    conid: intent.instrument.conid,
    side: intent.side,
    order_type: intent.type,
    quantity: intent.quantity,
    limit_price_mills: intent.limitPrice ?? null,
    stop_price_mills: intent.stopPrice ?? null,
    tif: intent.tif,
    purpose: intent.purpose,
    state: entry.state,
    broker_order_id: entry.brokerOrderId ?? null,
    filled_quantity: entry.filledQuantity,
    last_error: entry.lastError ?? null,
    created_at: entry.createdAt,
    updated_at: entry.updatedAt,
  };
}

function toEntry(row: Row): JournalEntry {
  const read = RowReader.keyed('order_journal', ['client_order_id'], row);
  const clientOrderId = read.clientOrderId('client_order_id');
  const intent = definedFields<OrderIntent>({
    clientOrderId,
    instrument: read.instrument('symbol', 'conid'),
    side: read.oneOf('side', SIDES),
    type: read.oneOf('order_type', ORDER_TYPES),
    quantity: read.quantity('quantity'),
    limitPrice: read.optional('limit_price_mills', read.price),
    stopPrice: read.optional('stop_price_mills', read.price),
    tif: read.oneOf('tif', TIMES_IN_FORCE),
    purpose: read.oneOf('purpose', ORDER_PURPOSES),
  });
  return definedFields<JournalEntry>({
    clientOrderId,
    intent,
    state: read.oneOf('state', JOURNAL_STATES),
    brokerOrderId: read.optional('broker_order_id', read.text),
    filledQuantity: read.quantity('filled_quantity'),
    lastError: read.optional('last_error', read.text),
    createdAt: read.instant('created_at'),
    updatedAt: read.instant('updated_at'),
  });
}
