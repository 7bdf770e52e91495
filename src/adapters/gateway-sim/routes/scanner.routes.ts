import type { GatewayState } from '../gateway-state.js';
import type { Router } from '../http/router.js';
import { badRequest, ok, type SimRequest, type SimResponse } from '../http/sim-http.js';
import {
  runScan,
  SCAN_FILTER_CODES,
  SCAN_INSTRUMENT,
  SCAN_LOCATION,
  SCAN_TYPES,
  type ScanFilter,
  type ScanFilterCode,
} from '../market/scanner.js';
import { scannerParamsBody, scannerRunBody } from '../payloads/scanner.payloads.js';

/** IBKR's market scanner over the simulated exchange's ASX quotes, validated against its own params. */
export function registerScannerRoutes(router: Router, state: GatewayState): void {
  router
    .get('/iserver/scanner/params', () => ok(scannerParamsBody()))
    .post('/iserver/scanner/run', (request) => run(state, request));
}

function run(state: GatewayState, request: SimRequest): SimResponse {
  const body = (request.body ?? {}) as { instrument?: unknown; type?: unknown; location?: unknown; filter?: unknown };
  if (body.instrument !== SCAN_INSTRUMENT)
    return badRequest(`instrument ${String(body.instrument)} is not ${SCAN_INSTRUMENT}`);
  if (body.location !== SCAN_LOCATION) return badRequest(`location ${String(body.location)} is not ${SCAN_LOCATION}`);
  const type = SCAN_TYPES.find((candidate) => candidate.code === body.type);
  if (type === undefined) return badRequest(`scan type ${String(body.type)} is not in /iserver/scanner/params`);
  const filters = filtersOf(body.filter);
  if (typeof filters === 'string') return badRequest(filters);
  const quotes = state.exchange.instruments().map((target) => state.exchange.quote(target));
  return ok(scannerRunBody(type, runScan(type, quotes, filters), (conid) => state.listingOf(conid)));
}

function filtersOf(raw: unknown): ScanFilter[] | string {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return 'filter must be a list of {code, value}';
  const filters: ScanFilter[] = [];
  for (const item of raw as unknown[]) {
    const { code, value } = (item ?? {}) as { code?: unknown; value?: unknown };
    if (!isFilterCode(code)) return `filter code ${String(code)} is not in /iserver/scanner/params`;
    const number = typeof value === 'string' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) return `filter ${code} needs a numeric value`;
    filters.push({ code, value: number });
  }
  return filters;
}

function isFilterCode(code: unknown): code is ScanFilterCode {
  return typeof code === 'string' && (SCAN_FILTER_CODES as readonly string[]).includes(code);
}
