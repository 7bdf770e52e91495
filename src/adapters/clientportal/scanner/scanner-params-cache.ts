import type { AppLogger } from '../../../application/shared/app-logger.js';
import type { Clock } from '../../../domain/ports/clock.port.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { GatewayRateLimited } from '../errors/gateway-rate-limited.error.js';
import type { GatewayClient } from '../gateway-client.js';
import { ScannerParams } from './scanner-params.js';
import { scannerParamsSchema } from './scanner-params.schema.js';

export const SCANNER_PARAMS_PATH = '/iserver/scanner/params';

/** The gateway allows one params request per 15 minutes (clientportal-api.md, "Pacing limits"). */
export const SCANNER_PARAMS_INTERVAL_MS = 15 * 60_000;

/**
 * The scanner params, asked of the gateway at most once per interval. Until the interval has passed the
 * last answer is reused; after it, a failed refresh falls back to that answer, since scan codes change
 * rarely. A refused (429) request also closes the interval, so the gateway is not asked again too soon.
 */
export class ScannerParamsCache {
  private held: ScannerParams | undefined;
  private nextFetchAt: EpochMs = Number.NEGATIVE_INFINITY;
  private pending: Promise<ScannerParams> | undefined;

  constructor(
    private readonly client: GatewayClient,
    private readonly clock: Clock,
    private readonly log: AppLogger,
  ) {}

  current(): Promise<ScannerParams> {
    if (this.pending !== undefined) return this.pending;
    const now = this.clock.now();
    if (now < this.nextFetchAt) {
      if (this.held !== undefined) return Promise.resolve(this.held);
      return Promise.reject(new GatewayRateLimited(`GET ${SCANNER_PARAMS_PATH}`, this.nextFetchAt - now));
    }
    const pending = this.fetch(now).finally(() => {
      this.pending = undefined;
    });
    this.pending = pending;
    return pending;
  }

  private async fetch(startedAt: EpochMs): Promise<ScannerParams> {
    try {
      const params = new ScannerParams(await this.client.get(SCANNER_PARAMS_PATH, scannerParamsSchema));
      this.held = params;
      this.nextFetchAt = startedAt + SCANNER_PARAMS_INTERVAL_MS;
      return params;
    } catch (error) {
      if (error instanceof GatewayRateLimited) this.nextFetchAt = startedAt + SCANNER_PARAMS_INTERVAL_MS;
      if (this.held === undefined) throw error;
      this.log.warn(
        { endpoint: `GET ${SCANNER_PARAMS_PATH}`, error: error instanceof Error ? error.message : String(error) },
        'could not refresh the IBKR scanner params; checking codes against the previous answer',
      );
      return this.held;
    }
  }
}
