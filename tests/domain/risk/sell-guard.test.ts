import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { RiskLimitExceeded } from '../../../src/domain/errors/risk-limit-exceeded.error.js';
import { assertSellWithinHolding } from '../../../src/domain/risk/sell-guard.js';
import { asxSymbol } from '../../../src/domain/values/instrument.js';
import { quantity } from '../../../src/domain/values/quantity.js';

const BHP = asxSymbol('BHP');

describe('assertSellWithinHolding', () => {
  it('allows selling up to everything held', () => {
    expect(() => {
      assertSellWithinHolding(BHP, quantity(50), quantity(101));
    }).not.toThrow();
    expect(() => {
      assertSellWithinHolding(BHP, quantity(101), quantity(101));
    }).not.toThrow();
  });

  it('refuses one share more than held with RiskLimitExceeded naming the rule', () => {
    const attempt = () => {
      assertSellWithinHolding(BHP, quantity(102), quantity(101));
    };
    expect(attempt).toThrow(RiskLimitExceeded);
    expect(attempt).toThrow('risk rule sell_exceeds_holding: sell 102 BHP but only 101 held');
    expect(() => {
      assertSellWithinHolding(BHP, quantity(1), quantity(0));
    }).toThrow(RiskLimitExceeded);
  });

  it('refuses an empty sell', () => {
    expect(() => {
      assertSellWithinHolding(BHP, quantity(0), quantity(10));
    }).toThrow(InvalidValue);
  });
});
