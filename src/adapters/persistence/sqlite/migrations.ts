/**
 * One step of the schema's history. A migration, once released, is never edited: a later change is a
 * new migration with the next version. Migrations only add (tables, columns, indexes, or a rebuilt table
 * that copies every row); they never drop or delete data, because a user's open trades are sacred.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/**
 * Amounts and prices are INTEGER mills and quantities INTEGER shares, so nothing passes through a binary
 * fraction; instants are INTEGER epoch milliseconds; dates are TEXT YYYY-MM-DD (Sydney). STRICT tables
 * refuse a value of the wrong type instead of converting it.
 */
const INITIAL_SCHEMA = `
CREATE TABLE candidates (
  id TEXT PRIMARY KEY,
  symbol TEXT NOT NULL,
  trading_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('watching', 'triggered', 'entered', 'expired', 'rejected')),
  gap_pct REAL NOT NULL,
  headline TEXT,
  announcement_at INTEGER,
  opening_range_high_mills INTEGER CHECK (opening_range_high_mills > 0),
  opening_range_low_mills INTEGER CHECK (opening_range_low_mills > 0),
  low_of_day_mills INTEGER CHECK (low_of_day_mills > 0),
  note TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX candidates_by_date_status ON candidates (trading_date, status);

CREATE TABLE positions (
  id TEXT PRIMARY KEY,
  symbol TEXT NOT NULL,
  conid INTEGER NOT NULL CHECK (conid > 0),
  status TEXT NOT NULL CHECK (status IN ('open', 'half_exited', 'closed')),
  entry_date TEXT NOT NULL,
  initial_quantity INTEGER NOT NULL CHECK (initial_quantity >= 0),
  quantity INTEGER NOT NULL CHECK (quantity >= 0),
  cost_basis_mills INTEGER NOT NULL,
  stop_price_mills INTEGER NOT NULL CHECK (stop_price_mills > 0),
  commissions_mills INTEGER NOT NULL,
  realised_pnl_mills INTEGER NOT NULL,
  opened_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX positions_by_status ON positions (status);

CREATE TABLE position_exits (
  position_id TEXT NOT NULL REFERENCES positions (id),
  sequence INTEGER NOT NULL CHECK (sequence >= 0),
  reason TEXT NOT NULL CHECK (reason IN ('stop', 'day3_half', 'sma_trail', 'manual', 'kill_switch', 'reconcile')),
  quantity INTEGER NOT NULL CHECK (quantity >= 0),
  price_mills INTEGER NOT NULL CHECK (price_mills > 0),
  commission_mills INTEGER NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (position_id, sequence)
) STRICT;

CREATE TABLE trades (
  execution_id TEXT NOT NULL UNIQUE,
  client_order_id TEXT NOT NULL,
  broker_order_id TEXT NOT NULL,
  symbol TEXT NOT NULL,
  conid INTEGER NOT NULL CHECK (conid > 0),
  side TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
  quantity INTEGER NOT NULL CHECK (quantity >= 0),
  price_mills INTEGER NOT NULL CHECK (price_mills > 0),
  commission_mills INTEGER NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX trades_by_time ON trades (at);
CREATE INDEX trades_by_order ON trades (client_order_id);

CREATE TABLE order_journal (
  client_order_id TEXT NOT NULL UNIQUE,
  symbol TEXT NOT NULL,
  conid INTEGER NOT NULL CHECK (conid > 0),
  side TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
  order_type TEXT NOT NULL CHECK (order_type IN ('MKT', 'LMT', 'STP')),
  quantity INTEGER NOT NULL CHECK (quantity >= 0),
  limit_price_mills INTEGER CHECK (limit_price_mills > 0),
  stop_price_mills INTEGER CHECK (stop_price_mills > 0),
  tif TEXT NOT NULL CHECK (tif IN ('DAY', 'GTC')),
  purpose TEXT NOT NULL
    CHECK (purpose IN ('entry', 'stop', 'day3_half', 'sma_trail', 'manual', 'kill_switch', 'reconcile')),
  state TEXT NOT NULL CHECK (state IN (
    'intent', 'submitting', 'pending', 'working', 'partially_filled', 'filled', 'cancelled', 'rejected', 'unknown'
  )),
  broker_order_id TEXT,
  filled_quantity INTEGER NOT NULL CHECK (filled_quantity >= 0),
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX order_journal_by_state ON order_journal (state);
`;

/** The day the daily-loss kill switch tripped survives a restart. */
const KILL_SWITCH_TRIPS = `
CREATE TABLE kill_switch_trips (
  trading_date TEXT PRIMARY KEY,
  tripped_at INTEGER NOT NULL,
  pnl_mills INTEGER NOT NULL CHECK (pnl_mills < 0)
) STRICT;
`;

/** Every migration, oldest first; versions count up from 1 without gaps. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'candidates, positions with their exits, trades by execution id, order journal',
    sql: INITIAL_SCHEMA,
  },
  {
    version: 2,
    description: 'the days the daily-loss kill switch tripped',
    sql: KILL_SWITCH_TRIPS,
  },
];

export const latestVersion = (migrations: readonly Migration[]): number => migrations.at(-1)?.version ?? 0;
