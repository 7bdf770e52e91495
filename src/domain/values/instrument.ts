import { InvalidValue } from '../errors/invalid-value.error.js';

/** An ASX code: 3 to 6 upper-case letters or digits (BHP, CBA, 1AE, ABCDOA). */
export type AsxSymbol = string & { readonly __brand: 'AsxSymbol' };

const ASX_CODE = /^[A-Z0-9]{3,6}$/;

export function asxSymbol(text: string): AsxSymbol {
  const code = text.trim().toUpperCase();
  if (!ASX_CODE.test(code)) throw new InvalidValue('ASX symbol', text, 'expected 3 to 6 letters or digits');
  return code as AsxSymbol;
}

/** A share listed on the ASX as IBKR knows it: the code plus IBKR's contract id (conid). */
export interface Instrument {
  readonly symbol: AsxSymbol;
  readonly conid: number;
}

export function instrument(symbol: string, conid: number): Instrument {
  if (!Number.isSafeInteger(conid) || conid <= 0) throw new InvalidValue('conid', conid, 'not a positive integer');
  return Object.freeze({ symbol: asxSymbol(symbol), conid });
}
