import { Agent, request } from 'undici';
import { afterEach } from 'vitest';
import {
  startGatewaySimulator,
  type GatewaySimulator,
  type GatewaySimulatorOptions,
} from '../../../src/adapters/gateway-sim/gateway-simulator.js';
import type { TlsMaterial } from '../../../src/adapters/gateway-sim/gateway-sim.options.js';
import { selfSignedCertificate } from '../../../src/adapters/gateway-sim/http/certificate.js';
import type { Bar } from '../../../src/domain/market/bar.js';
import { parsePrice } from '../../../src/domain/values/price.js';

/** 10:00 Sydney on Tuesday 14 January 2025. */
export const OPEN = Date.UTC(2025, 0, 13, 23, 0);
export const MINUTE = 60_000;

let sharedTls: Promise<TlsMaterial> | undefined;

/** One certificate per test process: making one per simulator would only slow the tests down. */
export function testTls(): Promise<TlsMaterial> {
  sharedTls ??= selfSignedCertificate();
  return sharedTls;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** A client for one simulator: `/v1/api` calls, admin calls and plain-HTTP health calls. */
export class SimClient {
  private readonly agent = new Agent({ connect: { rejectUnauthorized: false } });

  constructor(readonly sim: GatewaySimulator) {}

  api(method: string, path: string, body?: unknown): Promise<Answer> {
    return this.send(`${this.sim.url}/v1/api${path}`, method, body);
  }

  admin(method: string, path: string, body?: unknown): Promise<Answer> {
    return this.send(`${this.sim.url}${path}`, method, body);
  }

  health(path: string): Promise<Answer> {
    return this.send(`${this.sim.healthUrl}${path}`, 'GET');
  }

  /** Reads both account lists, as the gateway wants before account and portfolio calls. */
  async readAccounts(): Promise<void> {
    await this.api('GET', '/iserver/accounts');
    await this.api('GET', '/portfolio/accounts');
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private async send(url: string, method: string, body?: unknown): Promise<Answer> {
    const response = await request(url, {
      dispatcher: this.agent,
      method: method as 'GET',
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.body.text();
    return { status: response.statusCode, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }
}

/** Starts a simulator (replaying from OPEN unless told otherwise) and a client per test; both end after it. */
export function useSimulator(): (options?: GatewaySimulatorOptions) => Promise<SimClient> {
  const open: SimClient[] = [];
  afterEach(async () => {
    for (const client of open.splice(0)) {
      await client.close();
      await client.sim.close();
    }
  });
  return async (options = {}) => {
    const sim = await startGatewaySimulator({ replayFrom: OPEN, tls: await testTls(), ...options });
    const client = new SimClient(sim);
    open.push(client);
    return client;
  };
}

/** A 1-minute bar `n` minutes after OPEN, from decimal prices. */
export function bar(n: number, open: string, high: string, low: string, close: string, volume = 1_000_000): Bar {
  return {
    start: OPEN + n * MINUTE,
    open: parsePrice(open),
    high: parsePrice(high),
    low: parsePrice(low),
    close: parsePrice(close),
    volume,
  };
}

export const flat = (n: number, price: string, volume = 1_000_000): Bar => bar(n, price, price, price, price, volume);

/** The body as a record, for reading fields in assertions. */
export function record(answer: Answer): Record<string, unknown> {
  return answer.body as Record<string, unknown>;
}

export function list(answer: Answer): Record<string, unknown>[] {
  return answer.body as Record<string, unknown>[];
}
