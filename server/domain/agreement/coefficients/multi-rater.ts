/**
 * Percent agreement and the chance-corrected coefficients built on it, for any number of coders:
 * Fleiss' kappa (and Scott's pi, its two-coder case), Brennan–Prediger and Gwet's AC1.
 *
 * All follow Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed., in the forms that
 * the irrCAC package implements, because they also serve incomplete data (SPEC REL9):
 *   pa   = mean over units rated by ≥ 2 coders of Σ_k r_ik (r_ik − 1) / (r_i (r_i − 1))
 *   π_k  = mean over units rated by ≥ 1 coder of r_ik / r_i
 *   value = (pa − pe) / (1 − pe), with pe = Σ π_k² (Fleiss), 1/q (BP), Σ π_k (1 − π_k) / (q − 1) (AC1).
 * With complete data they are the classical formulas (Fleiss 1971; Brennan & Prediger 1981; Gwet 2008).
 */
import { needsComplete, singleCategoryReason, type RatingTable } from './table'
import type { ChanceTerms, Estimate } from './types'

interface AgreementTerms {
  /** Units rated by ≥ 1 coder (n) and by ≥ 2 coders (n2). */
  n: number
  n2: number
  pa: number
  /** Per unit: its share of agreeing coder pairs (0 for a unit rated once). */
  paUnit: Float64Array
  /** π_k, the mean share of each category per unit. */
  pi: Float64Array
  /** Units on which every coder who rated them agrees, among the n2. */
  unanimous: number
  /** Per unit, the mean π of its ratings: Fleiss' pe_i; AC1's is (1 − it)/(q − 1). Computed on demand. */
  piUnit?: Float64Array
}

// computeCoefficients asks for these terms five times (percent, Fleiss, Scott, BP, AC1) per table.
const measured = new WeakMap<RatingTable, AgreementTerms>()

function measureAgreement(table: RatingTable): AgreementTerms {
  let terms = measured.get(table)
  if (!terms) measured.set(table, (terms = measureAgreementOnce(table)))
  return terms
}

/** One pass over the table: agreeing ordered pairs per unit and the category shares π_k. */
function measureAgreementOnce(table: RatingTable): AgreementTerms {
  const { cells, raters, coders, units } = table
  const pi = new Float64Array(table.categories.length)
  const paUnit = new Float64Array(units)
  let n2 = 0
  let paSum = 0
  let unanimous = 0
  for (let u = 0; u < units; u++) {
    const r = raters[u]
    const row = u * coders
    for (let i = 0; i < coders; i++) if (cells[row + i] >= 0) pi[cells[row + i]] += 1 / r
    if (r < 2) continue
    // Σ_k r_k (r_k − 1) counts ordered agreeing pairs; coders per unit are few, so compare pairs directly.
    let agreeing = 0
    for (let i = 0; i < coders; i++) {
      const a = cells[row + i]
      if (a < 0) continue
      for (let j = i + 1; j < coders; j++) if (cells[row + j] === a) agreeing += 2
    }
    paUnit[u] = agreeing / (r * (r - 1))
    paSum += paUnit[u]
    if (agreeing === r * (r - 1)) unanimous++
    n2++
  }
  for (let k = 0; k < pi.length; k++) pi[k] /= units
  return { n: units, n2, pa: n2 ? paSum / n2 : NaN, paUnit, pi, unanimous }
}

/**
 * Gwet's (2014) variance of a coefficient (pa − pe)/(1 − pe), conditional on the coders:
 * per unit κ_i = (n / n2)(pa_i − pe·[r_i ≥ 2])/(1 − pe) and κ*_i = κ_i − 2(1 − κ)(pe_i − pe)/(1 − pe);
 * var = Σ (κ*_i − κ)² / (n (n − 1)). `peUnit` holds each unit's chance agreement pe_i (null when it is a constant, as for BP).
 */
function gwetStandardError(table: RatingTable, t: AgreementTerms, pe: number, value: number, peUnit: Float64Array | null): number | null {
  if (t.n < 2) return null
  let sum = 0
  for (let u = 0; u < t.n; u++) {
    const rated2 = table.raters[u] >= 2 ? 1 : 0
    const kappaU = ((t.n / t.n2) * (t.paUnit[u] - pe * rated2)) / (1 - pe)
    const star = peUnit ? kappaU - (2 * (1 - value) * (peUnit[u] - pe)) / (1 - pe) : kappaU
    sum += (star - value) ** 2
  }
  return Math.sqrt(sum / (t.n * (t.n - 1)))
}

/** Per unit, the mean π_k over its ratings (kept with the terms: Fleiss and AC1 both need it). */
function meanPiPerUnit(table: RatingTable, t: AgreementTerms): Float64Array {
  if (t.piUnit) return t.piUnit
  const means = new Float64Array(table.units)
  for (let u = 0; u < table.units; u++) {
    let s = 0
    for (let i = u * table.coders; i < (u + 1) * table.coders; i++) if (table.cells[i] >= 0) s += t.pi[table.cells[i]]
    means[u] = s / table.raters[u]
  }
  return (t.piUnit = means)
}

