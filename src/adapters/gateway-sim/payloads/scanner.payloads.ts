import type { Listing } from '../market/listings.js';
import {
  SCAN_FILTER_CODES,
  SCAN_INSTRUMENT,
  SCAN_LOCATION,
  SCAN_TYPES,
  type ScanHit,
  type ScanType,
} from '../market/scanner.js';

const FILTER_NAMES: Readonly<Record<string, string>> = {
  priceAbove: 'Price Above',
  priceBelow: 'Price Below',
  volumeAbove: 'Volume Above',
};

/** `/iserver/scanner/params`: a small document in the real one's shape, covering only ASX stocks. */
export function scannerParamsBody(): Record<string, unknown> {
  return {
    scan_type_list: SCAN_TYPES.map((type) => ({
      display_name: type.displayName,
      code: type.code,
      instruments: [SCAN_INSTRUMENT],
    })),
    instrument_list: [{ display_name: 'Asia-Pacific Stocks', type: SCAN_INSTRUMENT, filters: [...SCAN_FILTER_CODES] }],
    filter_list: SCAN_FILTER_CODES.map((code) => ({
      group: code.startsWith('price') ? 'Price' : 'Volume',
      display_name: FILTER_NAMES[code] ?? code,
      code,
      type: 'non-range',
    })),
    location_tree: [
      {
        display_name: 'Asia-Pacific Stocks',
        type: SCAN_INSTRUMENT,
        locations: [{ display_name: 'Australia', type: SCAN_LOCATION, locations: [] }],
      },
    ],
  };
}

/** `/iserver/scanner/run`. */
export function scannerRunBody(
  type: ScanType,
  hits: readonly ScanHit[],
  listingOf: (conid: number) => Listing | undefined,
): Record<string, unknown> {
  return {
    contracts: hits.map(({ quote, scanData }, index) => {
      const { symbol, conid } = quote.instrument;
      return {
        server_id: `scanner-${index}`,
        column_name: type.column,
        symbol,
        conidex: String(conid),
        con_id: conid,
        available_chart_periods: '#R|1',
        company_name: listingOf(conid)?.companyName ?? symbol,
        scan_data: scanData,
        contract_description_1: symbol,
        listing_exchange: 'ASX',
        sec_type: 'STK',
      };
    }),
    scan_data_column_name: type.column,
  };
}
