import type { RequestRecord } from '../../../adapters/gateway-sim/http/request-pipeline.js';
import type { RunEvidence, Violation } from '../run-evidence.js';

const INVARIANT = 'no order placed while the gateway was unauthenticated';
const API_ROOT = '/v1/api';
/** Session endpoints answer whatever the brokerage session's state; they say nothing about it. */
const SESSION_PATHS = new Set(['/iserver/auth/status', '/iserver/reauthenticate', '/iserver/auth/ssodh/init']);

/**
 * Skim may find out that the session is down from an order's own 401, but once any request has been
 * refused with 401, no order may be sent until a brokerage request has succeeded again. Read from the
 * simulator's request log: a 401 marks the session known down, a 2xx from a brokerage endpoint (which
 * answers only while the session can trade) marks it up.
 */
export function noOrderWhileUnauthenticated(evidence: RunEvidence): Violation[] {
  const violations: Violation[] = [];
  let downSince: RequestRecord | undefined;
  for (const request of evidence.requests) {
    if (request.status === 401) {
      if (downSince !== undefined && isOrderPlacement(request)) {
        violations.push({
          invariant: INVARIANT,
          message: `${request.method} ${request.path} sent at ${iso(request.at)} after ${downSince.method} ${downSince.path} was refused with 401 at ${iso(downSince.at)}`,
        });
      }
      downSince ??= request;
    } else if (typeof request.status === 'number' && request.status < 300 && isBrokerage(request.path)) {
      downSince = undefined;
    }
  }
  return violations;
}

function isOrderPlacement(request: RequestRecord): boolean {
  if (request.method !== 'POST') return false;
  const path = apiPath(request.path);
  return /^\/iserver\/account\/[^/]+\/orders$/.test(path) || /^\/iserver\/reply\/[^/]+$/.test(path);
}

function isBrokerage(fullPath: string): boolean {
  const path = apiPath(fullPath);
  return (path.startsWith('/iserver/') || path.startsWith('/portfolio/')) && !SESSION_PATHS.has(path);
}

function apiPath(fullPath: string): string {
  return fullPath.startsWith(API_ROOT) ? fullPath.slice(API_ROOT.length) : fullPath;
}

function iso(at: number): string {
  return new Date(at).toISOString();
}
