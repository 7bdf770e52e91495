import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimulatedExchange } from '../simulated/simulated-exchange.js';
import { SystemClock } from '../clock/system.clock.js';
import { GatewayApi } from './gateway-api.js';
import { resolveSimulatorOptions, type GatewaySimulatorOptions } from './gateway-sim.options.js';
import { GatewayState } from './gateway-state.js';
import { GatewayFaults } from './faults/gateway-faults.js';
import { selfSignedCertificate } from './http/certificate.js';
import { createHealthServer } from './http/health-server.js';
import { API_ROOT, RequestLog, RequestPipeline, type RequestRecord } from './http/request-pipeline.js';
import { SimulatorClock } from './market/simulator-clock.js';
import type { SimulatorMarket } from './market/simulator-market.js';
import { adminHandler } from './routes/admin.routes.js';
import type { SessionState } from './session/session-state.js';
import { PacingEnforcer } from './session/pacing-enforcer.js';
import { GATEWAY_PACING } from './session/pacing-rules.js';
import { ObservedSimulatorMarket } from './streaming/observed-market.js';
import { SimulatorStream } from './streaming/simulator-stream.js';
import { withStreamAdmin } from './streaming/stream-admin.js';

export type { GatewaySimulatorOptions } from './gateway-sim.options.js';

export interface GatewaySimulator {
  /** The gateway origin, e.g. `https://127.0.0.1:5000`; the API lives under `/v1/api`. */
  readonly url: string;
  /** The IBeam-style health server, e.g. `http://127.0.0.1:5001`. */
  readonly healthUrl: string;
  /** The PEM certificate served, for clients that verify it instead of skipping checks. */
  readonly certificate: string;
  readonly exchange: SimulatedExchange;
  /** Publishes bars and quotes, closes the day, moves a replay's clock. */
  readonly market: SimulatorMarket;
  readonly faults: GatewayFaults;
  /** The WebSocket at `/v1/api/ws`, with its own fault switches (drop, stall, malformed frames). */
  readonly stream: SimulatorStream;
  readonly session: SessionState;
  /** The simulator's "now" (replay time or the system clock). */
  now(): number;
  /** The requests answered so far, oldest first. */
  requests(): readonly RequestRecord[];
  /** Stops both servers and drops open connections; calling it again is harmless. */
  close(): Promise<void>;
}

/**
 * Starts a loopback Client Portal gateway over a simulated exchange: HTTPS with a fresh self-signed
 * certificate on 127.0.0.1, the gateway's paths and payloads under `/v1/api`, admin endpoints under
 * `/sim`, and IBeam's `/livez` and `/readyz` on a second, plain-HTTP port.
 */
export async function startGatewaySimulator(options: GatewaySimulatorOptions = {}): Promise<GatewaySimulator> {
  const resolved = resolveSimulatorOptions(options);
  const clock =
    resolved.replayFrom === undefined ? SimulatorClock.live() : SimulatorClock.replayFrom(resolved.replayFrom);
  const wallClock = new SystemClock();
  const state = new GatewayState(resolved, clock);
  const pacing = new PacingEnforcer({ ...GATEWAY_PACING, ...resolved.pacing }, wallClock);
  const faults = new GatewayFaults(state, pacing);
  faults.apply(resolved.faults);
  const market = new ObservedSimulatorMarket(state.exchange, clock);
  const stream = new SimulatorStream(state, market);
  const api = new GatewayApi(state);
  const log = new RequestLog();
  const requests = (): readonly RequestRecord[] => log.all();
  const admin = withStreamAdmin(adminHandler({ state, market, faults, requests }), stream);
  const pipeline = new RequestPipeline(
    log,
    (request) => api.handle(request),
    admin,
    faults,
    pacing,
    wallClock,
    () => state.session.canTrade,
  );

  const tls = resolved.tls ?? (await selfSignedCertificate());
  const gateway = createHttpsServer({ key: tls.key, cert: tls.cert }, pipeline.listener);
  gateway.on('upgrade', stream.upgrade);
  const health = createHealthServer(state.session);
  const gatewayPort = await listen(gateway, resolved.host, resolved.port);
  let healthPort: number;
  try {
    healthPort = await listen(health, resolved.host, resolved.healthPort);
  } catch (error) {
    await Promise.all([stream.close(), shut(gateway)]);
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url: `https://${resolved.host}:${gatewayPort}`,
    healthUrl: `http://${resolved.host}:${healthPort}`,
    certificate: tls.cert,
    exchange: state.exchange,
    market,
    faults,
    stream,
    session: state.session,
    now: () => clock.now(),
    requests,
    close: () => {
      closing ??= Promise.all([stream.close(), shut(gateway), shut(health)]).then(() => undefined);
      return closing;
    },
  };
}

/** The API root under a simulator's url, for clients that want the full base. */
export function apiBaseOf(simulator: Pick<GatewaySimulator, 'url'>): string {
  return `${simulator.url}${API_ROOT}`;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function shut(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) resolve();
      else reject(error);
    });
    server.closeAllConnections();
  });
}
