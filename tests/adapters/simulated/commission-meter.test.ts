import { describe, expect, it } from 'vitest';
import { CommissionMeter, type MeteredOrder } from '../../../src/adapters/simulated/commission-meter.js';
import { IBKR_ASX_FIXED, type TieredCommission } from '../../../src/domain/costs/commission.js';
import { dollars, money } from '../../../src/domain/values/money.js';

const fresh = (): MeteredOrder => ({ dayValue: 0, dayCommission: 0 });
/** 11:00 Sydney on 30 January and on 3 February 2025. */
const JANUARY = Date.UTC(2025, 0, 30, 0, 0);
const FEBRUARY = Date.UTC(2025, 1, 3, 0, 0);

const tiered: TieredCommission = {
  kind: 'tiered',
  tiers: [
    { upToMonthlyValue: dollars(10_000), rateBps: 10 },
    { upToMonthlyValue: null, rateBps: 5 },
  ],
  minimum: money(0),
  exchangeFeeBps: 0,
  clearingFeeBps: 0,
};

function fill(meter: CommissionMeter, order: MeteredOrder, value: number, at: number) {
  const commission = meter.quote(order, value, at);
  meter.charge(order, value, commission, at);
  return commission;
}

describe('commission meter', () => {
  it('bills the fills of one order as one order', () => {
    const meter = new CommissionMeter(IBKR_ASX_FIXED);
    const order = fresh();
    const charges = [dollars(2_500), dollars(2_500), dollars(5_000)].map((v) => fill(meter, order, v, JANUARY));

    expect(charges).toEqual([dollars(6), money(0), dollars(2)]);
    expect(order).toEqual({ dayValue: dollars(10_000), dayCommission: dollars(8) });
  });

  it('quotes without charging', () => {
    const meter = new CommissionMeter(IBKR_ASX_FIXED);
    const order = fresh();
    expect(meter.quote(order, dollars(20_000), JANUARY)).toBe(dollars(16));
    expect(order).toEqual(fresh());
  });

  it('moves to the cheaper tier once the month has traded past it, and starts again next month', () => {
    const meter = new CommissionMeter(tiered);

    expect(fill(meter, fresh(), dollars(10_000), JANUARY)).toBe(dollars(10));
    expect(fill(meter, fresh(), dollars(10_000), JANUARY)).toBe(dollars(5));
    expect(fill(meter, fresh(), dollars(10_000), FEBRUARY)).toBe(dollars(10));
  });

  it('reads the month in Sydney time', () => {
    const meter = new CommissionMeter(tiered);
    fill(meter, fresh(), dollars(10_000), Date.UTC(2025, 0, 31, 12, 0));
    // 31 January 14:00 UTC is already 1 February in Sydney
    expect(fill(meter, fresh(), dollars(10_000), Date.UTC(2025, 0, 31, 14, 0))).toBe(dollars(10));
  });
});
