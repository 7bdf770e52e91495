import type { Quote } from '../../domain/market/quote.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import { unrealisedPnl, type Position } from '../../domain/position/position.js';
import { dayPnl } from '../../domain/risk/daily-loss.js';
import { sum, ZERO, type Money } from '../../domain/values/money.js';
import type { Price } from '../../domain/values/price.js';
import type { LocalDate } from '../../domain/values/time.js';
import type { AppLogger } from './app-logger.js';
import { errorText } from './error-text.js';
import { realisedWithin } from './realised-pnl.js';
import { sydneyDayBounds } from './sydney-day.js';

/** An open position valued at the broker's last price, or the reason it could not be. */
export type PositionMark =
  | { readonly position: Position; readonly priced: true; readonly last: Price; readonly unrealised: Money }
  | { readonly position: Position; readonly priced: false; readonly missing: string };

export interface DayPnlReport {
  readonly date: LocalDate;
  /** Exits of the day less the commissions of the day's entries. */
  readonly realised: Money;
  /** Open positions at their last price, against what their shares cost; unpriced positions count 0. */
  readonly unrealised: Money;
  readonly total: Money;
  readonly marks: readonly PositionMark[];
}

/** The day's P&L as the kill switch and `skim status` see it: realised today plus unrealised now. */
export class DayPnlCalculator {
  constructor(
    private readonly broker: Broker,
    private readonly repository: Repository,
    private readonly log: AppLogger,
  ) {}

  async measure(date: LocalDate): Promise<DayPnlReport> {
    const bounds = sydneyDayBounds(date);
    const open = this.repository.positions.withStatus(['open', 'half_exited']);
    const closedToday = this.repository.positions.closedSince(bounds.from);
    const realised = sum([...open, ...closedToday].map((position) => realisedWithin(position, bounds)));
    const marks = await this.mark(open);
    const unrealised = sum(marks.map((mark) => (mark.priced ? mark.unrealised : ZERO)));
    return { date, realised, unrealised, total: dayPnl(realised, unrealised), marks };
  }

  private async mark(positions: readonly Position[]): Promise<PositionMark[]> {
    if (positions.length === 0) return [];
    let quotes: Quote[];
    try {
      quotes = await this.broker.quotes(positions.map((position) => position.instrument));
    } catch (error) {
      const missing = `quotes unavailable: ${errorText(error)}`;
      this.log.warn({ error: errorText(error) }, 'no quotes to value open positions: unrealised P&L counts them at 0');
      return positions.map((position) => ({ position, priced: false, missing }));
    }
    return positions.map((position) => markOf(position, quotes));
  }
}

function markOf(position: Position, quotes: readonly Quote[]): PositionMark {
  const quote = quotes.find((candidate) => candidate.instrument.conid === position.instrument.conid);
  if (quote === undefined) return { position, priced: false, missing: 'no quote returned' };
  if (quote.last === undefined) return { position, priced: false, missing: 'quote has no last price' };
  return { position, priced: true, last: quote.last, unrealised: unrealisedPnl(position, quote.last) };
}