/** The checks every coefficient here shares; null when the data can be scored. */
function unscorable(table: RatingTable, allowMissing: boolean, t: AgreementTerms): string | null {
  if (table.coders < 2) return 'needs at least 2 coders'
  return needsComplete(table, allowMissing) ?? (t.n2 === 0 ? 'no unit is rated by two or more coders' : null)
}

export type PercentAgreement = Estimate<{ units: number; unanimous: number }>

/**
 * Percent agreement, pairwise: per unit the share of coder pairs that agree, averaged over the
 * units rated by at least two coders (SPEC REL2). `unanimous` is the other convention (share of
 * units on which all coders agree), given for comparison.
 */
export function percentAgreementOf(table: RatingTable, allowMissing = false): PercentAgreement {
  const t = measureAgreement(table)
  const reason = unscorable(table, allowMissing, t)
  if (reason) return { value: null, reason }
  return { value: t.pa, units: t.n2, unanimous: t.unanimous / t.n2 }
}

export type FleissKappa = Estimate<ChanceTerms & { se: number | null; seH0: number | null }>

/**
 * Fleiss' (1971) kappa: chance from the pooled category shares. `se` is Gwet's (2014) standard
 * error (for confidence intervals); `seH0` the Fleiss, Nee & Landis (1979) standard error under
 * κ = 0 (for a z test), defined for complete data only.
 */
export function fleissKappaOf(table: RatingTable, allowMissing = false): FleissKappa {
  const t = measureAgreement(table)
  const reason = unscorable(table, allowMissing, t) ?? (table.used < 2 ? singleCategoryReason(table) : null)
  if (reason) return { value: null, reason }
  const pe = t.pi.reduce((s, p) => s + p * p, 0)
  const value = (t.pa - pe) / (1 - pe)
  const se = gwetStandardError(table, t, pe, value, meanPiPerUnit(table, t))
  return { value, pa: t.pa, pe, units: t.n2, se, seH0: table.incomplete === 0 ? fleissNullSe(t.pi, t.n, table.coders) : null }
}

/** Fleiss, Nee & Landis (1979): var₀(κ) = 2 [(Σ p_j q_j)² − Σ p_j q_j (q_j − p_j)] / (N m (m−1) (Σ p_j q_j)²). */
function fleissNullSe(pi: Float64Array, units: number, coders: number): number {
  let pq = 0
  let pqqp = 0
  for (const p of pi) {
    pq += p * (1 - p)
    pqqp += p * (1 - p) * (1 - 2 * p)
  }
  return Math.sqrt((2 * (pq * pq - pqqp)) / (units * coders * (coders - 1) * pq * pq))
}

export type ScottPi = Estimate<ChanceTerms>

/** Scott's (1955) pi for exactly two coders: Fleiss' kappa is its generalization and equals it here. */
export function scottPiOf(table: RatingTable, allowMissing = false): ScottPi {
  if (table.coders !== 2) return { value: null, reason: `needs exactly 2 coders (found ${table.coders}); fleissKappa generalizes it` }
  const fleiss = fleissKappaOf(table, allowMissing)
  if (fleiss.value === null) return fleiss
  return { value: fleiss.value, pa: fleiss.pa, pe: fleiss.pe, units: fleiss.units }
}

export type ChanceCorrected = Estimate<ChanceTerms & { q: number; se: number | null }>

/** Brennan & Prediger (1981): chance = 1/q for q categories (MAXQDA's "kappa"). */
export function brennanPredigerOf(table: RatingTable, allowMissing = false): ChanceCorrected {
  const t = measureAgreement(table)
  const q = table.categories.length
  const reason = unscorable(table, allowMissing, t) ?? (q < 2 ? `undefined: with q = ${q} category chance agreement 1/q is 1` : null)
  if (reason) return { value: null, reason }
  const pe = 1 / q
  const value = (t.pa - pe) / (1 - pe)
  return { value, pa: t.pa, pe, units: t.n2, q, se: gwetStandardError(table, t, pe, value, null) }
}

/** Gwet's AC1, multi-rater form (Gwet 2008; 2014): chance = Σ π_k (1 − π_k) / (q − 1). */
export function gwetAC1Of(table: RatingTable, allowMissing = false): ChanceCorrected {
  const t = measureAgreement(table)
  const q = table.categories.length
  const reason = unscorable(table, allowMissing, t) ?? (table.used < 2 ? singleCategoryReason(table) : null)
  if (reason) return { value: null, reason }
  const pe = t.pi.reduce((s, p) => s + p * (1 - p), 0) / (q - 1)
  const value = (t.pa - pe) / (1 - pe)
  const se = gwetStandardError(table, t, pe, value, meanPiPerUnit(table, t).map((m) => (1 - m) / (q - 1)))
  return { value, pa: t.pa, pe, units: t.n2, q, se }
}
