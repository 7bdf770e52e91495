import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { asxSymbol, instrument } from '../../../src/domain/values/instrument.js';

describe('AsxSymbol', () => {
  it('normalises case and whitespace', () => {
    expect(asxSymbol(' bhp ')).toBe('BHP');
    expect(asxSymbol('1AE')).toBe('1AE');
    expect(asxSymbol('ABCDOA')).toBe('ABCDOA');
  });

  it('refuses codes that are too short, too long or contain other characters', () => {
    expect(() => asxSymbol('BH')).toThrow(InvalidValue);
    expect(() => asxSymbol('ABCDEFG')).toThrow(InvalidValue);
    expect(() => asxSymbol('BH-P')).toThrow(/expected 3 to 6 letters or digits/);
    expect(() => asxSymbol('')).toThrow(InvalidValue);
  });
});

describe('Instrument', () => {
  it('pairs a code with a positive integer conid and cannot be changed', () => {
    const bhp = instrument('bhp', 4036812);
    expect(bhp).toEqual({ symbol: 'BHP', conid: 4036812 });
    expect(Object.isFrozen(bhp)).toBe(true);
  });

  it('refuses a missing or invalid conid', () => {
    expect(() => instrument('BHP', 0)).toThrow(/invalid conid 0/);
    expect(() => instrument('BHP', -5)).toThrow(InvalidValue);
    expect(() => instrument('BHP', 1.5)).toThrow(InvalidValue);
  });
});
