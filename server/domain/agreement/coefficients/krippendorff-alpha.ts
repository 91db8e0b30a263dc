/**
 * Krippendorff's alpha in the coincidence-matrix formulation of Krippendorff (2011), "Computing
 * Krippendorff's Alpha-Reliability", for any number of coders, missing data, and the nominal,
 * ordinal, interval and ratio metrics (SPEC REL11–REL13):
 *
 *   o_ck = Σ_u (number of c–k pairs of values in u) / (m_u − 1)     over pairable units (m_u ≥ 2)
 *   n_c  = Σ_k o_ck,  n = Σ_c n_c
 *   α    = 1 − (n − 1) Σ o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
 *
 * The coincidence matrix itself is never built: Σ o_ck δ²_ck is summed over the units' value
 * pairs, grouped by pattern (below), which needs no q × q memory when q (distinct values) is large.
 */
import { badInput } from '../../../errors'
import { createRandom, quantileOfSorted } from './random'
import type { RatingTable } from './table'
import type { Estimate, Level } from './types'

export interface AlphaOptions {
  /** Bootstrap replicates for a 95% interval (0 = none). */
  bootstrap?: number
  /** Seed of the resampling; the same data, replicates and seed give the same interval. */
  seed?: number
}

export interface AlphaBootstrap {
  method: 'units'
  replicates: number
  seed: number
  /** 95% percentile interval; null when no replicate had α defined. */
  ci: [number, number] | null
  /** Standard deviation of the replicates. */
  se: number
  /** Replicates in which α was undefined (a resample with a single value), left out. */
  undefinedReplicates: number
}

export type KrippendorffAlpha = Estimate<{
  level: Level
  /** D_o and D_e: α = 1 − D_o / D_e. */
  observed: number
  expected: number
  /** Pairable values (n) and units (those with at least two values). */
  values: number
  units: number
  bootstrap: AlphaBootstrap | null
}>

export const defaultSeed = 1

/**
 * Pairable units grouped by their multiset of values: a unit's part in α depends on nothing else,
 * and a study's units repeat few patterns (4 coders marking a code present or absent make 5), so
 * α and each bootstrap resample cost O(patterns) once the units are tallied.
 */
interface Patterns {
  /** Distinct patterns; pattern k holds the category indices values[offsets[k]…offsets[k+1]). */
  count: number
  offsets: Int32Array
  values: Int32Array
  /** How many pairable units show each pattern. */
  weights: Float64Array
  /** The pattern of each pairable unit, in table order (what the bootstrap draws from). */
  patternOf: Int32Array
}

export function krippendorffAlphaOf(table: RatingTable, level: Level, options: AlphaOptions = {}): KrippendorffAlpha {
  if (level !== 'nominal' && !table.ordered) throw badInput(`the ${level} level needs numeric ratings (or an ordered list of categories for ordinal)`, [{ path: 'level', message: level }])
  if ((level === 'interval' || level === 'ratio') && !table.categories.every((c) => typeof c === 'number'))
    throw badInput(`the ${level} level needs numeric ratings`, [{ path: 'level', message: level }])
  if (table.coders < 2) return { value: null, reason: 'needs at least 2 coders' }
  const patterns = collectPatterns(table)
  if (patterns.patternOf.length === 0) return { value: null, reason: 'undefined: no unit has values from two or more coders (nothing is pairable)' }
  const scale = table.categories.map(Number)
  const point = alphaOfPatterns(level, scale, patterns, patterns.weights)
  if (point.expected <= 0)
    return { value: null, reason: 'undefined: every pairable value is the same, so there is no variation to be reliable about (D_e = 0)' }
  const replicates = Math.max(0, Math.floor(options.bootstrap ?? 0))
  return {
    value: point.alpha,
    level,
    observed: point.observed,
    expected: point.expected,
    values: point.n,
    units: patterns.patternOf.length,
    bootstrap: replicates > 0 ? bootstrapUnits(level, scale, patterns, replicates, options.seed ?? defaultSeed) : null,
  }
}

