/**
 * Cohen's (1960) kappa for two coders, optionally weighted for ordered categories (Cohen 1968),
 * with the large-sample standard errors of Fleiss, Cohen & Everitt (1969). SPEC REL3–REL4.
 *
 * Weights are agreement weights on the categories' ranks 0…q−1 (as SAS PROC FREQ, R irr::kappa2
 * and scikit-learn do): linear 1 − |i−j|/(q−1), quadratic 1 − (i−j)²/(q−1)². The ranks are those
 * of the categories that occur, unless `categories` lists the whole scale.
 */
import { badInput } from '../../../errors'
import { needsComplete, singleCategoryReason, type RatingTable } from './table'
import type { ChanceTerms, Estimate } from './types'

export const kappaWeights = ['none', 'linear', 'quadratic'] as const
export type KappaWeights = (typeof kappaWeights)[number]

export type CohenKappa = Estimate<
  ChanceTerms & {
    weights: KappaWeights
    /** Asymptotic standard error (Fleiss, Cohen & Everitt 1969), for confidence intervals. */
    se: number | null
    /** Standard error under κ = 0, for the z test. */
    seH0: number | null
    /** κ / seH0. */
    z: number | null
  }
>

export function cohenKappaOf(table: RatingTable, weights: KappaWeights = 'none'): CohenKappa {
  if (table.coders !== 2) return { value: null, reason: `needs exactly 2 coders (found ${table.coders})` }
  const incomplete = needsComplete(table)
  if (incomplete) return { value: null, reason: `${incomplete}; drop the units one coder left out first` }
  if (weights !== 'none' && !table.ordered)
    throw badInput('weighted kappa needs ordered categories: numeric ratings or the ordered list of categories', [{ path: 'weights', message: weights }])
  if (table.used < 2) return { value: null, reason: singleCategoryReason(table) }

  const q = table.categories.length
  const n = table.units
  const p = new Float64Array(q * q)
  const rows = new Float64Array(q)
  const cols = new Float64Array(q)
  for (let u = 0; u < n; u++) p[table.cells[2 * u] * q + table.cells[2 * u + 1]]++
  for (let i = 0; i < q; i++)
    for (let j = 0; j < q; j++) {
      p[i * q + j] /= n
      rows[i] += p[i * q + j]
      cols[j] += p[i * q + j]
    }
  const w = weightMatrix(q, weights)
  let po = 0
  let pe = 0
  const rowW = new Float64Array(q) // w̄_i. = Σ_j p_.j w_ij
  const colW = new Float64Array(q) // w̄_.j = Σ_i p_i. w_ij
  for (let i = 0; i < q; i++)
    for (let j = 0; j < q; j++) {
      po += w[i * q + j] * p[i * q + j]
      pe += w[i * q + j] * rows[i] * cols[j]
      rowW[i] += cols[j] * w[i * q + j]
      colW[j] += rows[i] * w[i * q + j]
    }
  const value = (po - pe) / (1 - pe)
  let observedTerm = 0
  let nullTerm = 0
  for (let i = 0; i < q; i++)
    for (let j = 0; j < q; j++) {
      const wij = w[i * q + j]
      observedTerm += p[i * q + j] * (wij - (rowW[i] + colW[j]) * (1 - value)) ** 2
      nullTerm += rows[i] * cols[j] * (wij - (rowW[i] + colW[j])) ** 2
    }
  const scale = n * (1 - pe) ** 2
  const se = Math.sqrt(Math.max(0, observedTerm - (value - pe * (1 - value)) ** 2) / scale)
  const seH0 = Math.sqrt(Math.max(0, nullTerm - pe * pe) / scale)
  return { value, pa: po, pe, units: n, weights, se, seH0, z: seH0 > 0 ? value / seH0 : null }
}

function weightMatrix(q: number, weights: KappaWeights): Float64Array {
  const w = new Float64Array(q * q)
  for (let i = 0; i < q; i++)
    for (let j = 0; j < q; j++) {
      const d = Math.abs(i - j) / (q - 1)
      w[i * q + j] = weights === 'none' ? (i === j ? 1 : 0) : weights === 'linear' ? 1 - d : 1 - d * d
    }
  return w
}
