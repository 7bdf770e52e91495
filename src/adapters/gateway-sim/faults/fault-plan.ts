import type { QuestionSpec } from '../orders/question-policy.js';

/**
 * Which requests a fault hits: a path below `/v1/api`, optionally after a method, e.g.
 * `/iserver/marketdata/snapshot` or `POST /iserver/reply/*`. A `*` segment stands for any one segment, a
 * final `**` for any rest of the path.
 */
export type RequestPattern = string;

export interface ServerErrorFault {
  readonly match: RequestPattern;
  /** HTTP status to answer, 5xx; 503 by default. */
  readonly status?: number;
  /** How many matching requests fail; 1 by default. */
  readonly times?: number;
}

export interface RateLimitFault {
  readonly match: RequestPattern;
  /** How many matching requests get HTTP 429; 1 by default. */
  readonly times?: number;
}

export interface LatencyFault {
  /** Every request when absent. */
  readonly match?: RequestPattern;
  readonly ms: number;
  /** `before` (default): the request waits before it is acted on; `after`: it is carried out, the answer waits. */
  readonly when?: 'before' | 'after';
}

/** A delay for a number of matching requests (where `LatencyFault` lasts until it is switched off). */
export interface DelayFault {
  readonly match: RequestPattern;
  readonly ms: number;
  readonly when?: 'before' | 'after';
  readonly times?: number;
}

export interface DropFault {
  readonly match: RequestPattern;
  /** `before`: the request is not acted on; `after`: it is carried out and then the answer is lost. */
  readonly when?: 'before' | 'after';
  readonly times?: number;
}

export interface SessionExpiryFault {
  /** The session ends as a matching request arrives, so that request is answered 401. */
  readonly match: RequestPattern;
  readonly times?: number;
}

/** Faults to switch on, all optional; the same shape configures a run and `POST /sim/faults`. */
export interface FaultPlan {
  /** The brokerage session ends; a reauthentication brings it back. */
  readonly sessionExpired?: boolean;
  /** The session ends just as a matching request arrives (lost between Skim's last read and its order). */
  readonly sessionExpiresOn?: readonly SessionExpiryFault[];
  /** Another login of the same user holds the brokerage session. */
  readonly competingSession?: boolean;
  readonly reauthenticationFails?: boolean;
  /** Enforce the gateway's pacing limits with HTTP 429. */
  readonly enforcePacing?: boolean;
  /** The next N requests are answered HTTP 429 whatever the pace. */
  readonly rateLimitNext?: number;
  /** Matching requests are answered HTTP 429 whatever the pace. */
  readonly rateLimits?: readonly RateLimitFault[];
  readonly serverErrors?: readonly ServerErrorFault[];
  readonly latency?: readonly LatencyFault[];
  /** The next matching requests are delayed (long enough, they time out at the client). */
  readonly delays?: readonly DelayFault[];
  readonly dropConnections?: readonly DropFault[];
  /** The answers that would tell the next N accepted orders' ids are lost (the socket is destroyed). */
  readonly dropAfterOrderAccepted?: number;
  /** Reasons the next orders are rejected with, one order each. */
  readonly rejectOrders?: readonly string[];
  /** Questions asked before the next order is accepted, in order, on top of the usual ones. */
  readonly questionsBeforeNextOrder?: readonly QuestionSpec[];
}
