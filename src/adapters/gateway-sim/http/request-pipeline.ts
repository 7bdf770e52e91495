import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../../domain/ports/clock.port.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { GatewayFaults } from '../faults/gateway-faults.js';
import type { PacingEnforcer } from '../session/pacing-enforcer.js';
import type { SimRequest, SimResponse } from './sim-http.js';

export const API_ROOT = '/v1/api';
export const ADMIN_ROOT = '/sim';
const MAX_BODY_BYTES = 1_000_000;
const LOG_LIMIT = 1_000;

/** One request as the simulator handled it; `dropped` when its connection was destroyed on purpose. */
export interface RequestRecord {
  readonly at: EpochMs;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: number | 'dropped';
  readonly error?: string;
  /** Whether the brokerage session could trade when the request was answered (or dropped). */
  readonly sessionUp: boolean;
  /**
   * When the request arrived and when it was answered (or dropped), as places in the pipeline's own count
   * of events: exact where wall-clock milliseconds tie, and the log itself is in the order of answers.
   */
  readonly arrived: number;
  readonly answered: number;
}

/** One request being served: where its answer goes and what the log says about it. */
interface Call {
  readonly res: ServerResponse;
  readonly method: string;
  readonly url: URL;
  readonly arrived: number;
}

export type RequestHandler = (request: Omit<SimRequest, 'params'>) => SimResponse;

/** The requests answered so far (the last thousand), oldest first. */
export class RequestLog {
  private readonly records: RequestRecord[] = [];

  add(record: RequestRecord): void {
    this.records.push(record);
    if (this.records.length > LOG_LIMIT) this.records.splice(0, this.records.length - LOG_LIMIT);
  }

  all(): readonly RequestRecord[] {
    return this.records;
  }
}

class BadBody extends Error {}

/**
 * The HTTP side of the simulator: reads JSON bodies, sends `/sim/...` to the admin endpoints and everything
 * under `/v1/api` through the transport faults (429 bursts, pacing, latency, 5xx, dropped connections)
 * to the gateway endpoints, and keeps a log of what it answered.
 */
export class RequestPipeline {
  constructor(
    private readonly log: RequestLog,
    private readonly api: RequestHandler,
    private readonly admin: RequestHandler,
    private readonly faults: GatewayFaults,
    private readonly pacing: PacingEnforcer,
    private readonly wallClock: Clock,
    private readonly sessionUp: () => boolean,
  ) {}

  private events = 0;

  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) write(res, { status: 500, body: { error: describe(error) } });
    });
  };

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const call: Call = {
      res,
      method: (req.method ?? 'GET').toUpperCase(),
      url: new URL(req.url ?? '/', 'https://127.0.0.1'),
      arrived: this.nextEvent(),
    };
    const { method, url } = call;
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (error) {
      this.answer(call, { status: 400, body: { error: describe(error) } });
      return;
    }
    const request = { method, query: url.searchParams, body };
    if (isUnder(url.pathname, ADMIN_ROOT)) {
      this.answer(
        call,
        this.run(() => this.admin({ ...request, path: url.pathname })),
      );
      return;
    }
    if (!isUnder(url.pathname, API_ROOT)) {
      this.answer(call, { status: 404, body: { error: `not a gateway path: ${url.pathname}` } });
      return;
    }
    await this.serveApi(call, { ...request, path: url.pathname.slice(API_ROOT.length) || '/' });
  }

  private async serveApi(call: Call, request: Omit<SimRequest, 'params'>): Promise<void> {
    const { method, path } = request;
    if (this.faults.takeRateLimit(method, path)) {
      this.answer(call, tooManyRequests('simulated burst of 429s'));
      return;
    }
    const verdict = this.pacing.admit(method, path);
    if (!verdict.admitted) {
      this.faults.noteRateLimited();
      this.answer(call, tooManyRequests(verdict.reason));
      return;
    }
    try {
      const delay = this.faults.latencyFor(method, path);
      if (delay > 0) await sleep(delay);
      if (this.faults.takeDrop(method, path, 'before')) {
        this.drop(call);
        return;
      }
      this.faults.strikeSessionExpiry(method, path);
      const failure = this.faults.takeServerError(method, path);
      if (failure !== undefined) {
        this.answer(call, { status: failure, body: { error: 'simulated gateway failure' } });
        return;
      }
      const response = this.run(() => this.api(request));
      const answerDelay = this.faults.latencyFor(method, path, 'after');
      if (answerDelay > 0) await sleep(answerDelay);
      const lost = response.orderAccepted === true && this.faults.takeDroppedAcceptance();
      if (lost || this.faults.takeDrop(method, path, 'after')) {
        this.drop(call);
        return;
      }
      this.answer(call, response);
    } finally {
      verdict.release();
    }
  }

  /** A handler that throws is a gateway failing with HTTP 500, as a real one would. */
  private run(handle: () => SimResponse): SimResponse {
    try {
      return handle();
    } catch (error) {
      return { status: 500, body: { error: describe(error) } };
    }
  }

  private answer(call: Call, response: SimResponse): void {
    const error = (response.body as { error?: unknown } | undefined)?.error;
    this.log.add({
      ...this.recordOf(call),
      status: response.status,
      ...(typeof error === 'string' ? { error } : {}),
    });
    write(call.res, response);
  }

  private drop(call: Call): void {
    this.log.add({ ...this.recordOf(call), status: 'dropped' });
    call.res.socket?.destroy();
  }

  private recordOf({ method, url, arrived }: Call): Omit<RequestRecord, 'status'> {
    return {
      at: this.wallClock.now(),
      method,
      path: url.pathname,
      query: url.search,
      sessionUp: this.sessionUp(),
      arrived,
      answered: this.nextEvent(),
    };
  }

  private nextEvent(): number {
    this.events += 1;
    return this.events;
  }
}

function tooManyRequests(reason: string): SimResponse {
  return { status: 429, body: { error: `Too many requests: ${reason}` } };
}

function write(res: ServerResponse, response: SimResponse): void {
  const text = response.body === undefined ? '' : JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...(text === '' ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'content-length': Buffer.byteLength(text),
    ...response.headers,
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BadBody(`request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadBody('request body is not JSON');
  }
}

function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}/`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
