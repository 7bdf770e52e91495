import type { Listing } from '../market/listings.js';

/** One match of `/iserver/secdef/search`; the conid is a string here, as the gateway sends it. */
export function secdefMatch(listing: Listing): Record<string, unknown> {
  const us = listing.exchange !== 'ASX';
  return {
    conid: String(listing.conid),
    companyHeader: `${listing.companyName} - ${listing.exchange}`,
    companyName: listing.companyName,
    symbol: listing.symbol,
    description: listing.exchange,
    restricted: null,
    fop: null,
    opt: us ? '20250117;20250221;20250321' : null,
    war: null,
    sections: us
      ? [{ secType: 'STK' }, { secType: 'OPT', months: 'JAN25;FEB25;MAR25', exchange: 'SMART;AMEX;CBOE' }]
      : [{ secType: 'STK' }],
  };
}

/** `/iserver/contract/{conid}/info`. */
export function contractInfo(listing: Listing): Record<string, unknown> {
  return {
    cfi_code: 'ESXXXX',
    symbol: listing.symbol,
    cusip: null,
    expiry_full: null,
    con_id: listing.conid,
    maturity_date: null,
    industry: 'Basic Materials',
    instrument_type: 'STK',
    trading_class: listing.symbol,
    valid_exchanges: listing.exchange === 'ASX' ? 'ASX,CHIXAU' : `SMART,${listing.exchange}`,
    allow_sell_long: false,
    is_zero_commission_security: false,
    local_symbol: listing.symbol,
    contract_clarification_type: null,
    classifier: null,
    currency: listing.currency,
    text: null,
    underlying_con_id: 0,
    r_t_h: true,
    multiplier: null,
    underlying_issuer: null,
    contract_month: null,
    company_name: listing.companyName,
    smart_available: listing.exchange !== 'ASX',
    exchange: listing.exchange,
    category: 'Metals & Mining',
  };
}

/** `/trsrv/stocks`: each requested symbol with its listings, the NYSE one flagged `isUS`. */
export function trsrvStocksBody(
  symbols: readonly string[],
  listingsOf: (symbol: string) => Listing[],
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const symbol of symbols) {
    const listings = listingsOf(symbol);
    const [first] = listings;
    body[symbol] =
      first === undefined
        ? []
        : [
            {
              name: first.companyName,
              chineseName: null,
              assetClass: 'STK',
              contracts: listings.map((listing) => ({
                conid: listing.conid,
                exchange: listing.exchange,
                isUS: listing.currency === 'USD',
              })),
            },
          ];
  }
  return body;
}
