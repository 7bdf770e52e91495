import type { RequestRecord } from '../../../adapters/gateway-sim/http/request-pipeline.js';
import type { RunEvidence, Violation } from '../run-evidence.js';

const INVARIANT = 'no order placed while the gateway was unauthenticated';
const API_ROOT = '/v1/api';
/** Session endpoints answer whatever the brokerage session's state; a 2xx from them says nothing about it. */
const SESSION_PATHS = new Set(['/iserver/auth/status', '/iserver/reauthenticate', '/iserver/auth/ssodh/init']);
/** The endpoints whose answer tells the client whether the session can trade. */
const STATUS_PATHS = new Set(['/iserver/auth/status', '/tickle']);

/** What the log says happened at one place in the simulator's count of events. */
interface Event {
  readonly at: number;
  readonly kind: 'order sent' | 'answered';
  readonly request: RequestRecord;
}

/**
 * Skim may find out that the session is down from an order's own 401, but once the gateway has told it so
 * (any 401, or an auth status or keep-alive answered while the session could not trade), no order may go out
 * until the gateway has told it the session is back (a brokerage request answered 2xx, or an auth status or
 * keep-alive answered while it could trade). Read from the simulator's request log: an order counts from when
 * it arrived, the news from when it was answered, so an order already on its way (its answer held back) when
 * a 401 went out is not blamed on it.
 */
export function noOrderWhileUnauthenticated(evidence: RunEvidence): Violation[] {
  const violations: Violation[] = [];
  let downSince: RequestRecord | undefined;
  for (const event of inOrder(evidence.requests)) {
    const { request } = event;
    if (event.kind === 'order sent') {
      if (downSince !== undefined) {
        violations.push({
          invariant: INVARIANT,
          message: `${request.method} ${request.path} sent at ${iso(request.at)} after ${describe(downSince)} at ${iso(downSince.at)}`,
        });
      }
    } else if (tellsDown(request)) downSince ??= request;
    else if (tellsUp(request)) downSince = undefined;
  }
  return violations;
}

function inOrder(requests: readonly RequestRecord[]): Event[] {
  const events: Event[] = [];
  for (const request of requests) {
    if (isOrderPlacement(request)) events.push({ at: request.arrived, kind: 'order sent', request });
    events.push({ at: request.answered, kind: 'answered', request });
  }
  return events.sort((a, b) => a.at - b.at);
}

function tellsDown(request: RequestRecord): boolean {
  return request.status === 401 || (answered(request) && STATUS_PATHS.has(apiPath(request.path)) && !request.sessionUp);
}

function tellsUp(request: RequestRecord): boolean {
  if (!answered(request)) return false;
  const path = apiPath(request.path);
  if (STATUS_PATHS.has(path)) return request.sessionUp;
  return isBrokerage(path);
}

function describe(request: RequestRecord): string {
  return request.status === 401
    ? `${request.method} ${request.path} was refused with 401`
    : `${request.method} ${request.path} answered that the session could not trade`;
}

function answered(request: RequestRecord): boolean {
  return typeof request.status === 'number' && request.status >= 200 && request.status < 300;
}

function isOrderPlacement(request: RequestRecord): boolean {
  if (request.method !== 'POST') return false;
  const path = apiPath(request.path);
  return /^\/iserver\/account\/[^/]+\/orders$/.test(path) || /^\/iserver\/reply\/[^/]+$/.test(path);
}

function isBrokerage(path: string): boolean {
  return (path.startsWith('/iserver/') || path.startsWith('/portfolio/')) && !SESSION_PATHS.has(path);
}

function apiPath(fullPath: string): string {
  return fullPath.startsWith(API_ROOT) ? fullPath.slice(API_ROOT.length) : fullPath;
}

function iso(at: number): string {
  return new Date(at).toISOString();
}
