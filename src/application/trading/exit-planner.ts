import { sydneyDateOf, sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import { deriveClientOrderId, type ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { Position } from '../../domain/position/position.js';
import { decideHalfExit } from '../../domain/strategy/half-exit.js';
import { decideSmaTrail, type DailyClose, type SmaTrailDecision } from '../../domain/strategy/sma-trail.js';
import type { StrategyConfig } from '../../domain/strategy/strategy-config.js';
import { formatPrice } from '../../domain/values/price.js';
import { addDays, type LocalDate } from '../../domain/values/time.js';
import type { AppLogger } from '../shared/app-logger.js';

/** A strategy exit due now: sell `quantity` at market under `clientOrderId`. */
export interface ExitPlan {
  readonly purpose: 'day3_half' | 'sma_trail';
  readonly clientOrderId: ClientOrderId;
  /** The most the rule wants sold; the caller trims it to what is not already being sold. */
  readonly quantity: number;
  readonly why: string;
}

/** Tries per exit and day: a rejected exit order is sent again under the next sequence number, this often. */
const MAX_EXIT_ATTEMPTS = 3;

/** How each exit is named in its client order id (ids allow no underscore): skim-20250423-BHP-half-1. */
const ID_TAGS: Readonly<Record<ExitPlan['purpose'], string>> = { day3_half: 'half', sma_trail: 'trail' };

/**
 * Decides which strategy exit a position is due at a check after the open: the day-N half exit (counted in
 * ASX trading days) or, after it, the SMA trail on the latest completed daily close. Each exit is sent once
 * a day; the trail decision is made once per position and day because completed closes do not change.
 */
export class ExitPlanner {
  private readonly trailDecisions = new Map<string, SmaTrailDecision>();

  constructor(
    private readonly broker: Broker,
    private readonly repository: Repository,
    private readonly calendar: TradingCalendar,
    private readonly strategy: StrategyConfig,
    private readonly log: AppLogger,
  ) {}

  async due(position: Position, today: LocalDate): Promise<ExitPlan | undefined> {
    if (position.status === 'open') return this.halfExit(position, today);
    if (position.status === 'half_exited') return this.trail(position, today);
    return undefined;
  }

  private halfExit(position: Position, today: LocalDate): ExitPlan | undefined {
    const symbol = position.instrument.symbol;
    const decision = decideHalfExit(position, today, this.calendar, this.strategy.halfExitDay);
    if (decision.kind === 'none') {
      this.log.debug({ symbol, reason: decision.reason, detail: decision.detail }, 'no half exit');
      return undefined;
    }
    const clientOrderId = this.freshExitId(today, position, 'day3_half');
    if (clientOrderId === undefined) return undefined;
    const why = `trading day ${decision.tradingDay} since entry on ${position.entryDate}: sell ${decision.quantity}, keep ${decision.remainder}`;
    this.log.info({ symbol, tradingDay: decision.tradingDay, quantity: decision.quantity }, `half exit due: ${why}`);
    return { purpose: 'day3_half', clientOrderId, quantity: decision.quantity, why };
  }

  private async trail(position: Position, today: LocalDate): Promise<ExitPlan | undefined> {
    const symbol = position.instrument.symbol;
    const decision = await this.trailDecision(position, today);
    if (decision.kind === 'none') {
      this.log.debug({ symbol, reason: decision.reason, detail: decision.detail }, 'no SMA trail decision');
      return undefined;
    }
    const facts = {
      symbol,
      close: formatPrice(decision.close),
      sma: Math.round(decision.smaMills) / 1000,
      date: decision.date,
    };
    const halfExitAt = position.exits.find((exit) => exit.reason === 'day3_half')?.at;
    const halfExitDate = halfExitAt === undefined ? position.entryDate : sydneyDateOf(halfExitAt);
    if (decision.kind === 'hold' || decision.date < halfExitDate) {
      this.log.debug(facts, 'SMA trail holds');
      return undefined;
    }
    const clientOrderId = this.freshExitId(today, position, 'sma_trail');
    if (clientOrderId === undefined) return undefined;
    const why = `close ${formatPrice(decision.close)} on ${decision.date} is below the ${this.strategy.smaDays}-day SMA ${facts.sma}`;
    this.log.info(facts, `SMA trail exit due: ${why}`);
    return { purpose: 'sma_trail', clientOrderId, quantity: position.quantity, why };
  }

  private async trailDecision(position: Position, today: LocalDate): Promise<SmaTrailDecision> {
    const key = `${position.id}@${today}`;
    const known = this.trailDecisions.get(key);
    if (known !== undefined) return known;
    const lastCompleted = this.calendar.previousTradingDay(today);
    const decision = decideSmaTrail(
      position.status,
      await this.dailyCloses(position, today),
      lastCompleted,
      this.strategy.smaDays,
    );
    this.trailDecisions.set(key, decision);
    return decision;
  }

  /** Completed daily closes before `today`, one per Sydney date, oldest first. */
  private async dailyCloses(position: Position, today: LocalDate): Promise<DailyClose[]> {
    const lookbackDays = this.strategy.smaDays * 2 + 14;
    const bars = await this.broker.bars(position.instrument, {
      size: '1d',
      from: sydneyLocalToEpoch(addDays(today, -lookbackDays), '00:00'),
      to: sydneyLocalToEpoch(today, '00:00'),
    });
    const byDate = new Map<LocalDate, DailyClose>();
    for (const bar of bars) {
      const date = sydneyDateOf(bar.start);
      byDate.set(date, { date, close: bar.close });
    }
    return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /**
   * The id to send today's exit under, or undefined when today's exit is already working or done. An exit
   * the broker rejected or cancelled is tried again under the next sequence number.
   */
  private freshExitId(today: LocalDate, position: Position, purpose: ExitPlan['purpose']): ClientOrderId | undefined {
    for (let sequence = 1; sequence <= MAX_EXIT_ATTEMPTS; sequence++) {
      const id = deriveClientOrderId(today, position.instrument.symbol, ID_TAGS[purpose], sequence);
      const entry = this.repository.journal.get(id);
      if (entry === undefined) return id;
      if (entry.state !== 'cancelled' && entry.state !== 'rejected') return undefined;
    }
    this.log.error(
      { symbol: position.instrument.symbol, purpose, attempts: MAX_EXIT_ATTEMPTS },
      'exit order failed too often today; not sent again',
    );
    return undefined;
  }
}
