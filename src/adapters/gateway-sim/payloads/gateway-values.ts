import { formatMills } from '../../../domain/values/decimal.js';
import type { Money } from '../../../domain/values/money.js';
import { formatPrice, type Price } from '../../../domain/values/price.js';
import type { EpochMs } from '../../../domain/values/time.js';

/** How the gateway writes values: prices as strings, amounts as JSON numbers, times in its own formats. */

export const priceText = (p: Price): string => formatPrice(p);

/** Mills that may lie between ticks (an average fill), written to the mill. */
export const millsText = (mills: number): string => formatMills(Math.round(mills), 2);

/** Money as the JSON number of dollars the portfolio endpoints send (an integer of mills / 1000 prints exactly). */
export const dollarsNumber = (amount: Money | number): number => Math.round(amount) / 1000;

export const moneyText = (amount: Money): string => formatMills(amount, 2);

/** "20250114-00:01:00" (UTC), as in history `startTime` and trades `trade_time`. */
export function gatewayDateTime(at: EpochMs): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 19)}`;
}

/** "250114000100" (UTC), as in live orders' `lastExecutionTime`. */
export function gatewayCompactTime(at: EpochMs): string {
  return gatewayDateTime(at).slice(2).replace('-', '').replaceAll(':', '');
}

/** Parses "20250114-00:01:00" (UTC); undefined when it is not in that form. */
export function parseGatewayDateTime(text: string): EpochMs | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})-(\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const at = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(at) ? undefined : at;
}

/** Field 87's formatted volume: "980", "9,800", "12.3K", "1.25M". */
export function formattedVolume(shares: number): string {
  if (shares >= 1_000_000) return `${trimZeros((shares / 1_000_000).toFixed(2))}M`;
  if (shares >= 10_000) return `${trimZeros((shares / 1_000).toFixed(1))}K`;
  return shares.toLocaleString('en-US');
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
