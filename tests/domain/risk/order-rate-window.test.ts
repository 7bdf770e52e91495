import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { OrderRateWindow } from '../../../src/domain/risk/order-rate-window.js';

const T = 1_750_000_000_000;
const sendsAt = (...offsets: number[]): OrderRateWindow =>
  offsets.reduce((window, offset) => window.record(T + offset), OrderRateWindow.empty());

describe('OrderRateWindow', () => {
  it('counts sends in the last minute, the send instant included', () => {
    const window = sendsAt(0, 10_000, 59_999);
    expect(window.countAt(T + 59_999)).toBe(3);
    expect(window.countAt(T + 60_000)).toBe(2);
    expect(window.countAt(T + 69_999)).toBe(2);
    expect(window.countAt(T + 70_000)).toBe(1);
    expect(window.countAt(T + 119_998)).toBe(1);
    expect(window.countAt(T + 119_999)).toBe(0);
  });

  it('does not count a send after the instant asked about', () => {
    expect(sendsAt(0, 5000).countAt(T + 4999)).toBe(1);
  });

  it('allows sends until the limit is reached and again once the oldest expires', () => {
    const ten = sendsAt(...Array.from({ length: 10 }, (_, i) => i * 1000));
    expect(sendsAt(...Array.from({ length: 9 }, (_, i) => i * 1000)).allows(T + 9000, 10)).toBe(true);
    expect(ten.allows(T + 9000, 10)).toBe(false);
    expect(ten.allows(T + 59_999, 10)).toBe(false);
    expect(ten.allows(T + 60_000, 10)).toBe(true);
    expect(ten.nextAllowedAt(T + 9000, 10)).toBe(T + 60_000);
    expect(ten.nextAllowedAt(T + 9000, 9)).toBe(T + 61_000);
    expect(ten.nextAllowedAt(T + 70_000, 10)).toBe(T + 70_000);
  });

  it('is immutable and keeps sends recorded out of order', () => {
    const empty = OrderRateWindow.empty();
    const one = empty.record(T + 5000);
    const two = one.record(T + 1000);
    expect(empty.countAt(T + 5000)).toBe(0);
    expect(one.countAt(T + 5000)).toBe(1);
    expect(two.countAt(T + 5000)).toBe(2);
  });

  it('supports another window length and refuses a silly one', () => {
    expect(
      OrderRateWindow.empty(1000)
        .record(T)
        .countAt(T + 1000),
    ).toBe(0);
    expect(() => OrderRateWindow.empty(0)).toThrow(InvalidValue);
  });
});
