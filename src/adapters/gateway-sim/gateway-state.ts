import type { BrokerOrder } from '../../domain/orders/broker-order.js';
import { clientOrderId, type ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { Fill } from '../../domain/orders/fill.js';
import type { OrderIntent, TimeInForce } from '../../domain/orders/order-intent.js';
import type { BrokerPosition } from '../../domain/ports/broker.port.js';
import { asxSymbol, type Instrument } from '../../domain/values/instrument.js';
import type { EpochMs } from '../../domain/values/time.js';
import { SimulatedExchange } from '../simulated/simulated-exchange.js';
import type { ResolvedSimulatorOptions } from './gateway-sim.options.js';
import { isAsx, ListingCatalogue, type Listing } from './market/listings.js';
import type { SimulatorClock } from './market/simulator-clock.js';
import { QuestionBook } from './orders/question-book.js';
import { DEFAULT_QUESTION_POLICY, type QuestionPolicy, type QuestionSpec } from './orders/question-policy.js';
import type { OrderView } from './payloads/orders.payloads.js';
import type { TradeView } from './payloads/trades.payloads.js';
import { SessionState } from './session/session-state.js';

interface OrderFacts {
  readonly tif: TimeInForce;
  readonly clientSuppliedId: boolean;
}

/**
 * Everything behind the simulated gateway's endpoints: the exchange and its listings, the brokerage
 * session, open order questions, market-data subscriptions and the few caches the real gateway keeps.
 */
export class GatewayState {
  readonly exchange: SimulatedExchange;
  readonly catalogue: ListingCatalogue;
  readonly session: SessionState;
  readonly questions = new QuestionBook();
  readonly questionPolicy: QuestionPolicy;
  /** Conids whose market-data subscription has started (their pre-flight request is behind them). */
  readonly subscriptions = new Set<number>();
  readonly haltedConids = new Set<number>();
  /** Questions to ask before the next order, put there by fault injection. */
  readonly extraQuestions: QuestionSpec[] = [];
  /** Positions as last read; the gateway keeps them until `positions/invalidate`. */
  positionsCache: BrokerPosition[] | undefined;
  liveOrdersAnsweredSinceLogin = false;
  private readonly orderFacts = new Map<ClientOrderId, OrderFacts>();
  private generatedIds = 0;

  constructor(
    readonly options: ResolvedSimulatorOptions,
    readonly clock: SimulatorClock,
  ) {
    this.catalogue = new ListingCatalogue(options.listings);
    this.exchange = new SimulatedExchange({
      seed: options.seed,
      commission: options.commission,
      maxVolumeParticipation: options.maxVolumeParticipation,
      slippageBps: options.slippageBps,
      startingCash: options.startingCash,
      accountId: options.accountId,
      instruments: this.catalogue.asxInstruments(),
    });
    this.session = new SessionState(clock, options.sessionIdleTimeoutMs);
    this.questionPolicy = { ...DEFAULT_QUESTION_POLICY, ...options.questions };
  }

  /** A new login (IBeam after a logout or restart): the gateway forgets its subscriptions and caches. */
  login(): void {
    this.session.login();
    this.forgetSessionCaches();
  }

  logout(): void {
    this.session.logout();
    this.forgetSessionCaches();
  }

  get accountId(): string {
    return this.options.accountId;
  }

  now(): EpochMs {
    return this.clock.now();
  }

  /** The tradeable instrument behind a conid: ASX listings only. */
  instrumentOf(conid: number): Instrument | undefined {
    const listing = this.catalogue.byConidOf(conid);
    if (listing === undefined || !isAsx(listing)) return undefined;
    return this.exchange.findInstrument(asxSymbol(listing.symbol));
  }

  listingOf(conid: number): Listing | undefined {
    return this.catalogue.byConidOf(conid);
  }

  /** A stand-in id for an order sent without `cOID`; the gateway reports no `order_ref` for it. */
  generatedClientOrderId(): ClientOrderId {
    this.generatedIds += 1;
    return clientOrderId(`gateway-sim-${this.generatedIds}`);
  }

  /** Sends an order to the exchange; rejected orders are kept (the gateway lists them as Inactive). */
  submit(intent: OrderIntent, clientSuppliedId: boolean): BrokerOrder {
    this.orderFacts.set(intent.clientOrderId, { tif: intent.tif, clientSuppliedId });
    return this.exchange.submitOrder(intent, this.now());
  }

  orderView(order: BrokerOrder): OrderView {
    const facts = this.orderFacts.get(order.clientOrderId);
    return {
      order,
      tif: facts?.tif ?? 'DAY',
      accountId: this.accountId,
      companyName: this.companyName(order.instrument.conid),
      hasClientId: facts?.clientSuppliedId ?? true,
    };
  }

  tradeView(fill: Fill): TradeView {
    return {
      fill,
      accountId: this.accountId,
      companyName: this.companyName(fill.instrument.conid),
      hasClientId: this.orderFacts.get(fill.clientOrderId)?.clientSuppliedId ?? true,
    };
  }

  findOrderByBrokerId(brokerOrderId: string): BrokerOrder | undefined {
    return this.exchange.orders().find((order) => order.brokerOrderId === brokerOrderId);
  }

  private forgetSessionCaches(): void {
    this.subscriptions.clear();
    this.positionsCache = undefined;
    this.liveOrdersAnsweredSinceLogin = false;
  }

  companyName(conid: number): string {
    return this.catalogue.byConidOf(conid)?.companyName ?? String(conid);
  }
}
