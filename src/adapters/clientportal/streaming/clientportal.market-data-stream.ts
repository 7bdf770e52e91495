import type { Logger } from 'pino';
import { WebSocket, type RawData } from 'ws';
import type { Quote } from '../../../domain/market/quote.js';
import type { Clock } from '../../../domain/ports/clock.port.js';
import type {
  MarketDataListener,
  MarketDataStream,
  StreamHealth,
} from '../../../domain/ports/market-data-stream.port.js';
import type { Instrument } from '../../../domain/values/instrument.js';
import { HealthState } from '../../streaming/health-state.js';
import { ListenerSet } from '../../streaming/listener-set.js';
import type { ClientPortalConfig } from '../clientportal.config.js';
import type { GatewayClient } from '../gateway-client.js';
import {
  authenticate,
  KEEP_ALIVE,
  subscribeMarketData,
  subscribeOrders,
  subscribeTrades,
  unsubscribeMarketData,
} from './stream-commands.js';
import { parseStreamFrame, type StreamFrame } from './stream-frame.parser.js';
import { streamSessionToken } from './stream-session.js';
import { DEFAULT_STREAM_SETTINGS, reconnectDelay, type StreamSettings } from './stream-settings.js';
import { StreamedOrders } from './streamed-orders.js';
import { StreamedQuotes } from './streamed-quotes.js';
import { SocketWatchdog } from './socket-watchdog.js';
import { websocketOptions, websocketUrl } from './websocket-target.js';

export interface ClientPortalStreamDeps {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Jitter for the reconnect backoff; Math.random unless given. */
  readonly random?: () => number;
}

/**
 * The MarketDataStream port over the Client Portal gateway's WebSocket (`/v1/api/ws`). Authenticates with
 * the `/tickle` session value, subscribes quotes (`smd`), live orders (`sor`) and executions (`str`),
 * sends `tic` to keep the socket alive and treats a socket silent for `stallTimeoutMs` as dead. Whenever
 * the socket closes, stalls or reports the session lost, it reconnects with backoff and subscribes
 * everything again. Health is `stream` while authenticated and `down` otherwise; see
 * SwitchingMarketDataStream for the REST fallback. Bad frames are logged and ignored, never thrown.
 */
export class ClientPortalMarketDataStream implements MarketDataStream {
  private readonly listeners: ListenerSet;
  private readonly state: HealthState;
  private readonly quotes = new StreamedQuotes();
  private readonly orders = new StreamedOrders();
  private readonly subscribed = new Map<number, Instrument>();
  private readonly latest = new Map<number, Quote>();
  private readonly unknownTopics = new Set<string>();
  private readonly watchdog: SocketWatchdog;
  private readonly random: () => number;
  private socket: WebSocket | undefined;
  private authenticated = false;
  private stopped = true;
  private failures = 0;
  private retry: NodeJS.Timeout | undefined;
  private firstAttemptOver: (() => void) | undefined;

  constructor(
    private readonly config: ClientPortalConfig,
    private readonly client: GatewayClient,
    private readonly deps: ClientPortalStreamDeps,
    private readonly settings: StreamSettings = DEFAULT_STREAM_SETTINGS,
  ) {
    this.listeners = new ListenerSet(deps.logger);
    this.state = new HealthState(deps.clock, (health) => {
      this.listeners.health(health);
    });
    this.random = deps.random ?? Math.random;
    this.watchdog = new SocketWatchdog(
      settings.keepAliveMs,
      settings.stallTimeoutMs,
      () => {
        this.send(KEEP_ALIVE);
      },
      () => {
        this.stalled();
      },
    );
  }

