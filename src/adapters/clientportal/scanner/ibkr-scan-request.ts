import type { ScanFilters } from '../../../domain/ports/market-scanner.port.js';

/** One `{code, value}` filter of a scanner request; codes come from `filter_list` of the scanner params. */
export interface IbkrScanFilter {
  readonly code: string;
  readonly value: number;
}

/** The JSON body of `POST /iserver/scanner/run`. */
export interface IbkrScanRequest {
  readonly instrument: string;
  readonly type: string;
  readonly location: string;
  readonly filter: readonly IbkrScanFilter[];
}

/** Scan types whose `scan_data` is a signed percentage that Skim can read as a gap. */
export const IBKR_GAP_SCAN_TYPES = {
  /** Open against the previous close: the gap itself. */
  highOpenGap: 'HIGH_OPEN_GAP',
  /** Last price against the previous close: equals the gap only until the price moves off the open. */
  topPercentGain: 'TOP_PERC_GAIN',
} as const;

/** Which scan to run, and where; every code is checked against `GET /iserver/scanner/params` before use. */
export interface IbkrScannerSettings {
  readonly scanType: string;
  /** IBKR files ASX shares under its Asia-Pacific stock family. */
  readonly instrument: string;
  readonly location: string;
}

export const IBKR_SCANNER_DEFAULTS: IbkrScannerSettings = Object.freeze({
  scanType: IBKR_GAP_SCAN_TYPES.highOpenGap,
  instrument: 'STOCK.HK',
  location: 'STK.HK.ASX',
});

export const PRICE_ABOVE = 'priceAbove';
export const VOLUME_ABOVE = 'volumeAbove';

/**
 * The scanner request for the scan filters. `minPrice` is in dollars, as IBKR's `priceAbove` expects. The
 * minimum gap has no filter code of its own: the scan ranks by gap and the scan use case applies the minimum.
 */
export function ibkrScanRequest(settings: IbkrScannerSettings, filters: ScanFilters): IbkrScanRequest {
  return {
    instrument: settings.instrument,
    type: settings.scanType,
    location: settings.location,
    filter: [
      { code: PRICE_ABOVE, value: filters.minPrice },
      { code: VOLUME_ABOVE, value: filters.minVolume },
    ],
  };
}
