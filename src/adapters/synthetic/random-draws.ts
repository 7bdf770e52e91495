import { SeededRandom } from '../simulated/seeded-random.js';

/**
 * Random numbers of the shapes a price path needs, from the simulated exchange's seeded PRNG. Each stream is
 * keyed by what it generates (`streamFor(seed, 'day', 'BHP', '2025-07-14')`), so one stock-day's numbers do
 * not depend on how many numbers any other stock-day used: days can be generated in any order, alone.
 */
export class RandomDraws {
  /** The second value of the last Box-Muller pair, when it has not been used yet. */
  private spare = 0;
  private hasSpare = false;

  constructor(private readonly random: SeededRandom) {}

  /** A number in [0, 1). */
  next(): number {
    return this.random.next();
  }

  chance(p: number): boolean {
    return this.random.chance(p);
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.random.next();
  }

  /** A standard normal draw (Box-Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u = 1 - this.random.next();
    const v = this.random.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return radius * Math.cos(2 * Math.PI * v);
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.random.next());
  }

  /** exp(N(0, sigma)): a multiplier around 1 that is never negative. */
  logNormal(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }

  pick<T>(items: readonly [T, ...T[]]): T {
    return items[Math.floor(this.random.next() * items.length)] ?? items[0];
  }
}

/** A fresh stream for one purpose, e.g. `streamFor(seed, 'minutes', symbol, date)`. */
export function streamFor(seed: number, ...parts: readonly (string | number)[]): RandomDraws {
  return new RandomDraws(new SeededRandom(fnv1a([seed, ...parts].join('|'))));
}

/** FNV-1a over the UTF-16 code units of `text`: a stable 32-bit seed from a key. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
