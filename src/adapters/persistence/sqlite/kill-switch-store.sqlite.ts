import type Database from 'better-sqlite3';
import type { KillSwitchStore } from '../../../domain/ports/repository.port.js';
import type { TrippedKillSwitch } from '../../../domain/risk/daily-loss.js';
import type { LocalDate } from '../../../domain/values/time.js';
import { RowReader, type Row } from './row-reader.js';

/** One row per trading day on which the daily-loss kill switch tripped. */
export class SqliteKillSwitchStore implements KillSwitchStore {
  private readonly insert: Database.Statement<[Row]>;
  private readonly onDate: Database.Statement<[LocalDate], Row>;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO kill_switch_trips (trading_date, tripped_at, pnl_mills) VALUES (@trading_date, @tripped_at, @pnl_mills)
       ON CONFLICT (trading_date) DO NOTHING`,
    );
    this.onDate = db.prepare(
      'SELECT trading_date, tripped_at, pnl_mills FROM kill_switch_trips WHERE trading_date = ?',
    );
  }

  recordTrip(trip: TrippedKillSwitch): void {
    this.insert.run({ trading_date: trip.date, tripped_at: trip.trippedAt, pnl_mills: trip.pnlAtTrip });
  }

  tripOn(date: LocalDate): TrippedKillSwitch | undefined {
    const row = this.onDate.get(date);
    if (row === undefined) return undefined;
    const read = RowReader.keyed('kill_switch_trips', ['trading_date'], row);
    return {
      date: read.localDate('trading_date'),
      tripped: true,
      trippedAt: read.instant('tripped_at'),
      pnlAtTrip: read.money('pnl_mills'),
    };
  }
}
