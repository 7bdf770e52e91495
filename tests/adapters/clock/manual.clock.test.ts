import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/adapters/clock/manual.clock.js';

const START = Date.UTC(2026, 2, 2, 23, 0, 0); // 10:00 in Sydney (AEDT)

/** Lets resolved promises run their continuations. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function track(promise: Promise<void>): { done: () => boolean } {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  return { done: () => done };
}

describe('ManualClock', () => {
  it('reads the instant it was given until moved', () => {
    const clock = new ManualClock(START);
    expect(clock.now()).toBe(START);
    clock.advanceBy(1_500);
    expect(clock.now()).toBe(START + 1_500);
    clock.set(START + 60_000);
    expect(clock.now()).toBe(START + 60_000);
  });

  it('never runs backwards and only moves by whole milliseconds', () => {
    const clock = new ManualClock(START);
    expect(() => {
      clock.set(START - 1);
    }).toThrow(RangeError);
    expect(() => {
      clock.advanceBy(-5);
    }).toThrow(RangeError);
    expect(() => {
      clock.advanceBy(0.5);
    }).toThrow(RangeError);
    expect(() => new ManualClock(Number.NaN)).toThrow(RangeError);
    clock.set(START);
    expect(clock.now()).toBe(START);
  });

  it('resolves a sleep for an instant already reached at once', async () => {
    const clock = new ManualClock(START);
    const sleep = track(clock.sleepUntil(START));
    const past = track(clock.sleepUntil(START - 1_000));
    await settle();
    expect(sleep.done()).toBe(true);
    expect(past.done()).toBe(true);
  });

  it('wakes a sleeper only once the clock reaches its instant', async () => {
    const clock = new ManualClock(START);
    const sleep = track(clock.sleepUntil(START + 5_000));
    clock.advanceBy(4_999);
    await settle();
    expect(sleep.done()).toBe(false);
    clock.advanceBy(1);
    await settle();
    expect(sleep.done()).toBe(true);
  });

  it('wakes every due sleeper, earliest first, and keeps the later ones waiting', async () => {
    const clock = new ManualClock(START);
    const woken: string[] = [];
    const late = clock.sleepUntil(START + 3_000).then(() => woken.push('late'));
    void clock.sleepUntil(START + 2_000).then(() => woken.push('middle'));
    void clock.sleepUntil(START + 1_000).then(() => woken.push('early'));
    void clock.sleepUntil(START + 10_000).then(() => woken.push('tomorrow'));
    clock.set(START + 3_000);
    await late;
    expect(woken).toEqual(['early', 'middle', 'late']);
    expect(clock.nextWakeUp()).toBe(START + 10_000);
  });

  it('tells a backtest when the next sleeper is due', () => {
    const clock = new ManualClock(START);
    expect(clock.nextWakeUp()).toBeUndefined();
    void clock.sleepUntil(START + 7_000);
    void clock.sleepUntil(START + 2_000);
    expect(clock.nextWakeUp()).toBe(START + 2_000);
  });

  it('lets a sleeper that wakes schedule the next sleep from the new time', async () => {
    const clock = new ManualClock(START);
    const ticks: number[] = [];
    const loop = (async () => {
      for (let i = 1; i <= 3; i++) {
        await clock.sleepUntil(START + i * 60_000);
        ticks.push(clock.now());
      }
    })();
    for (let i = 0; i < 3; i++) {
      await settle();
      const next = clock.nextWakeUp();
      if (next !== undefined) clock.set(next);
    }
    await loop;
    expect(ticks).toEqual([START + 60_000, START + 120_000, START + 180_000]);
  });
});
