/**
 * Every coefficient of a presence table (complete 0/1 data) from its pattern counts (AGR13).
 *
 * Each statistic of the coefficients module — percent agreement, Cohen's and Fleiss' kappa with
 * their standard errors, Scott's pi, Brennan–Prediger, Gwet's AC1, alpha — is a sum over units
 * of a term that depends only on the unit's ratings. With m coders and two categories a unit is
 * one of at most 2^m patterns, so each sum is Σ_pattern count × term: the same formulas as
 * `cohen-kappa.ts` and `multi-rater.ts` (Cohen 1960; Fleiss, Cohen & Everitt 1969; Fleiss 1971;
 * Fleiss, Nee & Landis 1979; Brennan & Prediger 1981; Gwet 2008, 2014), evaluated once per
 * pattern instead of once per unit. A study-sized report scores some 400 tables of 25,000 units
 * (and 7 of 1.5 million): this is what keeps it under a second. The property test beside this file
 * holds it equal to the coefficients module on random tables, reasons included.
 */
import type { CoefficientSet } from '../coefficients/compute-coefficients'
import type { KrippendorffAlpha } from '../coefficients/krippendorff-alpha'
import { singleCategoryReason, type RatingTable } from '../coefficients/table'
import type { PresenceTable } from './presence-tables'

/** Coders up to this many are grouped by pattern (2^m patterns at most); more go to the general path. */
export const maxPatternCoders = 16

/**
 * A presence table as pattern counts: `masks[i]` (bit r set when coder r coded the unit) occurs
 * `weights[i]` times, patterns in order of first appearance; `first` is the first unit's first
 * rating, which fixes the category order the coefficients module would use.
 */
export interface PatternCounts {
  coders: number
  units: number
  first: number
  masks: number[]
  weights: number[]
}

// One reusable slot per possible mask: counting a table allocates nothing per unit.
const slots = new Int32Array(1 << maxPatternCoders).fill(-1)

export function countPresencePatterns(t: PresenceTable): PatternCounts {
  if (t.coders > maxPatternCoders) throw new Error(`pattern counts take at most ${maxPatternCoders} coders`)
  const m = t.coders
  const masks: number[] = []
  const weights: number[] = []
  for (let u = 0, at = 0; u < t.units; u++) {
    let mask = 0
    for (let r = 0; r < m; r++, at++) mask |= t.cells[at] << r
    let i = slots[mask]
    if (i < 0) {
      i = slots[mask] = masks.length
      masks.push(mask)
      weights.push(0)
    }
    weights[i]++
  }
  for (const mask of masks) slots[mask] = -1
  return { coders: m, units: t.units, first: t.units ? t.cells[0] : 0, masks, weights }
}

/** The counts of the table made of coders `a` and `b` only (the same units, in the same order). */
export function pairPatterns(c: PatternCounts, a: number, b: number): PatternCounts {
  const index = new Map<number, number>()
  const masks: number[] = []
  const weights: number[] = []
  c.masks.forEach((mask, i) => {
    const pair = ((mask >> a) & 1) | (((mask >> b) & 1) << 1)
    let k = index.get(pair)
    if (k === undefined) {
      index.set(pair, (k = masks.length))
      masks.push(pair)
      weights.push(0)
    }
    weights[k] += c.weights[i]
  })
  return { coders: 2, units: c.units, first: c.units ? (c.masks[0] >> a) & 1 : 0, masks, weights }
}

/** The counts of the tables laid one after the other (the pooled overall table, AGR6). */
export function poolPatterns(list: readonly PatternCounts[], coders: number): PatternCounts {
  const index = new Map<number, number>()
  const masks: number[] = []
  const weights: number[] = []
  let units = 0
  for (const c of list) {
    units += c.units
    c.masks.forEach((mask, i) => {
      let k = index.get(mask)
      if (k === undefined) {
        index.set(mask, (k = masks.length))
        masks.push(mask)
        weights.push(0)
      }
      weights[k] += c.weights[i]
    })
  }
  const firstTable = list.find((c) => c.units > 0)
  return { coders, units, first: firstTable?.first ?? 0, masks, weights }
}

