import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { instrument, type Instrument } from '../../../domain/values/instrument.js';

/** One listing the contract search knows. Only ASX listings trade on the simulated exchange. */
export interface Listing {
  readonly symbol: string;
  readonly conid: number;
  readonly exchange: string;
  readonly currency: string;
  readonly companyName: string;
}

const asx = (symbol: string, conid: number, companyName: string): Listing => ({
  symbol,
  conid,
  exchange: 'ASX',
  currency: 'AUD',
  companyName,
});

/**
 * The simulator's instrument list. The conids are the simulator's own, not IBKR's; the NYSE ADR of BHP is
 * listed first on purpose, so that a client picking "the first match" trades the wrong instrument.
 */
export const DEFAULT_LISTINGS: readonly Listing[] = Object.freeze([
  { symbol: 'BHP', conid: 4_036_812, exchange: 'NYSE', currency: 'USD', companyName: 'BHP GROUP LTD-SPON ADR' },
  asx('BHP', 4_036_818, 'BHP GROUP LTD'),
  asx('CBA', 4_036_830, 'COMMONWEALTH BANK OF AUSTRAL'),
  asx('CSL', 4_036_857, 'CSL LTD'),
  asx('NAB', 4_036_901, 'NATIONAL AUSTRALIA BANK LTD'),
  asx('WBC', 4_037_001, 'WESTPAC BANKING CORP'),
  asx('ANZ', 4_036_780, 'ANZ GROUP HOLDINGS LTD'),
  asx('FMG', 4_036_866, 'FORTESCUE LTD'),
  asx('PLS', 39_457_601, 'PILBARA MINERALS LTD'),
  asx('LTR', 68_209_113, 'LIONTOWN RESOURCES LTD'),
  asx('1AE', 503_117_222, 'AURORA ENERGY METALS LTD'),
]);

/** Looks listings up by symbol and conid; checks that no conid or ASX symbol appears twice. */
export class ListingCatalogue {
  private readonly byConid = new Map<number, Listing>();

  constructor(readonly listings: readonly Listing[]) {
    const asxSymbols = new Set<string>();
    for (const listing of listings) {
      if (this.byConid.has(listing.conid)) throw new InvalidValue('listings', listing, 'conid listed twice');
      this.byConid.set(listing.conid, listing);
      if (!isAsx(listing)) continue;
      if (asxSymbols.has(listing.symbol)) throw new InvalidValue('listings', listing, 'ASX symbol listed twice');
      asxSymbols.add(listing.symbol);
    }
  }

  byConidOf(conid: number): Listing | undefined {
    return this.byConid.get(conid);
  }

  /** Every listing of a symbol, in catalogue order. */
  bySymbol(symbol: string): Listing[] {
    const wanted = symbol.trim().toUpperCase();
    return this.listings.filter((listing) => listing.symbol === wanted);
  }

  /** Listings whose company name contains `text` (case-insensitive). */
  byName(text: string): Listing[] {
    const wanted = text.trim().toUpperCase();
    return wanted === '' ? [] : this.listings.filter((listing) => listing.companyName.includes(wanted));
  }

  /** The instruments the simulated exchange trades. */
  asxInstruments(): Instrument[] {
    return this.listings.filter(isAsx).map((listing) => instrument(listing.symbol, listing.conid));
  }
}

export function isAsx(listing: Listing): boolean {
  return listing.exchange === 'ASX';
}
