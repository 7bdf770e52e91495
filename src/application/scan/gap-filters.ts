import type { ScanResult } from '../../domain/market/scan-result.js';
import type { ScanFilters } from '../../domain/ports/market-scanner.port.js';
import { numberToMills } from '../../domain/values/decimal.js';
import { formatPrice } from '../../domain/values/price.js';

/**
 * Why a scan result fails the scan filters, or undefined when it passes. Gaps are compared to 0.001 % on
 * integers, so a gap exactly on the threshold passes whatever float noise its computation left. `minPrice`
 * is in dollars. A scanner that cannot tell price or volume (IBKR's gives only the gap) filtered on them
 * itself, so an unknown price or volume is not held against the stock.
 */
export function failedGapFilter(result: ScanResult, filters: ScanFilters): string | undefined {
  const gap = thousandths(result.gapPct);
  if (gap === undefined) return `gap ${result.gapPct} is not a usable percentage`;
  if (gap < thousandthsOf('minimum gap %', filters.minGapPct)) {
    return `gap ${result.gapPct.toFixed(2)}% below the minimum ${filters.minGapPct}%`;
  }
  const price = result.last ?? result.open;
  if (price !== undefined && price < thousandthsOf('minimum price', filters.minPrice)) {
    return `price ${formatPrice(price)} below the minimum ${filters.minPrice}`;
  }
  if (result.volume !== undefined && result.volume < filters.minVolume) {
    return `volume ${result.volume} below the minimum ${filters.minVolume}`;
  }
  return undefined;
}

function thousandths(value: number): number | undefined {
  try {
    return numberToMills('gap %', value);
  } catch {
    return undefined;
  }
}

function thousandthsOf(kind: string, value: number): number {
  return numberToMills(kind, value);
}
