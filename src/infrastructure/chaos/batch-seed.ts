/**
 * fast-check's seed for one batch of a campaign: a hash of the campaign's seed, the worker and the batch, so
 * that campaigns started with neighbouring seeds (today's date, say) draw different runs rather than sharing
 * all but one batch. Always a non-negative 31-bit integer, as fast-check's seed.
 */
export function batchSeed(campaignSeed: number, worker: number, batch: number): number {
  let hash = mix(Math.trunc(campaignSeed) ^ 0x9e3779b9);
  hash = mix(hash ^ worker);
  hash = mix(hash ^ batch);
  return hash & 0x7fffffff;
}

/** MurmurHash3's finaliser: every input bit flips about half of the output bits. */
function mix(value: number): number {
  let x = value;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