function collectPatterns(table: RatingTable): Patterns {
  const { coders, cells, raters } = table
  const q = table.categories.length
  // A unit's multiset of values as a number: Σ_k count_k · B^k with B = coders + 1 > any count,
  // exact while B^q stays within 2^53; beyond that (many distinct values) a text key.
  const numeric = q * Math.log2(coders + 1) <= 52
  const power = Float64Array.from({ length: numeric ? q : 0 }, (_, k) => (coders + 1) ** k)
  const ids = new Map<number | string, number>()
  const offsets = [0]
  const values: number[] = []
  const weights: number[] = []
  const patternOf: number[] = []
  const unit: number[] = []
  for (let u = 0; u < table.units; u++) {
    if (raters[u] < 2) continue
    let key: number | string = 0
    if (numeric) for (let i = u * coders; i < (u + 1) * coders; i++) if (cells[i] >= 0) key += power[cells[i]]
    if (!numeric) {
      unit.length = 0
      for (let i = u * coders; i < (u + 1) * coders; i++) if (cells[i] >= 0) unit.push(cells[i])
      key = unit.sort((a, b) => a - b).join(',')
    }
    let id = ids.get(key)
    if (id === undefined) {
      ids.set(key, (id = weights.length))
      weights.push(0)
      for (let i = u * coders; i < (u + 1) * coders; i++) if (cells[i] >= 0) values.push(cells[i])
      offsets.push(values.length)
    }
    weights[id]++
    patternOf.push(id)
  }
  return { count: weights.length, offsets: Int32Array.from(offsets), values: Int32Array.from(values), weights: Float64Array.from(weights), patternOf: Int32Array.from(patternOf) }
}

/** Σ_{i≠j} δ²(v_i, v_j) / (m_u − 1) of one pattern: a unit's share of Σ o_ck δ²_ck. */
function patternDisagreement(p: Patterns, k: number, delta: (a: number, b: number) => number): number {
  const from = p.offsets[k]
  const to = p.offsets[k + 1]
  let s = 0
  for (let i = from; i < to; i++) for (let j = i + 1; j < to; j++) s += delta(p.values[i], p.values[j])
  return (2 * s) / (to - from - 1)
}

/**
 * α of the units whose patterns occur `weights` times: the data themselves, or a bootstrap
 * resample. `fixed` holds each pattern's disagreement when δ does not depend on the data (every
 * level but ordinal), so that a resample only weighs them.
 */
function alphaOfPatterns(level: Level, scale: number[], p: Patterns, weights: Float64Array, fixed?: Float64Array) {
  const counts = new Float64Array(scale.length)
  let n = 0
  for (let k = 0; k < p.count; k++) {
    const w = weights[k]
    if (w === 0) continue
    for (let i = p.offsets[k]; i < p.offsets[k + 1]; i++) counts[p.values[i]] += w
    n += w * (p.offsets[k + 1] - p.offsets[k])
  }
  // A single value means no variation: say so exactly rather than trust a rounding residue in D_e.
  if (counts.filter((c) => c > 0).length < 2) return { alpha: NaN, observed: 0, expected: 0, n }
  const delta = metric(level, scale, counts)
  let observedSum = 0 // Σ o_ck δ²_ck
  for (let k = 0; k < p.count; k++) if (weights[k] > 0) observedSum += weights[k] * (fixed ? fixed[k] : patternDisagreement(p, k, delta))
  const expectedSum = expectedDisagreementSum(level, scale, counts, n, delta) // Σ n_c n_k δ²_ck
  const observed = observedSum / n
  const expected = expectedSum / (n * (n - 1))
  return { alpha: 1 - observed / expected, observed, expected, n }
}

