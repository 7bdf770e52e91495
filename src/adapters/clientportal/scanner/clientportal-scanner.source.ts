import type { AppLogger } from '../../../application/shared/app-logger.js';
import type { Clock } from '../../../domain/ports/clock.port.js';
import type { RawSource } from '../../recording/raw-source.js';
import { GatewayTransportFailure } from '../errors/gateway-transport.error.js';
import type { GatewayClient } from '../gateway-client.js';
import { ignoredBody } from '../schemas/common.schema.js';
import { CompetingSessionSuspected } from './competing-session-suspected.error.js';
import type { IbkrScanRequest } from './ibkr-scan-request.js';
import { IBKR_SCANNER_SOURCE, SCANNER_RUN_PATH } from './ibkr-scanner-names.js';
import { ScannerParamsCache } from './scanner-params-cache.js';

const EMPTY_RESPONSE = /empty response/i;

/**
 * The gateway's scanner as a raw source: checks the request's codes against the scanner params, runs it
 * through the paced gateway client and hands back the answer as JSON text, so that it can be recorded and
 * replayed like any other outside source. Parsing happens in the scanner, for live and replayed bodies alike.
 */
export class ClientPortalScannerSource implements RawSource<IbkrScanRequest> {
  readonly name = IBKR_SCANNER_SOURCE;

  constructor(
    private readonly client: GatewayClient,
    private readonly params: ScannerParamsCache,
  ) {}

  async fetchRaw(request: IbkrScanRequest): Promise<string> {
    (await this.params.current()).check(request);
    let body: unknown;
    try {
      // A scan changes nothing at the broker, so the client may repeat it after a 429 or a transient failure.
      body = await this.client.post(SCANNER_RUN_PATH, request, ignoredBody, { idempotent: true });
    } catch (error) {
      throw explainFailure(error);
    }
    return body === undefined ? '' : JSON.stringify(body);
  }
}

export interface ScannerSourceDeps {
  readonly clock: Clock;
  readonly log: AppLogger;
}

/** The live IBKR scanner over a gateway connection, to be wrapped by `withRecordReplay`. */
export function clientPortalScannerSource(client: GatewayClient, deps: ScannerSourceDeps): RawSource<IbkrScanRequest> {
  return new ClientPortalScannerSource(client, new ScannerParamsCache(client, deps.clock, deps.log));
}

function explainFailure(error: unknown): unknown {
  const emptyResponse =
    error instanceof GatewayTransportFailure &&
    error.kind === 'server' &&
    error.reason.includes('HTTP 500') &&
    EMPTY_RESPONSE.test(error.reason);
  if (!emptyResponse) return error;
  return new CompetingSessionSuspected(error.endpoint, `HTTP 500 "EMPTY response"`);
}
