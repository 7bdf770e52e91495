import { describe, expect, it } from 'vitest';
import { commissionFor, IBKR_ASX_FIXED, type TieredCommission } from '../../../src/domain/costs/commission.js';
import { dollars, money } from '../../../src/domain/values/money.js';

const TIERED: TieredCommission = {
  kind: 'tiered',
  tiers: [
    { upToMonthlyValue: dollars(15_000_000), rateBps: 8 },
    { upToMonthlyValue: dollars(50_000_000), rateBps: 5 },
    { upToMonthlyValue: null, rateBps: 2 },
  ],
  minimum: dollars(6),
  exchangeFeeBps: 0.5,
  clearingFeeBps: 0.3,
};

describe('fixed commission', () => {
  it('charges the AUD 6.00 minimum on small orders', () => {
    expect(commissionFor(IBKR_ASX_FIXED, dollars(5000))).toBe(6000);
    expect(commissionFor(IBKR_ASX_FIXED, money(0))).toBe(6000);
  });

  it('charges exactly the minimum where 0.08 % reaches it', () => {
    expect(commissionFor(IBKR_ASX_FIXED, dollars(7500))).toBe(6000);
  });

  it('charges 0.08 % above the minimum, rounded half up to the cent', () => {
    expect(commissionFor(IBKR_ASX_FIXED, dollars(10_000))).toBe(8000);
    expect(commissionFor(IBKR_ASX_FIXED, money(12_345_678))).toBe(9880);
    expect(commissionFor(IBKR_ASX_FIXED, money(10_006_250))).toBe(8010);
  });
});

describe('tiered commission', () => {
  it('uses the first tier and adds exchange and clearing fees', () => {
    expect(commissionFor(TIERED, dollars(100_000), dollars(0))).toBe(88_000);
  });

  it('moves to the next tier once the month-to-date value reaches a boundary', () => {
    expect(commissionFor(TIERED, dollars(100_000), money(dollars(15_000_000) - 1))).toBe(88_000);
    expect(commissionFor(TIERED, dollars(100_000), dollars(15_000_000))).toBe(58_000);
    expect(commissionFor(TIERED, dollars(100_000), dollars(80_000_000))).toBe(28_000);
  });

  it('still applies the minimum', () => {
    expect(commissionFor(TIERED, dollars(1000), dollars(80_000_000))).toBe(6000);
  });
});
