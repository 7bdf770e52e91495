import type { WebSocket } from 'ws';
import type { BrokerOrder } from '../../../domain/orders/broker-order.js';
import type { Fill } from '../../../domain/orders/fill.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { GatewayState } from '../gateway-state.js';
import { liveOrder } from '../payloads/orders.payloads.js';
import { SIMULATOR_USER } from '../payloads/session.payloads.js';
import { snapshotEntry } from '../payloads/snapshot.payloads.js';
import { tradeBody } from '../payloads/trades.payloads.js';

const MARKET_DATA_COMMAND = /^smd\+(\d+)\+(.*)$/s;
const UNSUBSCRIBE_COMMAND = /^umd\+(\d+)\+/;

interface QuoteSubscription {
  readonly fields: readonly string[];
  /** The field values last sent, so that later frames carry only what changed (as the gateway's do). */
  readonly sent: Record<string, unknown>;
}

/** What a connection may send right now: nothing at all while the stream is made to stall. */
export type FrameGate = () => boolean;

/**
 * One client socket of the simulated gateway: authenticated by `{"session": …}` or the `api` cookie, then
 * `smd`/`umd` quotes, `sor` live orders and `str` executions, heartbeats, and `sts` when the brokerage
 * session changes.
 */
export class StreamConnection {
  private authenticated = false;
  private sessionUsable: boolean | undefined;
  private readonly quotes = new Map<number, QuoteSubscription>();
  private orders = false;
  private trades = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly state: GatewayState,
    private readonly maySend: FrameGate,
  ) {}

  /** The cookie carried the right session: no first message is needed. */
  authenticateByCookie(): void {
    this.authenticatedNow();
  }

  receive(text: string): void {
    const command = text.trim();
    if (command === 'tic') {
      this.state.session.touch();
      return;
    }
    if (command.startsWith('{')) {
      this.sessionMessage(command);
      return;
    }
    if (!this.authenticated) return;
    this.command(command);
  }

  quoteMoved(conid: number): void {
    const subscription = this.quotes.get(conid);
    if (subscription !== undefined) this.pushQuote(conid, subscription);
  }

  orderUpdated(order: BrokerOrder): void {
    if (this.orders) this.send({ topic: 'sor', args: [liveOrder(this.state.orderView(order))] });
  }

  filled(fill: Fill): void {
    if (this.trades) this.send({ topic: 'str', args: [tradeBody(this.state.tradeView(fill))] });
  }

  heartbeat(now: EpochMs): void {
    this.send({ topic: 'system', hb: now });
    if (this.authenticated) this.reportSession();
  }

  sendRaw(text: string): void {
    this.socket.send(text);
  }

  terminate(): void {
    this.socket.terminate();
  }

  private sessionMessage(text: string): void {
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      return;
    }
    const session = (body as { session?: unknown } | null)?.session;
    if (session === this.state.session.sessionId) this.authenticatedNow();
  }

  private authenticatedNow(): void {
    if (this.authenticated) return;
    this.authenticated = true;
    this.reportSession();
  }

  private command(command: string): void {
    const subscribe = MARKET_DATA_COMMAND.exec(command);
    if (subscribe !== null) {
      this.subscribeQuote(Number(subscribe[1]), subscribe[2] ?? '{}');
      return;
    }
    const unsubscribe = UNSUBSCRIBE_COMMAND.exec(command);
    if (unsubscribe !== null) this.quotes.delete(Number(unsubscribe[1]));
    else if (command.startsWith('sor+')) this.subscribeOrders();
    else if (command.startsWith('uor+')) this.orders = false;
    else if (command.startsWith('str+')) this.trades = true;
    else if (command.startsWith('utr+')) this.trades = false;
  }

  private subscribeQuote(conid: number, argument: string): void {
    if (this.state.instrumentOf(conid) === undefined) return;
    const subscription: QuoteSubscription = { fields: requestedFields(argument), sent: {} };
    this.quotes.set(conid, subscription);
    this.pushQuote(conid, subscription);
  }

  private subscribeOrders(): void {
    this.orders = true;
    const orders = this.state.exchange.orders();
    if (orders.length > 0) {
      this.send({ topic: 'sor', args: orders.map((order) => liveOrder(this.state.orderView(order))) });
    }
  }

  private pushQuote(conid: number, subscription: QuoteSubscription): void {
    const instrument = this.state.instrumentOf(conid);
    if (instrument === undefined || !this.state.session.canTrade) return;
    const quote = this.state.exchange.quote(instrument);
    const entry = snapshotEntry({
      quote,
      fields: subscription.fields,
      availability: this.state.options.marketData === 'delayed' ? 'DpB' : 'RpB',
      halted: this.state.haltedConids.has(conid),
      serverId: 'ws',
    });
    const changed: Record<string, unknown> = {};
    for (const field of subscription.fields) {
      const value = entry[field];
      if (value !== undefined && value !== subscription.sent[field]) changed[field] = value;
    }
    if (Object.keys(changed).length === 0) return;
    if (!this.send({ topic: `smd+${conid}`, conid, _updated: quote.at, ...changed })) return;
    Object.assign(subscription.sent, changed);
  }

  /** `system` with the user name once the session can trade; `sts` whenever that changes. */
  private reportSession(): void {
    const usable = this.state.session.canTrade;
    if (usable === this.sessionUsable) return;
    const first = this.sessionUsable === undefined;
    if (!this.send({ topic: 'sts', args: { authenticated: usable, competing: this.state.session.isCompeting } })) {
      return;
    }
    this.sessionUsable = usable;
    if (usable && first) this.send({ topic: 'system', success: SIMULATOR_USER, isPaper: true });
  }

  /** Whether the frame went out (a stalled stream sends nothing, not even what was asked for). */
  private send(message: Record<string, unknown>): boolean {
    if (!this.maySend() || this.socket.readyState !== this.socket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }
}

function requestedFields(argument: string): string[] {
  try {
    const fields = (JSON.parse(argument) as { fields?: unknown }).fields;
    if (Array.isArray(fields)) return fields.map(String);
  } catch {
    // A subscription without a readable field list gets the usual quote fields.
  }
  return ['31', '84', '86', '7295', '70', '71'];
}