interface Pattern {
  /** Ratings of category index 1 (the value that differs from the table's first rating). */
  k: number
  /** The two coders' category indices (Cohen's table), when m = 2. */
  a: number
  b: number
  weight: number
}

const popcount = (x: number) => {
  let n = 0
  for (; x; x &= x - 1) n++
  return n
}

export function presenceCoefficients(t: PresenceTable): CoefficientSet {
  return coefficientsOfPatterns(countPresencePatterns(t))
}

/** Every coefficient from the pattern counts (units > 0). */
export function coefficientsOfPatterns(c: PatternCounts): CoefficientSet {
  const m = c.coders
  const n = c.units
  const first = c.first
  // Category index 1 is the value other than the first rating: flip the bits when the first is 1.
  const patterns: Pattern[] = c.masks.map((raw, i) => {
    const mask = first === 1 ? ~raw & ((1 << m) - 1) : raw
    return { k: popcount(mask), a: mask & 1, b: (mask >> 1) & 1, weight: c.weights[i] }
  })
  const q = patterns.some((p) => p.k > 0) ? 2 : 1
  const categories = q === 2 ? [String(first), String(1 - first)] : [String(first)]
  // singleCategoryReason reads only the first cell's category.
  const single = singleCategoryReason({ used: q, categories, cells: Int32Array.of(0) } as unknown as RatingTable)

  // Percent agreement and the category shares (multi-rater.ts, measureAgreementOnce).
  let paSum = 0
  let unanimous = 0
  let share1 = 0
  for (const p of patterns) {
    const agreeing = p.k * (p.k - 1) + (m - p.k) * (m - p.k - 1)
    paSum += p.weight * (agreeing / (m * (m - 1)))
    if (agreeing === m * (m - 1)) unanimous += p.weight
    share1 += p.weight * (p.k / m)
  }
  const pa = paSum / n
  const pi = q === 2 ? [1 - share1 / n, share1 / n] : [1]
  const paUnit = (p: Pattern) => (p.k * (p.k - 1) + (m - p.k) * (m - p.k - 1)) / (m * (m - 1))
  const meanPi = (p: Pattern) => (q === 2 ? ((m - p.k) * pi[0] + p.k * pi[1]) / m : pi[0])

  /** Gwet's (2014) standard error, over patterns (multi-rater.ts, gwetStandardError). */
  const gwetSe = (pe: number, value: number, peUnit: ((p: Pattern) => number) | null) => {
    if (n < 2) return null
    let sum = 0
    for (const p of patterns) {
      const kappaU = (paUnit(p) - pe) / (1 - pe)
      const star = peUnit ? kappaU - (2 * (1 - value) * (peUnit(p) - pe)) / (1 - pe) : kappaU
      sum += p.weight * (star - value) ** 2
    }
    return Math.sqrt(sum / (n * (n - 1)))
  }

  const percentAgreement: CoefficientSet['percentAgreement'] = { value: pa, units: n, unanimous: unanimous / n }

  let fleissKappa: CoefficientSet['fleissKappa']
  let fleissPe = 0
  let fleissValue = 0
  if (q < 2) fleissKappa = { value: null, reason: single }
  else {
    fleissPe = pi[0] * pi[0] + pi[1] * pi[1]
    fleissValue = (pa - fleissPe) / (1 - fleissPe)
    const pq = pi[0] * (1 - pi[0]) + pi[1] * (1 - pi[1])
    const pqqp = pi[0] * (1 - pi[0]) * (1 - 2 * pi[0]) + pi[1] * (1 - pi[1]) * (1 - 2 * pi[1])
    const seH0 = Math.sqrt((2 * (pq * pq - pqqp)) / (n * m * (m - 1) * pq * pq))
    fleissKappa = { value: fleissValue, pa, pe: fleissPe, units: n, se: gwetSe(fleissPe, fleissValue, meanPi), seH0 }
  }

  const brennanPrediger: CoefficientSet['brennanPrediger'] =
    q < 2
      ? { value: null, reason: `undefined: with q = ${q} category chance agreement 1/q is 1` }
      : (() => {
          const pe = 1 / q
          const value = (pa - pe) / (1 - pe)
          return { value, pa, pe, units: n, q, se: gwetSe(pe, value, null) }
        })()

  const gwetAC1: CoefficientSet['gwetAC1'] =
    q < 2
      ? { value: null, reason: single }
      : (() => {
          const pe = (pi[0] * (1 - pi[0]) + pi[1] * (1 - pi[1])) / (q - 1)
          const value = (pa - pe) / (1 - pe)
          return { value, pa, pe, units: n, q, se: gwetSe(pe, value, (p) => (1 - meanPi(p)) / (q - 1)) }
        })()

  return {
    units: n,
    coders: m,
    level: 'nominal',
    krippendorffAlpha: alphaOfPatterns(patterns, m, n),
    fleissKappa: m === 2 ? { value: null, reason: 'needs 3 or more coders (with 2 coders it equals scottPi)' } : fleissKappa,
    cohenKappa: m !== 2 ? { value: null, reason: `needs exactly 2 coders (found ${m})` } : q < 2 ? { value: null, reason: single } : cohenOfPatterns(patterns, n),
    cohenKappaWeighted: null,
    scottPi: m !== 2 ? { value: null, reason: `needs exactly 2 coders (found ${m}); fleissKappa generalizes it` } : q < 2 ? { value: null, reason: single } : { value: fleissValue, pa, pe: fleissPe, units: n },
    brennanPrediger,
    gwetAC1,
    percentAgreement,
  }
}

