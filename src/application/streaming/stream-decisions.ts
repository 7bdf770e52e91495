import { candidateId } from '../../domain/candidate/candidate.js';
import { sydneyDateOf } from '../../domain/market/sydney-time.js';
import type { BrokerOrder } from '../../domain/orders/broker-order.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import {
  freshQuote,
  type MarketDataListener,
  type MarketDataStream,
  type QuoteUpdate,
  type StreamHealth,
  type StreamMode,
  type TradeUpdate,
} from '../../domain/ports/market-data-stream.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { AppLogger } from '../shared/app-logger.js';
import { errorText } from '../shared/error-text.js';
import type { InstrumentDirectory } from '../shared/instrument-directory.js';
import type { DayStep, MarketDataSession } from '../trading/trading-day.js';
import { DECISION_KINDS, DecisionQueue, type DecisionKind, type DecisionSteps } from './decision-queue.js';
import { EventTriggers, type HeardPrice } from './event-triggers.js';
import { subscriptionsToday } from './subscriptions-today.js';
import type { TradeTape } from './trade-tape.js';

export interface StreamDecisionsDeps {
  readonly stream: MarketDataStream;
  readonly tape: TradeTape;
  readonly repository: Repository;
  readonly instruments: InstrumentDirectory;
  readonly clock: Clock;
  readonly log: AppLogger;
}

export interface StreamDecisionsSettings {
  readonly orMinutes: number;
  readonly maxQuoteAgeMs: number;
}

const ORDER_CHANGES_THAT_MATTER: ReadonlySet<BrokerOrder['status']> = new Set([
  'partially_filled',
  'filled',
  'cancelled',
  'rejected',
]);

/**
 * Trading decisions made the moment the market moves: it subscribes today's candidates and held positions
 * on the stream and, on each fresh price, asks for the decision that price calls for (the gap rule, the
 * opening range, an entry, a position check); order and fill events ask for the position check, which
 * syncs fills first. Decisions run one at a time through a DecisionQueue that the trading day's periodic
 * steps share (`serialised`). Quotes older than `maxQuoteAgeMs` decide nothing.
 */
export class StreamDecisions implements MarketDataSession {
  private readonly queue: DecisionQueue;
  private readonly triggers: EventTriggers;
  private readonly subscribed = new Map<number, Instrument>();
  private unlisten: (() => void) | undefined;
  private mode: StreamMode = 'down';

  constructor(
    private readonly deps: StreamDecisionsDeps,
    steps: DecisionSteps,
    private readonly settings: StreamDecisionsSettings,
  ) {
    this.triggers = new EventTriggers(settings.orMinutes);
    this.queue = new DecisionQueue(
      {
        ...steps,
        manage: {
          run: async () => {
            await steps.manage.run();
            await this.subscribeToday();
          },
        },
      },
      deps.log,
    );
  }

  /** Subscribes today's instruments and starts the stream; events decide from then on. */
  async start(): Promise<void> {
    if (this.unlisten !== undefined) return;
    const { stream, tape } = this.deps;
    tape.clear();
    this.triggers.clear();
    this.unlisten = stream.listen(this.listener());
    this.healthChanged(stream.health());
    await this.subscribeToday();
    await stream.start();
    this.healthChanged(stream.health());
  }

  /** Stops the stream and waits for the decision in flight; nothing is decided on events afterwards. */
  async stop(): Promise<void> {
    if (this.unlisten === undefined) return;
    this.unlisten();
    this.unlisten = undefined;
    await this.deps.stream.stop();
    await this.queue.idle();
    this.deps.stream.unsubscribeQuotes([...this.subscribed.values()]);
    this.subscribed.clear();
    this.mode = 'down';
  }

  /** A trading-day step that takes its turn with the event-driven decisions. */
  serialised<T>(step: DayStep<T>): DayStep<T> {
    return this.queue.serialised(step);
  }

