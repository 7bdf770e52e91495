import type { Logger } from 'pino';
import type { Agent, Dispatcher } from 'undici';
import type { z } from 'zod';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { ClientPortalConfig } from './clientportal.config.js';
import { GatewayRateLimited } from './errors/gateway-rate-limited.error.js';
import { GatewayTransportFailure } from './errors/gateway-transport.error.js';
import { createGatewayAgent, endpointOf, HttpTransport, type GatewayRequest } from './http-transport.js';
import { Pacer, pacedEndpointOf } from './pacing.js';
import { parseResponse } from './parse.js';
import { tlsPolicyFor } from './tls-policy.js';

export interface GatewayClientDeps {
  readonly dispatcher?: Dispatcher;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly random?: () => number;
}

/**
 * Every call to the gateway goes through here: paced, sent, validated against its schema. Idempotent
 * requests are repeated a bounded number of times after a 429 or a transient failure; anything that may
 * have changed state at the broker is never repeated here.
 */
export class GatewayClient {
  constructor(
    private readonly transport: HttpTransport,
    private readonly pacer: Pacer,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly maxReadRetries: number,
  ) {}

  get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    return this.call({ method: 'GET', path, idempotent: true }, schema);
  }

  post<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    options: { readonly idempotent: boolean },
  ): Promise<z.output<S>> {
    return this.call({ method: 'POST', path, body, idempotent: options.idempotent }, schema);
  }

  delete<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    return this.call({ method: 'DELETE', path, idempotent: false }, schema);
  }

  private async call<S extends z.ZodType>(request: GatewayRequest, schema: S): Promise<z.output<S>> {
    const endpoint = endpointOf(request);
    for (let attempt = 1; ; attempt += 1) {
      const release = await this.pacer.acquire(pacedEndpointOf(request));
      let body: unknown;
      try {
        body = await this.transport.send(request);
        this.pacer.succeeded();
      } catch (error) {
        const pauseMs = this.noteFailure(endpoint, error, attempt);
        if (!this.mayRepeat(request, error, attempt)) throw error;
        this.logger.warn({ endpoint, attempt, pauseMs, err: error }, 'gateway read failed; repeating it');
        if (!(error instanceof GatewayRateLimited)) await this.clock.sleepUntil(this.clock.now() + pauseMs);
        continue;
      } finally {
        release();
      }
      return parseResponse(endpoint, schema, body);
    }
  }

  /** Returns how long to wait before any repeat. A 429 pauses every request, not just this one. */
  private noteFailure(endpoint: string, error: unknown, attempt: number): number {
    if (error instanceof GatewayRateLimited) {
      const pauseMs = this.pacer.rateLimited(error.retryAfterMs);
      this.logger.warn({ endpoint, pauseMs }, 'gateway pacing limit hit (HTTP 429); pausing all requests');
      return pauseMs;
    }
    return error instanceof GatewayTransportFailure ? this.pacer.backoffDelay(attempt) : 0;
  }

  private mayRepeat(request: GatewayRequest, error: unknown, attempt: number): boolean {
    if (!request.idempotent || attempt > this.maxReadRetries) return false;
    return error instanceof GatewayRateLimited || (error instanceof GatewayTransportFailure && error.retryable);
  }
}

export interface GatewayConnection {
  readonly client: GatewayClient;
  /** Closes the dispatcher if this connection created it; an injected one belongs to whoever passed it. */
  close(): Promise<void>;
}

/** Builds the client over an injected dispatcher (tests) or a pooled Agent of its own (production). */
export function connectToGateway(config: ClientPortalConfig, deps: GatewayClientDeps): GatewayConnection {
  // Checked even when a dispatcher is injected, so a dangerous TLS setting fails the same way everywhere.
  tlsPolicyFor(config);
  let dispatcher: Dispatcher;
  let owned: Agent | undefined;
  if (deps.dispatcher === undefined) {
    owned = createGatewayAgent(config);
    dispatcher = owned;
  } else {
    dispatcher = deps.dispatcher;
  }
  const transport = new HttpTransport(config.baseUrl, dispatcher, config.timeouts);
  const pacer = new Pacer(config.pacing, deps.clock, deps.random ?? Math.random);
  const client = new GatewayClient(transport, pacer, deps.clock, deps.logger, config.pacing.maxReadRetries);
  return {
    client,
    close: async () => {
      await owned?.close();
    },
  };
}
