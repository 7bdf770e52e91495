import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { asxSymbol } from '../../../domain/values/instrument.js';
import type { GatewayState } from '../gateway-state.js';
import type { ObservedSimulatorMarket } from './observed-market.js';
import { StreamConnection } from './stream-connection.js';

export const STREAM_PATH = '/v1/api/ws';
const DEFAULT_HEARTBEAT_MS = 10_000;
const MALFORMED_FRAMES = ['{"topic":"smd+', 'not json at all', '{"topic":"smd+8644","31":{"nested":true}}'] as const;

/** What the stream's fault switches did, for tests to check that a fault was actually met. */
export interface StreamCounts {
  connections: number;
  dropped: number;
  malformed: number;
}

/**
 * The gateway's WebSocket on the simulator's HTTPS server: quotes pushed on every published bar or quote,
 * order updates and executions from the exchange, heartbeats, and three faults: every socket dropped, a
 * silent stall (the socket stays open, nothing at all is sent) and malformed frames.
 */
export class SimulatorStream {
  readonly counts: StreamCounts = { connections: 0, dropped: 0, malformed: 0 };
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<StreamConnection>();
  private readonly unwatch: (() => void)[];
  private heartbeat: NodeJS.Timeout | undefined;
  private heartbeatMs = DEFAULT_HEARTBEAT_MS;
  private stalled = false;

  constructor(
    private readonly state: GatewayState,
    market: ObservedSimulatorMarket,
  ) {
    this.unwatch = [
      market.onMove((symbols) => {
        this.marketMoved(symbols);
      }),
      state.exchange.onOrderUpdate((order) => {
        for (const connection of this.connections) connection.orderUpdated(order);
      }),
      state.exchange.onFill((fill) => {
        for (const connection of this.connections) connection.filled(fill);
      }),
    ];
    this.startHeartbeat();
  }

  /** The HTTPS server's `upgrade` listener: `/v1/api/ws` becomes a stream socket, anything else is refused. */
  readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(request.url ?? '/', 'https://127.0.0.1').pathname;
    if (path !== STREAM_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => {
      this.accept(ws, cookieSession(request.headers.cookie));
    });
  };

  /** Fault: every open socket is cut (no close handshake), as when the gateway restarts. */
  dropConnections(): void {
    for (const connection of this.connections) connection.terminate();
    this.counts.dropped += this.connections.size;
    this.connections.clear();
  }

  /** Fault: sockets stay open but nothing is sent, not even heartbeats, until switched off. */
  stall(stalled = true): void {
    this.stalled = stalled;
  }

  /** Fault: each open socket receives `count` frames that are not valid gateway messages. */
  sendMalformed(count = 1): void {
    for (let index = 0; index < count; index += 1) {
      const frame = MALFORMED_FRAMES[index % MALFORMED_FRAMES.length] ?? '';
      for (const connection of this.connections) connection.sendRaw(frame);
      this.counts.malformed += 1;
    }
  }

  heartbeatEvery(ms: number): void {
    if (!(Number.isSafeInteger(ms) && ms > 0)) throw new InvalidValue('heartbeatMs', ms, 'expected a whole number > 0');
    this.heartbeatMs = ms;
    this.startHeartbeat();
  }

  status(): Record<string, unknown> {
    return { open: this.connections.size, stalled: this.stalled, heartbeatMs: this.heartbeatMs, ...this.counts };
  }

  close(): Promise<void> {
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    for (const stop of this.unwatch) stop();
    for (const connection of this.connections) connection.terminate();
    this.connections.clear();
    return new Promise((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private accept(ws: WebSocket, cookie: string | undefined): void {
    const connection = new StreamConnection(ws, this.state, () => !this.stalled);
    this.connections.add(connection);
    this.counts.connections += 1;
    ws.on('message', (data: RawData) => {
      connection.receive(textOf(data));
    });
    ws.on('close', () => this.connections.delete(connection));
    ws.on('error', () => this.connections.delete(connection));
    if (cookie !== undefined && cookie === this.state.session.sessionId) connection.authenticateByCookie();
  }

  private marketMoved(symbols: readonly string[] | 'all'): void {
    const conids =
      symbols === 'all'
        ? this.state.exchange.instruments().map((instrument) => instrument.conid)
        : symbols.flatMap((symbol) => this.state.exchange.findInstrument(asxSymbol(symbol))?.conid ?? []);
    for (const conid of conids) for (const connection of this.connections) connection.quoteMoved(conid);
  }

  private startHeartbeat(): void {
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      const now = this.state.now();
      for (const connection of this.connections) connection.heartbeat(now);
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }
}

function cookieSession(header: string | undefined): string | undefined {
  const pair = header
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith('api='));
  return pair?.slice('api='.length);
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