  /** Resolves once no decision is waiting or running. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private listener(): MarketDataListener {
    return {
      onTrade: (update) => {
        this.tradeHeard(update);
      },
      onQuote: (update) => {
        this.quoteHeard(update);
      },
      onOrder: (order) => {
        if (ORDER_CHANGES_THAT_MATTER.has(order.status)) this.queue.request(['manage']);
      },
      onFill: () => {
        this.queue.request(['manage']);
      },
      onHealth: (health) => {
        this.healthChanged(health);
      },
    };
  }

  private tradeHeard({ instrument, trade }: TradeUpdate): void {
    this.deps.tape.record(instrument.conid, trade);
    const now = this.deps.clock.now();
    if (now - trade.at > this.settings.maxQuoteAgeMs) {
      this.staleIgnored(instrument, trade.at, now);
      return;
    }
    this.queue.request(this.decisionsFor(instrument, { price: trade.price, at: trade.at, now }));
  }

  /** The stale-data guard: only a quote `freshQuote` accepts asks for a decision. */
  private quoteHeard({ quote }: QuoteUpdate): void {
    const now = this.deps.clock.now();
    const fresh = freshQuote(quote, now, this.settings.maxQuoteAgeMs);
    if (fresh === undefined) {
      this.staleIgnored(quote.instrument, quote.at, now);
      return;
    }
    if (fresh.halted || fresh.last === undefined || fresh.lastIsPreviousClose) return;
    this.queue.request(this.decisionsFor(fresh.instrument, { price: fresh.last, at: fresh.at, now }));
  }

  private staleIgnored(instrument: Instrument, at: EpochMs, now: EpochMs): void {
    this.deps.log.debug(
      { symbol: instrument.symbol, at, now, maxQuoteAgeMs: this.settings.maxQuoteAgeMs },
      'stale market data ignored',
    );
  }

  private decisionsFor(instrument: Instrument, heard: HeardPrice): DecisionKind[] {
    const { repository } = this.deps;
    const kinds: DecisionKind[] = [];
    const candidate = repository.candidates.get(candidateId(sydneyDateOf(heard.now), instrument.symbol));
    if (candidate !== undefined) kinds.push(...this.triggers.forCandidate(candidate, heard));
    for (const position of repository.positions.withStatus(['open', 'half_exited'])) {
      if (position.instrument.conid === instrument.conid) kinds.push(...this.triggers.forPosition(position, heard));
    }
    return kinds;
  }

  /** Back from an outage, everything is checked once: events may have been missed while down. */
  private healthChanged(health: StreamHealth): void {
    this.deps.tape.healthChanged(health);
    const recovered = this.mode === 'down' && health.mode !== 'down';
    this.mode = health.mode;
    if (recovered && this.subscribed.size > 0) this.queue.request(DECISION_KINDS);
  }

  /** Keeps the subscriptions to today's candidates and held positions, and the tape, in step with the repository. */
  private async subscribeToday(): Promise<void> {
    const { stream, tape, clock, log } = this.deps;
    let wanted: Map<number, Instrument>;
    try {
      wanted = await subscriptionsToday(this.deps.repository, this.deps.instruments, sydneyDateOf(clock.now()));
    } catch (error) {
      log.error(
        { error: errorText(error) },
        'cannot resolve the instruments to stream; trying again after the next check',
      );
      return;
    }
    const added = [...wanted.values()].filter((instrument) => !this.subscribed.has(instrument.conid));
    const dropped = [...this.subscribed.values()].filter((instrument) => !wanted.has(instrument.conid));
    for (const instrument of added) {
      this.subscribed.set(instrument.conid, instrument);
      tape.watch(instrument.conid, clock.now());
    }
    for (const instrument of dropped) this.subscribed.delete(instrument.conid);
    if (added.length > 0) stream.subscribeQuotes(added);
    if (dropped.length > 0) stream.unsubscribeQuotes(dropped);
    if (added.length + dropped.length > 0) {
      log.info(
        { added: added.map((i) => i.symbol), dropped: dropped.map((i) => i.symbol), streaming: this.subscribed.size },
        'stream subscriptions updated',
      );
    }
  }
}
