import { moveCandidate, type Candidate } from '../../domain/candidate/candidate.js';
import { continuousOpenAt } from '../../domain/market/session-schedule.js';
import { sydneyDateOf, sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { Quote } from '../../domain/market/quote.js';
import { deriveClientOrderId, type ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { OrderIntent } from '../../domain/orders/order-intent.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import { describeKillSwitch } from '../../domain/risk/daily-loss.js';
import { checkEntryRisk } from '../../domain/risk/entry-risk-check.js';
import { positionSize } from '../../domain/risk/position-sizing.js';
import { decideBreakout, type BreakoutDecision } from '../../domain/strategy/breakout.js';
import { initialStop } from '../../domain/strategy/initial-stop.js';
import type { TradePrint } from '../../domain/strategy/price-window.js';
import type { Instrument } from '../../domain/values/instrument.js';
import { formatMoney, type Money } from '../../domain/values/money.js';
import { formatPrice, type Price } from '../../domain/values/price.js';
import type { Quantity } from '../../domain/values/quantity.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import { isUnresolved } from '../orders/live-orders.js';
import type { OrderRateMeter } from '../orders/order-rate-meter.js';
import type { OrderSubmitter } from '../orders/order-submitter.js';
import type { AppLogger } from '../shared/app-logger.js';
import type { DailyLossGuard } from '../shared/daily-loss-guard.js';
import { errorText } from '../shared/error-text.js';
import type { MarketView } from '../streaming/market-view.js';
import { sessionPricesFromBars } from '../streaming/session-prices.js';
import type { InstrumentDirectory } from '../shared/instrument-directory.js';
import type { HaltSwitch } from '../shared/trading-halt.js';
import { entryRiskState, heldSymbols, liveEntriesOf } from './entry-risk-state.js';
import type { EntryWindowCloser } from './entry-window-closer.js';
import type { TradingSettings } from './trading-settings.js';

export interface ExecuteEntriesDeps {
  readonly broker: Broker;
  readonly repository: Repository;
  readonly instruments: InstrumentDirectory;
  readonly submitter: OrderSubmitter;
  readonly rateMeter: OrderRateMeter;
  readonly dailyLoss: DailyLossGuard;
  readonly halt: HaltSwitch;
  readonly entryWindow: EntryWindowCloser;
  readonly calendar: TradingCalendar;
  readonly clock: Clock;
  readonly log: AppLogger;
  /** Streamed market data, when a stream runs: fresh quotes only, and the range from its trades. */
  readonly market?: MarketView;
}

type EntryAllowance =
  | { readonly allowed: true; readonly dayPnl: Money }
  | { readonly allowed: false; readonly reason: string; readonly facts: object };

/** An entry the rules allow, ready to be journalled and sent. */
interface EntryPlan {
  readonly instrument: Instrument;
  readonly decision: Extract<BreakoutDecision, { signal: 'enter' }>;
  readonly stopPrice: Price;
  readonly quantity: Quantity;
}

/**
 * The breakout entries of the day: for each triggered candidate with a complete opening range, before the
 * entry cutoff, decide the entry (breakout, stop at the low of day, size, risk check) and send it once
 * under the client order id derived from the day and symbol. At the cutoff the entry window closes.
 */
export class ExecuteEntriesUseCase {
  constructor(
    private readonly deps: ExecuteEntriesDeps,
    private readonly settings: TradingSettings,
  ) {}

  async run(): Promise<void> {
    const { clock, calendar, entryWindow } = this.deps;
    const now = clock.now();
    const today = sydneyDateOf(now);
    if (!calendar.isTradingDay(today)) return;
    if (now >= sydneyLocalToEpoch(today, this.settings.strategy.entryCutoff)) {
      await entryWindow.close(today, `entry cutoff ${this.settings.strategy.entryCutoff} reached`);
      return;
    }
    const ready = this.readyCandidates(today, now);
    const resting = liveEntriesOf(this.deps.repository, today).length;
    if (ready.length === 0 && resting === 0) return;
    const allowance = await this.entryAllowance(today, now);
    if (!allowance.allowed) {
      const symbols = ready.map((candidate) => candidate.symbol);
      this.deps.log.warn(
        { symbols, restingEntryOrders: resting, ...allowance.facts },
        `no new entries: ${allowance.reason}`,
      );
      // A resting buy-stop would still open a position, so it goes too.
      if (resting > 0) await entryWindow.cancelEntryOrders(today, allowance.reason);
      return;
    }
    for (const candidate of ready) {
      try {
        await this.consider(candidate, now, allowance.dayPnl);
      } catch (error) {
        this.deps.log.error({ symbol: candidate.symbol, error: errorText(error) }, 'entry check failed');
      }
    }
  }

  /** Triggered candidates with a complete range and no entry order yet. */
  private readyCandidates(today: LocalDate, now: EpochMs): Candidate[] {
    const ready: Candidate[] = [];
    for (const candidate of this.deps.repository.candidates.forDate(today, ['triggered'])) {
      if (candidate.openingRangeHigh === undefined) continue;
      if (!this.settleFromJournal(candidate, now)) ready.push(candidate);
    }
    return ready;
  }

  /**
   * A candidate whose entry order is already journalled (a second run, or a crash before the candidate was
   * saved) is brought up to date without sending anything; true when that settled it.
   */
  private settleFromJournal(candidate: Candidate, now: EpochMs): boolean {
    const entry = this.deps.repository.journal.get(entryIdOf(candidate));
    if (entry === undefined || isUnresolved(entry)) return false;
    const ended = (entry.state === 'cancelled' || entry.state === 'rejected') && entry.filledQuantity === 0;
    const note = ended
      ? `entry order ${entry.clientOrderId} ${entry.state}: ${entry.lastError ?? 'no reason given'}`
      : `entry order ${entry.clientOrderId} already with the broker (${entry.state})`;
    this.save(moveCandidate(candidate, ended ? 'rejected' : 'entered', now, { note }));
    this.deps.log.info({ symbol: candidate.symbol, clientOrderId: entry.clientOrderId, state: entry.state }, note);
    return true;
  }

  /** Whether new entries may be made now: not while halted or after the daily-loss kill switch tripped. */
  private async entryAllowance(today: LocalDate, now: EpochMs): Promise<EntryAllowance> {
    const halt = this.deps.halt.isHalted();
    if (halt.halted) return { allowed: false, reason: `trading is halted (${halt.reason})`, facts: {} };
    const { killSwitch, pnl } = await this.deps.dailyLoss.check(today, now);
    if (!killSwitch.tripped) return { allowed: true, dayPnl: pnl.total };
    return {
      allowed: false,
      reason: describeKillSwitch(killSwitch, this.deps.dailyLoss.limit),
      facts: { dayPnl: formatMoney(pnl.total) },
    };
  }

  private async consider(candidate: Candidate, now: EpochMs, dayPnl: Money): Promise<void> {
    const plan = await this.plan(candidate, now);
    if (plan === undefined) return;
    const { symbol } = candidate;
    const id = entryIdOf(candidate);
    const { decision, quantity, stopPrice } = plan;
    const price = decision.referencePrice;
    const facts = { symbol, quantity, price: formatPrice(price), stopPrice: formatPrice(stopPrice) };
    const state = entryRiskState(
      this.deps.repository,
      candidate.tradingDate,
      dayPnl,
      this.deps.rateMeter.sentInLastMinute(now),
      id,
    );
    const risk = checkEntryRisk({ symbol, quantity, price }, state, this.settings.risk);
    if (!risk.allowed) {
      this.deps.log.warn({ ...facts, rule: risk.rule, detail: risk.detail }, `entry refused by risk rule ${risk.rule}`);
      return;
    }
    this.save({ ...candidate, lowOfDay: stopPrice, updatedAt: now });
    const outcome = await this.deps.submitter.submit(entryIntent(id, plan));
    if (outcome.kind === 'unknown') {
      this.deps.log.warn({ ...facts, reason: outcome.reason }, 'entry order state unknown: looked up again next check');
      return;
    }
    const rejected = outcome.kind === 'rejected';
    const note = rejected
      ? `entry order rejected: ${outcome.reason}`
      : `entry ${decision.entryOrder === 'stop' ? 'buy-stop' : 'market buy'} of ${quantity} at ${formatPrice(price)} sent, stop ${formatPrice(stopPrice)}`;
    this.save(moveCandidate(candidate, rejected ? 'rejected' : 'entered', now, { lowOfDay: stopPrice, note }));
    this.deps.log.info({ ...facts, clientOrderId: id, outcome: outcome.kind }, note);
  }

  /** Runs the strategy's entry rules for one candidate; undefined (with the reason logged) when there is no entry now. */
  private async plan(candidate: Candidate, now: EpochMs): Promise<EntryPlan | undefined> {
    const { symbol, tradingDate } = candidate;
    const { broker, instruments, log } = this.deps;
    const strategy = this.settings.strategy;
    const instrument = await instruments.resolve(symbol);
    const quote = await this.currentQuote(instrument);
    if (quote?.halted) {
      log.info({ symbol }, 'no entry: the stock is halted');
      return undefined;
    }
    const freshness = quote?.freshness ?? 'unavailable';
    const usable = freshness === 'realtime' || (freshness === 'delayed' && this.settings.allowDelayedData === true);
    if (!usable) {
      log.warn(
        { symbol, freshness },
        `no entry: market data is ${freshness} (set SKIM_ALLOW_DELAYED_DATA to trade on delayed data)`,
      );
      return undefined;
    }
    const sessionOpen = continuousOpenAt(symbol, tradingDate);
    const window = { sessionOpen, orMinutes: strategy.orMinutes, asOf: now };
    const prices =
      this.deps.market?.sessionPrices(instrument, window) ?? (await sessionPricesFromBars(broker, instrument, window));
    const decision = decideBreakout({
      range: prices.range,
      lastTrade: lastTradeOf(quote),
      asOf: now,
      config: strategy,
    });
    if (decision.signal === 'none') {
      log.info({ symbol, reason: decision.reason, detail: decision.detail }, `no entry yet: ${decision.detail}`);
      return undefined;
    }
    const lowOfDay = prices.lowOfDay ?? candidate.lowOfDay ?? decision.rangeLow;
    const stop = initialStop(lowOfDay, decision.referencePrice, strategy.maxStopPct);
    if (stop.kind === 'skip') {
      this.reject(candidate, now, `entry skipped: ${stop.detail}`, { reason: stop.reason });
      return undefined;
    }
    const quantity = positionSize(decision.referencePrice, strategy.positionDollars, strategy.maxShares);
    if (quantity < 1) {
      const detail = `${formatPrice(decision.referencePrice)} is more than the ${formatMoney(strategy.positionDollars)} position size`;
      this.reject(candidate, now, `entry skipped: ${detail}`, { reason: 'size_below_one_share' });
      return undefined;
    }
    if (heldSymbols(this.deps.repository).has(symbol)) {
      this.reject(candidate, now, `entry skipped: ${symbol} is already held`, { reason: 'symbol_held' });
      return undefined;
    }
    return { instrument, decision, stopPrice: stop.stopPrice, quantity };
  }

  /** The stream's view when there is one (fresh quotes only), else the broker's snapshot. */
  private async currentQuote(instrument: Instrument): Promise<Quote | undefined> {
    if (this.deps.market !== undefined) return this.deps.market.quote(instrument);
    const [quote] = await this.deps.broker.quotes([instrument]);
    return quote;
  }

  private reject(candidate: Candidate, now: EpochMs, note: string, facts: object): void {
    this.save(moveCandidate(candidate, 'rejected', now, { note }));
    this.deps.log.info({ symbol: candidate.symbol, ...facts }, note);
  }

  private save(candidate: Candidate): void {
    this.deps.repository.candidates.save(candidate);
  }
}

function entryIdOf(candidate: Candidate): ClientOrderId {
  return deriveClientOrderId(candidate.tradingDate, candidate.symbol, 'entry');
}

function lastTradeOf(quote: Quote | undefined): TradePrint | undefined {
  if (quote?.last === undefined || quote.lastIsPreviousClose) return undefined;
  return { price: quote.last, at: quote.at };
}

function entryIntent(clientOrderId: ClientOrderId, plan: EntryPlan): OrderIntent {
  const { decision } = plan;
  return {
    clientOrderId,
    instrument: plan.instrument,
    side: 'BUY',
    type: decision.entryOrder === 'stop' ? 'STP' : 'MKT',
    quantity: plan.quantity,
    ...(decision.entryOrder === 'stop' ? { stopPrice: decision.stopPrice } : {}),
    tif: 'DAY',
    purpose: 'entry',
  };
}
