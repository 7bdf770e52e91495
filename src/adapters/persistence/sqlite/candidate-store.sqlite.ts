import type Database from 'better-sqlite3';
import type { Candidate, CandidateStatus } from '../../../domain/candidate/candidate.js';
import type { CandidateStore } from '../../../domain/ports/repository.port.js';
import type { LocalDate } from '../../../domain/values/time.js';
import { CANDIDATE_STATUSES } from './enum-values.js';
import { definedFields, RowReader, type Row } from './row-reader.js';

const COLUMNS = `id, symbol, trading_date, status, gap_pct, headline, announcement_at, opening_range_high_mills,
  opening_range_low_mills, low_of_day_mills, note, created_at, updated_at`;

export class SqliteCandidateStore implements CandidateStore {
  private readonly upsert: Database.Statement<[Row]>;
  private readonly byId: Database.Statement<[string], Row>;
  private readonly byDate: Database.Statement<[LocalDate], Row>;
  private readonly byDateAndStatus: Database.Statement<[LocalDate, string], Row>;

  constructor(db: Database.Database) {
    this.upsert = db.prepare(
      `INSERT INTO candidates (${COLUMNS})
       VALUES (@id, @symbol, @trading_date, @status, @gap_pct, @headline, @announcement_at, @opening_range_high_mills,
         @opening_range_low_mills, @low_of_day_mills, @note, @created_at, @updated_at)
       ON CONFLICT (id) DO UPDATE SET
         symbol = excluded.symbol, trading_date = excluded.trading_date, status = excluded.status,
         gap_pct = excluded.gap_pct, headline = excluded.headline, announcement_at = excluded.announcement_at,
         opening_range_high_mills = excluded.opening_range_high_mills,
         opening_range_low_mills = excluded.opening_range_low_mills, low_of_day_mills = excluded.low_of_day_mills,
         note = excluded.note, created_at = excluded.created_at, updated_at = excluded.updated_at`,
    );
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM candidates WHERE id = ?`);
    this.byDate = db.prepare(`SELECT ${COLUMNS} FROM candidates WHERE trading_date = ? ORDER BY id`);
    this.byDateAndStatus = db.prepare(
      `SELECT ${COLUMNS} FROM candidates
       WHERE trading_date = ? AND status IN (SELECT value FROM json_each(?)) ORDER BY id`,
    );
  }

  save(candidate: Candidate): void {
    this.upsert.run(toRow(candidate));
  }

  get(id: string): Candidate | undefined {
    const row = this.byId.get(id);
    return row === undefined ? undefined : toCandidate(row);
  }

  forDate(tradingDate: LocalDate, statuses?: readonly CandidateStatus[]): Candidate[] {
    const rows =
      statuses === undefined
        ? this.byDate.all(tradingDate)
        : this.byDateAndStatus.all(tradingDate, JSON.stringify(statuses));
    return rows.map(toCandidate);
  }
}

function toRow(candidate: Candidate): Row {
  return {
    id: candidate.id,
    symbol: candidate.symbol,
    trading_date: candidate.tradingDate,
    status: candidate.status,
    gap_pct: candidate.gapPct,
    headline: candidate.headline ?? null,
    announcement_at: candidate.announcementAt ?? null,
    opening_range_high_mills: candidate.openingRangeHigh ?? null,
    opening_range_low_mills: candidate.openingRangeLow ?? null,
    low_of_day_mills: candidate.lowOfDay ?? null,
    note: candidate.note ?? null,
    created_at: candidate.createdAt,
    updated_at: candidate.updatedAt,
  };
}

function toCandidate(row: Row): Candidate {
  const read = RowReader.keyed('candidates', ['id'], row);
  return definedFields<Candidate>({
    id: read.text('id'),
    symbol: read.symbol('symbol'),
    tradingDate: read.localDate('trading_date'),
    status: read.oneOf('status', CANDIDATE_STATUSES),
    gapPct: read.real('gap_pct'),
    headline: read.optional('headline', read.text),
    announcementAt: read.optional('announcement_at', read.instant),
    openingRangeHigh: read.optional('opening_range_high_mills', read.price),
    openingRangeLow: read.optional('opening_range_low_mills', read.price),
    lowOfDay: read.optional('low_of_day_mills', read.price),
    note: read.optional('note', read.text),
    createdAt: read.instant('created_at'),
    updatedAt: read.instant('updated_at'),
  });
}
