import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import type { ClientPortalConfig } from '../../../../src/adapters/clientportal/clientportal.config.js';
import { clientPortalScannerSource } from '../../../../src/adapters/clientportal/scanner/clientportal-scanner.source.js';
import { ClientPortalScanner } from '../../../../src/adapters/clientportal/scanner/clientportal.scanner.js';
import {
  IBKR_SCANNER_DEFAULTS,
  type IbkrScannerSettings,
} from '../../../../src/adapters/clientportal/scanner/ibkr-scan-request.js';
import type { ScanFilters } from '../../../../src/domain/ports/market-scanner.port.js';
import { localDate } from '../../../../src/domain/values/time.js';
import { CapturingLogger } from '../../../application/scan/capturing-logger.js';
import { clientHarness } from '../support/broker-harness.js';
import type { JumpingClock } from '../support/jumping-clock.js';
import type { MockGateway } from '../support/mock-gateway.js';

export const SCANNER_FIXTURES = new URL('../../../fixtures/clientportal/scanner/', import.meta.url);
/** A folder as SKIM_RECORD_DIR leaves it: the scanner's answer in `ibkr-scanner.json`. */
export const MORNING_FOLDER = new URL('morning/', SCANNER_FIXTURES);

export const PARAMS_PATH = '/iserver/scanner/params';
export const RUN_PATH = '/iserver/scanner/run';

export const FILTERS: ScanFilters = { minGapPct: 3, minPrice: 0.05, minVolume: 10_000 };
export const TRADING_DAY = localDate('2025-01-14');

/** A scanner fixture as parsed JSON, fresh for each use. */
export function scannerFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, SCANNER_FIXTURES), 'utf8')) as Record<string, unknown>;
}

export const paramsBody = (): Record<string, unknown> => scannerFixture('scanner-params.json');
export const morningRun = (): Record<string, unknown> => scannerFixture('morning/ibkr-scanner.json');

export interface ScannerHarness {
  readonly gateway: MockGateway;
  readonly clock: JumpingClock;
  readonly log: CapturingLogger;
  readonly scanner: ClientPortalScanner;
}

/** Builds scanners over a scripted gateway for the tests of one file and closes each gateway after its test. */
export function scannersPerTest(): (
  settings?: Partial<IbkrScannerSettings>,
  config?: Partial<ClientPortalConfig>,
) => ScannerHarness {
  const open: MockGateway[] = [];
  afterEach(async () => {
    for (const gateway of open.splice(0)) await gateway.close();
  });
  return (settings = {}, config = {}) => {
    const { gateway, clock, client } = clientHarness(config);
    open.push(gateway);
    const log = new CapturingLogger();
    const source = clientPortalScannerSource(client, { clock, log });
    const scanner = new ClientPortalScanner(source, log, { ...IBKR_SCANNER_DEFAULTS, ...settings });
    return { gateway, clock, log, scanner };
  };
}
