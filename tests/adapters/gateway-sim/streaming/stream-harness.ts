import { pino } from 'pino';
import { ClientPortalMarketDataStream } from '../../../../src/adapters/clientportal/streaming/clientportal.market-data-stream.js';
import {
  DEFAULT_STREAM_SETTINGS,
  type StreamSettings,
} from '../../../../src/adapters/clientportal/streaming/stream-settings.js';
import { SystemClock } from '../../../../src/adapters/clock/system.clock.js';
import type { GatewaySimulatorOptions } from '../../../../src/adapters/gateway-sim/gateway-simulator.js';
import type {
  MarketDataStream,
  QuoteUpdate,
  StreamHealth,
  TradeUpdate,
} from '../../../../src/domain/ports/market-data-stream.port.js';
import type { BrokerOrder } from '../../../../src/domain/orders/broker-order.js';
import type { Fill } from '../../../../src/domain/orders/fill.js';
import { brokerOverSimulator, configFor, type BrokerOverSimulator } from '../broker-over-simulator.js';

/** Heartbeats every 50 ms, a socket silent for 400 ms counts as dead, reconnects after 20-200 ms. */
export const FAST_STREAM: StreamSettings = {
  ...DEFAULT_STREAM_SETTINGS,
  keepAliveMs: 200,
  stallTimeoutMs: 400,
  reconnectBaseMs: 20,
  reconnectMaxMs: 200,
  handshakeTimeoutMs: 2_000,
};

/** Everything a stream delivered, in order. */
export class Recorded {
  readonly quotes: QuoteUpdate[] = [];
  readonly trades: TradeUpdate[] = [];
  readonly orders: BrokerOrder[] = [];
  readonly fills: Fill[] = [];
  readonly health: StreamHealth[] = [];

  attach(stream: MarketDataStream): () => void {
    return stream.listen({
      onQuote: (update) => this.quotes.push(update),
      onTrade: (update) => this.trades.push(update),
      onOrder: (order) => this.orders.push(order),
      onFill: (fill) => this.fills.push(fill),
      onHealth: (health) => this.health.push(health),
    });
  }
}

export interface StreamOverSimulator extends BrokerOverSimulator {
  readonly stream: ClientPortalMarketDataStream;
  readonly recorded: Recorded;
}

/** A simulator, a connected broker and a WebSocket stream to it (not yet started). */
export async function streamOverSimulator(
  simOptions: GatewaySimulatorOptions = {},
  settings: StreamSettings = FAST_STREAM,
): Promise<StreamOverSimulator> {
  const base = await brokerOverSimulator(simOptions);
  base.sim.stream.heartbeatEvery(50);
  await base.broker.connect();
  const stream = new ClientPortalMarketDataStream(
    configFor(base.sim),
    base.broker.gatewayClient(),
    { clock: new SystemClock(), logger: pino({ level: 'silent' }) },
    settings,
  );
  const recorded = new Recorded();
  recorded.attach(stream);
  return {
    ...base,
    stream,
    recorded,
    close: async () => {
      await stream.stop();
      await base.close();
    },
  };
}

/** Waits (polling every 10 ms) until `condition` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
