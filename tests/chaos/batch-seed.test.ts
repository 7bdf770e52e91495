import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchSeed } from '../../src/infrastructure/chaos/batch-seed.js';

describe('batchSeed', () => {
  it('gives campaigns with neighbouring seeds no batch seed in common', () => {
    const seeds = new Set<number>();
    for (let campaign = 20_261_200; campaign < 20_261_240; campaign++) {
      for (let worker = 0; worker < 2; worker++) {
        for (let batch = 0; batch < 30; batch++) seeds.add(batchSeed(campaign, worker, batch));
      }
    }
    expect(seeds.size).toBe(40 * 2 * 30);
  });

  it('is the same for the same campaign, worker and batch, and always a non-negative 31-bit integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(16), fc.nat(1000), (campaign, worker, batch) => {
        const seed = batchSeed(campaign, worker, batch);
        expect(seed).toBe(batchSeed(campaign, worker, batch));
        expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31).toBe(true);
      }),
    );
  });
});