/** Cohen's kappa of two coders on two categories with Fleiss, Cohen & Everitt's (1969) standard errors (cohen-kappa.ts, unweighted). */
function cohenOfPatterns(patterns: Pattern[], n: number): CoefficientSet['cohenKappa'] {
  const p = [0, 0, 0, 0]
  for (const x of patterns) p[x.a * 2 + x.b] += x.weight
  for (let i = 0; i < 4; i++) p[i] /= n
  const rows = [p[0] + p[1], p[2] + p[3]]
  const cols = [p[0] + p[2], p[1] + p[3]]
  let po = 0
  let pe = 0
  for (let i = 0; i < 2; i++) {
    po += p[i * 2 + i]
    for (let j = 0; j < 2; j++) if (i === j) pe += rows[i] * cols[j]
  }
  const value = (po - pe) / (1 - pe)
  // With identity weights w̄_i. = p_.i and w̄_.j = p_j.
  let observedTerm = 0
  let nullTerm = 0
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 2; j++) {
      const w = i === j ? 1 : 0
      observedTerm += p[i * 2 + j] * (w - (cols[i] + rows[j]) * (1 - value)) ** 2
      nullTerm += rows[i] * cols[j] * (w - (cols[i] + rows[j])) ** 2
    }
  const scale = n * (1 - pe) ** 2
  const se = Math.sqrt(Math.max(0, observedTerm - (value - pe * (1 - value)) ** 2) / scale)
  const seH0 = Math.sqrt(Math.max(0, nullTerm - pe * pe) / scale)
  return { value, pa: po, pe, units: n, weights: 'none', se, seH0, z: seH0 > 0 ? value / seH0 : null }
}

/**
 * Nominal alpha (Krippendorff 2011) with the coefficients module's summation order: units grouped
 * by how many coders gave category index 1, groups in order of first appearance.
 */
function alphaOfPatterns(patterns: Pattern[], m: number, n: number): KrippendorffAlpha {
  const weights = new Float64Array(m + 1)
  const order: number[] = []
  for (const p of patterns) {
    if (weights[p.k] === 0) order.push(p.k)
    weights[p.k] += p.weight
  }
  let values = 0
  let second = 0
  let observedSum = 0
  for (const k of order) {
    values += weights[k] * m
    second += weights[k] * k
  }
  for (const k of order) observedSum += weights[k] * ((2 * (k * (m - k))) / (m - 1))
  const firstCount = values - second
  const expected = (values * values - (firstCount * firstCount + second * second)) / (values * (values - 1))
  if (!(expected > 0)) return { value: null, reason: 'undefined: every pairable value is the same, so there is no variation to be reliable about (D_e = 0)' }
  const observed = observedSum / values
  return { value: 1 - observed / expected, level: 'nominal', observed, expected, values, units: n, bootstrap: null }
}
