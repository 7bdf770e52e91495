import { InvalidValue } from '../errors/invalid-value.error.js';
import type { LocalDate } from '../values/time.js';

/** Skim's own id for an order (IBKR's `cOID`, returned as `order_ref`); unique per account per day. */
export type ClientOrderId = string & { readonly __brand: 'ClientOrderId' };

const SHAPE = /^[A-Za-z0-9._:-]{1,64}$/;

export function clientOrderId(text: string): ClientOrderId {
  if (!SHAPE.test(text)) throw new InvalidValue('client order id', text, 'expected 1-64 of [A-Za-z0-9._:-]');
  return text as ClientOrderId;
}

/**
 * Derives the id from what the order is for, so that deciding the same thing twice (after a crash,
 * a retry or a second process) names the same order: "skim-20250114-BHP-entry-1".
 */
export function deriveClientOrderId(date: LocalDate, symbol: string, purpose: string, sequence = 1): ClientOrderId {
  return clientOrderId(`skim-${date.replaceAll('-', '')}-${symbol}-${purpose}-${sequence}`);
}