/** δ²(c, k) on category indices; ordinal distances depend on the value frequencies n_g. */
function metric(level: Level, scale: number[], counts: Float64Array): (a: number, b: number) => number {
  switch (level) {
    case 'nominal':
      return (a, b) => (a === b ? 0 : 1)
    case 'interval':
      return (a, b) => (scale[a] - scale[b]) ** 2
    case 'ratio':
      return (a, b) => {
        const sum = scale[a] + scale[b]
        return sum === 0 ? 0 : ((scale[a] - scale[b]) / sum) ** 2
      }
    case 'ordinal': {
      // δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², with below[k] = Σ_{g<k} n_g.
      const below = new Float64Array(counts.length + 1)
      for (let g = 0; g < counts.length; g++) below[g + 1] = below[g] + counts[g]
      return (a, b) => {
        if (a === b) return 0
        const lo = Math.min(a, b)
        const hi = Math.max(a, b)
        return (below[hi + 1] - below[lo] - (counts[lo] + counts[hi]) / 2) ** 2
      }
    }
  }
}

function expectedDisagreementSum(level: Level, scale: number[], counts: Float64Array, n: number, delta: (a: number, b: number) => number): number {
  if (level === 'nominal') return n * n - counts.reduce((s, c) => s + c * c, 0)
  if (level === 'interval') {
    // Σ_c Σ_k n_c n_k (v_c − v_k)² = 2 (n Σ n_c d_c² − (Σ n_c d_c)²), with d = v − mean for accuracy.
    const mean = counts.reduce((s, c, k) => s + c * scale[k], 0) / n
    let s1 = 0
    let s2 = 0
    counts.forEach((c, k) => {
      const d = scale[k] - mean
      s1 += c * d
      s2 += c * d * d
    })
    return 2 * (n * s2 - s1 * s1)
  }
  let sum = 0
  for (let a = 0; a < counts.length; a++) {
    if (counts[a] === 0) continue
    for (let b = a + 1; b < counts.length; b++) if (counts[b] > 0) sum += 2 * counts[a] * counts[b] * delta(a, b)
  }
  return sum
}

/**
 * Unit bootstrap (SPEC REL13): draw as many pairable units as there are, with replacement,
 * recompute α on the resample (its own n_c and, for ordinal, its own distances), repeat; the
 * interval is the 2.5th and 97.5th percentiles. This is the resampling of units that Zapf et al.
 * (2016, BMC Med Res Methodol 16:93) recommend, not Hayes & Krippendorff's (2007) resampling of
 * pairable values with D_e held fixed.
 */
function bootstrapUnits(level: Level, scale: number[], p: Patterns, replicates: number, seed: number): AlphaBootstrap {
  const random = createRandom(seed)
  let fixed: Float64Array | undefined
  if (level !== 'ordinal') {
    const delta = metric(level, scale, new Float64Array(scale.length))
    fixed = new Float64Array(p.count)
    for (let k = 0; k < p.count; k++) fixed[k] = patternDisagreement(p, k, delta)
  }
  const units = p.patternOf.length
  const tally = new Float64Array(p.count)
  const alphas: number[] = []
  for (let r = 0; r < replicates; r++) {
    tally.fill(0)
    for (let i = 0; i < units; i++) tally[p.patternOf[Math.floor(random() * units)]]++
    const result = alphaOfPatterns(level, scale, p, tally, fixed)
    if (result.expected > 0) alphas.push(result.alpha)
  }
  const sorted = Float64Array.from(alphas).sort()
  const mean = alphas.reduce((s, a) => s + a, 0) / alphas.length
  const se = Math.sqrt(alphas.reduce((s, a) => s + (a - mean) ** 2, 0) / Math.max(1, alphas.length - 1))
  return {
    method: 'units',
    replicates,
    seed,
    ci: sorted.length ? [quantileOfSorted(sorted, 0.025), quantileOfSorted(sorted, 0.975)] : null,
    se,
    undefinedReplicates: replicates - alphas.length,
  }
}
