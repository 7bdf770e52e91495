import type { ReplayListener } from '../../application/replay/market-replay.js';
import { realisedPerExit } from '../../application/shared/realised-pnl.js';
import type { TradingDayResult } from '../../application/trading/trading-day.js';
import type { Candidate } from '../../domain/candidate/candidate.js';
import type { ScanResult } from '../../domain/market/scan-result.js';
import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { JournalState } from '../../domain/orders/journal-entry.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { Position } from '../../domain/position/position.js';
import type { AsxSymbol } from '../../domain/values/instrument.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import { describeDay } from '../cli/commands/day-report.js';
import type { OutputStream } from '../cli/cli-context.js';
import { clockTimeWithSeconds, scanTable } from './scan-table.js';
import * as say from './step-lines.js';

/** Journal states before the broker has answered: an order is reported once it leaves them. */
const UNSENT_STATES: ReadonlySet<JournalState> = new Set(['intent', 'submitting']);
const ENDED_STATES: ReadonlySet<JournalState> = new Set(['cancelled', 'rejected', 'unknown']);

/**
 * Tells the demo day as it happens. It does not listen to the trading code: after every settled moment of the
 * replay it compares Skim's database with what it printed last time and prints what changed, in the order a
 * reader follows a day (scan, gaps and ranges, orders, fills, positions), each line stamped with Sydney time.
 */
export class DemoNarrator implements ReplayListener {
  private date: LocalDate | undefined;
  private readonly candidates = new Map<string, Candidate>();
  private readonly orders = new Map<string, JournalState>();
  private readonly fills = new Set<string>();
  private readonly positions = new Map<string, Position>();
  private pendingScan: readonly ScanResult[] | undefined;

  constructor(
    private readonly out: OutputStream,
    private readonly repository: Repository,
    private readonly clock: Clock,
  ) {
    for (const entry of repository.journal.all()) this.orders.set(entry.clientOrderId, entry.state);
    for (const position of repository.positions.withStatus(['open', 'half_exited', 'closed'])) {
      this.positions.set(position.id, position);
    }
  }

  line(text: string): void {
    this.out.write(`${text}\n`);
  }

  startDay(date: LocalDate, title: string): void {
    this.date = date;
    this.candidates.clear();
    this.line('');
    this.line(`== ${title} ${'='.repeat(Math.max(3, 72 - title.length))}`);
  }

  /** The pre-open scanner answered; the table is printed once the scan has stored its candidates. */
  scanned(results: readonly ScanResult[]): void {
    this.pendingScan = results;
  }

  warned(message: string): void {
    this.stamped(undefined, `! ${message}`);
  }

  settledAt(at: EpochMs): void {
    const date = this.date;
    if (date === undefined) return;
    this.reportScan(date);
    this.reportCandidates(date);
    this.reportOrders();
    this.reportFills(date, at);
    this.reportPositions();
  }

  endDay(result: TradingDayResult): void {
    this.settledAt(this.clock.now());
    this.stamped(undefined, 'end of day');
    for (const text of describeDay(result).split('\n')) this.line(`          ${text}`);
  }

  private reportScan(date: LocalDate): void {
    const results = this.pendingScan;
    if (results === undefined) return;
    this.pendingScan = undefined;
    const candidates = this.repository.candidates.forDate(date);
    this.stamped(
      undefined,
      `pre-open scan: ${results.length} gapping up, ${candidates.length} with price-sensitive news`,
    );
    if (results.length > 0)
      for (const text of scanTable(results, candidates).split('\n')) this.line(`          ${text}`);
  }

  private reportCandidates(date: LocalDate): void {
    for (const candidate of this.repository.candidates.forDate(date)) {
      const before = this.candidates.get(candidate.id);
      this.candidates.set(candidate.id, candidate);
      if (before === undefined) continue;
      if (before.openingRangeHigh === undefined && candidate.openingRangeHigh !== undefined) {
        this.stamped(candidate.symbol, say.rangeComplete(candidate));
      }
      if (before.status !== candidate.status) this.stamped(candidate.symbol, say.candidateMoved(candidate));
    }
  }

  /** Orders once the broker has answered for them, and again if they end without filling. */
  private reportOrders(): void {
    for (const entry of this.repository.journal.all()) {
      const before = this.orders.get(entry.clientOrderId);
      if (UNSENT_STATES.has(entry.state)) continue;
      this.orders.set(entry.clientOrderId, entry.state);
      const symbol = entry.intent.instrument.symbol;
      if (before === undefined || UNSENT_STATES.has(before)) this.stamped(symbol, say.orderPlaced(entry));
      else if (before !== entry.state && ENDED_STATES.has(entry.state)) this.stamped(symbol, say.orderEnded(entry));
    }
  }

  private reportFills(date: LocalDate, at: EpochMs): void {
    for (const fill of this.repository.trades.between(sydneyLocalToEpoch(date, '00:00'), at + 1)) {
      if (this.fills.has(fill.executionId)) continue;
      this.fills.add(fill.executionId);
      const purpose = this.repository.journal.get(fill.clientOrderId)?.intent.purpose ?? 'order';
      this.stamped(fill.instrument.symbol, say.filled(fill, purpose));
    }
  }

  private reportPositions(): void {
    for (const position of this.repository.positions.withStatus(['open', 'half_exited', 'closed'])) {
      const before = this.positions.get(position.id);
      this.positions.set(position.id, position);
      const symbol = position.instrument.symbol;
      if (before === undefined) {
        this.stamped(symbol, say.positionOpened(position));
        continue;
      }
      const exits = realisedPerExit(position).slice(before.exits.length);
      for (const exit of exits) this.stamped(symbol, say.positionExited(exit, position));
      if (exits.length === 0 && before.stopPrice !== position.stopPrice) this.stamped(symbol, say.stopMoved(position));
    }
  }

  private stamped(symbol: AsxSymbol | undefined, text: string): void {
    this.line(`${clockTimeWithSeconds(this.clock.now())}  ${(symbol ?? '').padEnd(4)}  ${text}`);
  }
}