  start(): Promise<void> {
    if (!this.stopped) return Promise.resolve();
    this.stopped = false;
    const firstAttempt = new Promise<void>((resolve) => {
      this.firstAttemptOver = resolve;
    });
    void this.connect();
    return firstAttempt;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry !== undefined) clearTimeout(this.retry);
    this.retry = undefined;
    const socket = this.socket;
    this.dropSocket('stopped');
    this.listeners.clear();
    this.settleFirstAttempt();
    if (socket !== undefined && socket.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        socket.once('close', () => {
          resolve();
        });
        socket.terminate();
      });
    }
  }

  subscribeQuotes(instruments: readonly Instrument[]): void {
    for (const instrument of instruments) {
      if (this.subscribed.has(instrument.conid)) continue;
      this.subscribed.set(instrument.conid, instrument);
      if (this.authenticated) this.send(subscribeMarketData(instrument.conid, this.settings.fields));
    }
  }

  unsubscribeQuotes(instruments: readonly Instrument[]): void {
    for (const { conid } of instruments) {
      if (!this.subscribed.delete(conid)) continue;
      this.quotes.forget(conid);
      this.latest.delete(conid);
      if (this.authenticated) this.send(unsubscribeMarketData(conid));
    }
  }

  listen(listener: MarketDataListener): () => void {
    return this.listeners.add(listener);
  }

  latestQuote(instrument: Instrument): Quote | undefined {
    return this.latest.get(instrument.conid);
  }

  health(): StreamHealth {
    return this.state.get();
  }

  private async connect(): Promise<void> {
    let session: string;
    try {
      session = await streamSessionToken(this.client);
    } catch (error) {
      this.failed(`no session for the WebSocket: ${describe(error)}`);
      return;
    }
    if (this.stopped) return;
    let socket: WebSocket;
    try {
      const url = websocketUrl(this.config.baseUrl);
      socket = new WebSocket(url, websocketOptions(this.config, session, this.settings.handshakeTimeoutMs));
    } catch (error) {
      this.failed(`cannot open the WebSocket: ${describe(error)}`);
      return;
    }
    this.socket = socket;
    socket.on('open', () => {
      socket.send(authenticate(session));
      this.watchdog.start();
    });
    socket.on('message', (data: RawData) => {
      if (socket !== this.socket) return;
      this.watchdog.heard();
      this.handle(parseStreamFrame(textOf(data)));
    });
    socket.on('error', (error) => {
      this.deps.logger.warn({ err: error }, 'gateway WebSocket error');
    });
    socket.on('close', (code, reason) => {
      if (socket !== this.socket) return;
      const why = reason.length > 0 ? ` ${reason.toString('utf8')}` : '';
      this.lost(`WebSocket closed (${code}${why})`);
    });
  }

  private handle(frame: StreamFrame): void {
    switch (frame.kind) {
      case 'system':
        if (frame.user !== undefined) this.authenticatedNow(`streaming as ${frame.user}`);
        return;
      case 'session':
        if (frame.authenticated) this.authenticatedNow('gateway session authenticated');
        else this.sessionLost(frame.message);
        return;
      case 'market-data':
        this.quoteArrived(frame.conid, frame);
        return;
      case 'orders':
        this.ordersArrived(frame.items);
        return;
      case 'trades':
        this.tradesArrived(frame.items);
        return;
      case 'ignored':
        return;
      case 'unknown':
        if (this.unknownTopics.has(frame.topic)) return;
        this.unknownTopics.add(frame.topic);
        this.deps.logger.info({ topic: frame.topic }, 'unknown WebSocket topic ignored');
        return;
      case 'malformed':
        this.deps.logger.warn({ reason: frame.reason }, 'malformed WebSocket frame ignored');
        return;
    }
  }

  private quoteArrived(conid: number, frame: Extract<StreamFrame, { kind: 'market-data' }>): void {
    const instrument = this.subscribed.get(conid);
    if (instrument === undefined) return;
    let update;
    try {
      update = this.quotes.apply(instrument, frame.message, this.deps.clock.now());
    } catch (error) {
      this.deps.logger.warn({ conid, err: error }, 'streamed quote ignored: a value does not map');
      return;
    }
    this.latest.set(conid, update.quote);
    this.listeners.quote({ quote: update.quote, source: 'stream' });
    if (update.trade !== undefined) this.listeners.trade({ instrument, trade: update.trade });
  }

  private ordersArrived(items: readonly Record<string, unknown>[]): void {
    const decoded = this.orders.orderUpdates(items, this.deps.clock.now());
    if (decoded.problems.length > 0) this.deps.logger.warn({ problems: decoded.problems }, 'order updates ignored');
    for (const order of decoded.items) this.listeners.order(order);
  }

  private tradesArrived(items: readonly Record<string, unknown>[]): void {
    const decoded = this.orders.fills(items);
    if (decoded.problems.length > 0) this.deps.logger.warn({ problems: decoded.problems }, 'executions ignored');
    for (const fill of decoded.items) this.listeners.fill(fill);
  }

  private authenticatedNow(reason: string): void {
    if (this.authenticated) return;
    this.authenticated = true;
    this.failures = 0;
    for (const conid of this.subscribed.keys()) this.send(subscribeMarketData(conid, this.settings.fields));
    this.send(subscribeOrders());
    this.send(subscribeTrades());
    this.state.set('stream', reason);
    this.settleFirstAttempt();
  }

  /** The gateway says the brokerage session is gone: a fresh socket, with a fresh session value, is needed. */
  private sessionLost(message: string): void {
    const socket = this.socket;
    this.lost(`gateway session not authenticated${message === '' ? '' : `: ${message}`}`);
    socket?.terminate();
  }

  private stalled(): void {
    const socket = this.socket;
    this.deps.logger.warn({ stallTimeoutMs: this.settings.stallTimeoutMs }, 'gateway WebSocket went silent');
    this.lost(`no heartbeat for ${this.settings.stallTimeoutMs} ms`);
    socket?.terminate();
  }

  private lost(reason: string): void {
    this.dropSocket(reason);
    if (!this.stopped) this.failed(reason);
  }

  private dropSocket(reason: string): void {
    this.socket = undefined;
    this.authenticated = false;
    this.watchdog.stop();
    this.quotes.clear();
    this.state.set('down', reason);
  }

  private failed(reason: string): void {
    this.state.set('down', reason);
    this.settleFirstAttempt();
    if (this.stopped) return;
    this.failures += 1;
    const delay = reconnectDelay(this.settings, this.failures, this.random);
    this.deps.logger.warn({ reason, attempt: this.failures, delayMs: delay }, 'gateway WebSocket down; reconnecting');
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, delay);
    this.retry.unref();
  }

  private send(text: string): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(text);
  }

  private settleFirstAttempt(): void {
    this.firstAttemptOver?.();
    this.firstAttemptOver = undefined;
  }
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
