import type { GatewayAuthReport } from '../clientportal/clientportal.gateway-status.js';
import type { ProbeResult } from './ibeam-probe.js';

export interface HealthFacts {
  readonly healthUrl: string;
  readonly live: ProbeResult;
  readonly ready: ProbeResult;
  readonly gateway: GatewayAuthReport;
}

/** One line a person can act on: what is wrong first, and what to do about it. */
export function healthMessage({ healthUrl, live, ready, gateway }: HealthFacts): string {
  const parts: string[] = [];
  if (!live.answered)
    parts.push(`IBeam health server at ${healthUrl} did not answer (${live.reason}): is the ibeam container running?`);
  else if (live.status !== 200) parts.push(`IBeam reports it is not running normally (HTTP ${live.status} on /livez)`);
  if (gateway.competing) {
    parts.push(
      `another login holds the IBKR session (${gateway.message}): log out of TWS, Client Portal or IBKR Mobile`,
    );
  } else if (!gateway.gatewayAuthenticated) {
    parts.push(`gateway not authenticated (${gateway.message}): approve the login on IBKR Mobile or check IBeam's log`);
  }
  if (live.answered && ready.answered && ready.status !== 200 && gateway.gatewayAuthenticated) {
    parts.push(`IBeam does not report the gateway ready yet (HTTP ${ready.status} on /readyz)`);
  }
  return parts.length === 0 ? 'IBeam is running and the gateway session is authenticated' : parts.join('; ');
}
