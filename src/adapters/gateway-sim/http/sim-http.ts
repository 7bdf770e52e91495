/** A request as the route handlers see it: path below `/v1/api` (or the admin path), query, JSON body. */
export interface SimRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** What a handler answers. `orderAccepted` marks the answer that made the exchange accept an order. */
export interface SimResponse {
  readonly status: number;
  /** Serialised as JSON; absent means an empty body. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly orderAccepted?: boolean;
}

export type RouteHandler = (request: SimRequest) => SimResponse;

export function ok(body: unknown): SimResponse {
  return { status: 200, body };
}

/** The gateway's usual refusal: `{"error": "…"}`, with HTTP 200 unless a status is given. */
export function gatewayError(message: string, status = 200): SimResponse {
  return { status, body: { error: message } };
}

export function notFound(method: string, path: string): SimResponse {
  return { status: 404, body: { error: `no such endpoint: ${method} ${path}` } };
}

/** A simulator answer that tells the caller what it got wrong in its request. */
export function badRequest(message: string): SimResponse {
  return { status: 400, body: { error: message } };
}
