/**
 * A seeded random number generator, so that a bootstrap interval printed in a paper can be
 * recomputed exactly from the data and the seed (SPEC REL13). Mulberry32: 32-bit state, period
 * 2³², statistically good enough for resampling and identical in every JavaScript engine.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The p-quantile of ascending values, interpolating linearly between order statistics (R's type 7). */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo])
}
