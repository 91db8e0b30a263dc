/**
 * Krippendorff's alpha in the coincidence-matrix formulation of Krippendorff (2011), "Computing
 * Krippendorff's Alpha-Reliability", for any number of coders, missing data, and the nominal,
 * ordinal, interval and ratio metrics (SPEC REL11–REL13):
 *
 *   o_ck = Σ_u (number of c–k pairs of values in u) / (m_u − 1)     over pairable units (m_u ≥ 2)
 *   n_c  = Σ_k o_ck,  n = Σ_c n_c
 *   α    = 1 − (n − 1) Σ o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
 *
 * The coincidence matrix itself is never built: Σ o_ck δ²_ck is summed unit by unit over its
 * pairs, which costs O(values) rather than O(q²) memory when q (distinct values) is large.
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

/** Pairable units as a compact list: unit u holds the category indices values[offsets[u]…offsets[u+1]). */
interface Pairable {
  count: number
  offsets: Int32Array
  values: Int32Array
}

export function krippendorffAlphaOf(table: RatingTable, level: Level, options: AlphaOptions = {}): KrippendorffAlpha {
  if (level !== 'nominal' && !table.ordered) throw badInput(`the ${level} level needs numeric ratings (or an ordered list of categories for ordinal)`, [{ path: 'level', message: level }])
  if ((level === 'interval' || level === 'ratio') && !table.categories.every((c) => typeof c === 'number'))
    throw badInput(`the ${level} level needs numeric ratings`, [{ path: 'level', message: level }])
  if (table.coders < 2) return { value: null, reason: 'needs at least 2 coders' }
  const pairable = collectPairable(table)
  if (pairable.count === 0) return { value: null, reason: 'undefined: no unit has values from two or more coders (nothing is pairable)' }
  const scale = table.categories.map(Number)
  const point = alphaOfUnits(level, scale, pairable, null)
  if (point.expected <= 0)
    return { value: null, reason: 'undefined: every pairable value is the same, so there is no variation to be reliable about (D_e = 0)' }
  const replicates = Math.max(0, Math.floor(options.bootstrap ?? 0))
  return {
    value: point.alpha,
    level,
    observed: point.observed,
    expected: point.expected,
    values: point.n,
    units: pairable.count,
    bootstrap: replicates > 0 ? bootstrapUnits(level, scale, pairable, replicates, options.seed ?? defaultSeed) : null,
  }
}

function collectPairable(table: RatingTable): Pairable {
  let count = 0
  let total = 0
  for (let u = 0; u < table.units; u++)
    if (table.raters[u] >= 2) {
      count++
      total += table.raters[u]
    }
  const offsets = new Int32Array(count + 1)
  const values = new Int32Array(total)
  let k = 0
  let at = 0
  for (let u = 0; u < table.units; u++) {
    if (table.raters[u] < 2) continue
    for (let i = u * table.coders; i < (u + 1) * table.coders; i++) if (table.cells[i] >= 0) values[at++] = table.cells[i]
    offsets[++k] = at
  }
  return { count, offsets, values }
}

/** Σ_{i≠j} δ²(v_i, v_j) / (m_u − 1): the unit's share of Σ o_ck δ²_ck. */
function unitDisagreement(p: Pairable, u: number, level: Level, delta: (a: number, b: number) => number): number {
  const from = p.offsets[u]
  const to = p.offsets[u + 1]
  let s = 0
  // Nominal is the common case (presence of a code) and needs no call per pair.
  if (level === 'nominal') for (let i = from; i < to; i++) for (let j = i + 1; j < to; j++) s += p.values[i] === p.values[j] ? 0 : 1
  else for (let i = from; i < to; i++) for (let j = i + 1; j < to; j++) s += delta(p.values[i], p.values[j])
  return (2 * s) / (to - from - 1)
}

/**
 * α over all pairable units (`draw` null) or over a resample of them (`draw` lists unit indices,
 * repeats allowed). `fixed` holds each unit's disagreement when δ does not depend on the data
 * (every level but ordinal), so that a resample only adds them up.
 */
function alphaOfUnits(level: Level, scale: number[], p: Pairable, draw: Int32Array | null, fixed?: Float64Array) {
  const counts = new Float64Array(scale.length)
  const size = draw ? draw.length : p.count
  let n = 0
  let observedSum = 0 // Σ o_ck δ²_ck
  for (let d = 0; d < size; d++) {
    const u = draw ? draw[d] : d
    for (let i = p.offsets[u]; i < p.offsets[u + 1]; i++) counts[p.values[i]]++
    n += p.offsets[u + 1] - p.offsets[u]
    if (fixed) observedSum += fixed[u]
  }
  const delta = metric(level, scale, counts)
  if (!fixed) for (let d = 0; d < size; d++) observedSum += unitDisagreement(p, draw ? draw[d] : d, level, delta)
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
function bootstrapUnits(level: Level, scale: number[], p: Pairable, replicates: number, seed: number): AlphaBootstrap {
  const random = createRandom(seed)
  let fixed: Float64Array | undefined
  if (level !== 'ordinal') {
    const delta = metric(level, scale, new Float64Array(scale.length))
    fixed = new Float64Array(p.count)
    for (let u = 0; u < p.count; u++) fixed[u] = unitDisagreement(p, u, level, delta)
  }
  const draw = new Int32Array(p.count)
  const alphas: number[] = []
  for (let r = 0; r < replicates; r++) {
    for (let i = 0; i < p.count; i++) draw[i] = Math.floor(random() * p.count)
    const result = alphaOfUnits(level, scale, p, draw, fixed)
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
