import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/adapters/simulated/seeded-random.js';

const draw = (random: SeededRandom, n: number): number[] => Array.from({ length: n }, () => random.next());

describe('seeded random numbers', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(new SeededRandom(7), 20)).toEqual(draw(new SeededRandom(7), 20));
  });

  it('gives another sequence for another seed', () => {
    expect(draw(new SeededRandom(7), 5)).not.toEqual(draw(new SeededRandom(8), 5));
  });

  it('stays in [0, 1) and spreads over it', () => {
    const values = draw(new SeededRandom(123), 10_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('hits a chance about as often as asked', () => {
    const random = new SeededRandom(99);
    const hits = Array.from({ length: 10_000 }, () => random.chance(0.25)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(2_300);
    expect(hits).toBeLessThan(2_700);
  });
});
