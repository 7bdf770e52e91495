import { join } from 'node:path';
import type { GatewaySimulator } from '../../adapters/gateway-sim/gateway-simulator.js';

/**
 * How long Skim waits for a gateway answer in a chaos run: short, so that a timeout fault costs the
 * campaign well under a second of real time (Skim's default is 10 s).
 */
export const CHAOS_GATEWAY_TIMEOUT_MS = 200;

/** The paper account chaos runs trade at the simulated gateway. */
export const CHAOS_ACCOUNT_ID = 'DU7770001';

/** The SKIM_ variables that point Skim (in-process or a child `skim` process) at a run's simulator and database. */
export function chaosEnvironment(
  simulator: Pick<GatewaySimulator, 'url' | 'healthUrl'>,
  workDir: string,
): Record<string, string> {
  return {
    SKIM_PROFILE: 'live',
    SKIM_DB_PATH: join(workDir, 'skim.db'),
    SKIM_GATEWAY_URL: simulator.url,
    // The simulator's certificate is self-signed and it listens on 127.0.0.1 only.
    SKIM_GATEWAY_INSECURE_TLS: 'true',
    SKIM_IBEAM_HEALTH_URL: simulator.healthUrl,
    SKIM_ACCOUNT_ID: CHAOS_ACCOUNT_ID,
    SKIM_GATEWAY_TIMEOUT_MS: String(CHAOS_GATEWAY_TIMEOUT_MS),
    SKIM_LOG_LEVEL: 'warn',
  };
}
