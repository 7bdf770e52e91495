import { readFileSync } from 'node:fs';
import { Agent, request, type Dispatcher } from 'undici';
import { BrokerError } from '../../domain/errors/broker-error.js';
import type { DomainError } from '../../domain/errors/domain-error.js';
import { GatewayNotAuthenticated } from '../../domain/errors/gateway-not-authenticated.error.js';
import type { ClientPortalConfig, ClientPortalTimeouts } from './clientportal.config.js';
import { ClientPortalConfigError } from './errors/client-portal-config.error.js';
import { GatewayRateLimited } from './errors/gateway-rate-limited.error.js';
import { GatewayTransportFailure, type TransportFailureKind } from './errors/gateway-transport.error.js';
import { UnexpectedResponse } from './errors/unexpected-response.error.js';
import { tlsPolicyFor } from './tls-policy.js';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface GatewayRequest {
  readonly method: HttpMethod;
  /** Path below `/v1/api`, query string included: `/iserver/account/orders?force=true`. */
  readonly path: string;
  readonly body?: unknown;
  /** Repeating it cannot change anything at the broker (reads, keep-alives, status checks). */
  readonly idempotent: boolean;
}

const API_ROOT = '/v1/api';
const KEEP_ALIVE_MS = 30_000;
const MAX_DETAIL_CHARS = 300;

const UNREACHABLE_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** `GET /iserver/account/orders`: how requests are named in errors and logs (query left out). */
export function endpointOf(request: Pick<GatewayRequest, 'method' | 'path'>): string {
  return `${request.method} ${request.path.split('?')[0] ?? request.path}`;
}

/**
 * JSON over HTTPS to the Client Portal gateway through one pooled dispatcher. Translates what goes wrong
 * into typed errors at the boundary: 401 GatewayNotAuthenticated, 429 GatewayRateLimited, 5xx and network
 * failures GatewayTransportFailure (retryable only for idempotent requests), other refusals BrokerError
 * carrying the gateway's own text.
 */
export class HttpTransport {
  private readonly origin: string;

  constructor(
    baseUrl: string,
    private readonly dispatcher: Dispatcher,
    private readonly timeouts: ClientPortalTimeouts,
  ) {
    this.origin = baseUrl.replace(/\/+$/, '');
  }

  async send(call: GatewayRequest): Promise<unknown> {
    const endpoint = endpointOf(call);
    let status: number;
    let text: string;
    let retryAfter: string | string[] | undefined;
    try {
      const response = await request(`${this.origin}${API_ROOT}${call.path}`, {
        dispatcher: this.dispatcher,
        method: call.method,
        headers: {
          accept: 'application/json',
          'user-agent': 'skim',
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        headersTimeout: this.timeouts.headersMs,
        bodyTimeout: this.timeouts.bodyMs,
      });
      status = response.statusCode;
      retryAfter = response.headers['retry-after'];
      text = await response.body.text();
    } catch (error) {
      throw transportFailure(endpoint, error, call.idempotent);
    }
    if (status >= 200 && status < 300) return parseJson(endpoint, text);
    throw statusError(endpoint, status, text, retryAfter, call.idempotent);
  }
}

/** The production dispatcher: one keep-alive pool with the configured timeouts and TLS policy. */
export function createGatewayAgent(config: ClientPortalConfig): Agent {
  const policy = tlsPolicyFor(config);
  const tls = policy.verify ? { rejectUnauthorized: true, ca: readCa(policy.caFile) } : { rejectUnauthorized: false };
  return new Agent({
    keepAliveTimeout: KEEP_ALIVE_MS,
    headersTimeout: config.timeouts.headersMs,
    bodyTimeout: config.timeouts.bodyMs,
    connect: { timeout: config.timeouts.connectMs, ...tls },
  });
}

function readCa(caFile: string | undefined): string | undefined {
  if (caFile === undefined) return undefined;
  try {
    return readFileSync(caFile, 'utf8');
  } catch (error) {
    throw new ClientPortalConfigError('caFile', `cannot read ${caFile}: ${describe(error)}`);
  }
}

function parseJson(endpoint: string, text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UnexpectedResponse(endpoint, '', `not JSON: ${clip(text)}`);
  }
}

function statusError(
  endpoint: string,
  status: number,
  text: string,
  retryAfter: string | string[] | undefined,
  idempotent: boolean,
): DomainError {
  const detail = gatewayText(text);
  if (status === 401) return new GatewayNotAuthenticated(detail === '' ? `HTTP 401 from ${endpoint}` : detail);
  if (status === 429) return new GatewayRateLimited(endpoint, retryAfterMs(retryAfter));
  if (status >= 500) return new GatewayTransportFailure(endpoint, 'server', `HTTP ${status} ${detail}`, idempotent);
  if (status === 403) {
    return new BrokerError(
      endpoint,
      `HTTP 403 ${detail}: the gateway refused this client (is its address in conf.yaml ips.allow?)`,
    );
  }
  return new BrokerError(endpoint, detail === '' ? `HTTP ${status}` : detail);
}

/** The gateway's own words: `{"error": …}` or `{"message": …}` when it sends them, else the raw text. */
function gatewayText(text: string): string {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null) {
      const { error, message } = body as { error?: unknown; message?: unknown };
      if (typeof error === 'string') return error;
      if (typeof message === 'string') return message;
    }
  } catch {
    // Not JSON: the text itself is the best description there is.
  }
  return clip(text.trim());
}

function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}

function transportFailure(endpoint: string, error: unknown, idempotent: boolean): GatewayTransportFailure {
  const kind = failureKind(error);
  const retryable = kind === 'unreachable' || idempotent;
  return new GatewayTransportFailure(endpoint, kind, describe(error), retryable);
}

function failureKind(error: unknown): TransportFailureKind {
  const code = errorCode(error);
  if (code !== undefined && UNREACHABLE_CODES.has(code)) return 'unreachable';
  if (code !== undefined && TIMEOUT_CODES.has(code)) return 'timeout';
  return 'reset';
}

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error; typeof current === 'object' && current !== null;) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    current = cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = errorCode(error);
  return code === undefined ? error.message : `${error.message} (${code})`;
}

function clip(text: string): string {
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}…` : text;
}
