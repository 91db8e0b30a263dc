/**
 * Krippendorff's unitizing alpha (uα) for one category on one continuum, in the discrete form of
 * Krippendorff (2004), Content Analysis, 2nd ed., §12.4 (worked example p. 254), which DKPro
 * Agreement implements as `KrippendorffAlphaUnitizingAgreement`.
 *
 * Each coder's view of the continuum [0, L) is a sequence of segments: the units they coded with
 * the category and the gaps between them. Then, with m coders, N units in all (every coder):
 *
 *   uD_o = Σ_{i≠j} Σ_{g,h} δ²(seg_ig, seg_jh) / (m (m−1) L²)
 *     δ² = (b_g − b_h)² + (e_g − e_h)²  for two overlapping units
 *        = l_g²                          for a unit g that lies wholly inside a gap h (and vice versa)
 *        = 0                             otherwise (two gaps, disjoint segments, partial unit/gap overlap)
 *
 *   uD_e = (2/L) Σ_units u [ (N−1)(2l_u³ − 3l_u² + l_u)/3 + l_u² Σ_{gaps g, l_g ≥ l_u} (l_g − l_u + 1) ]
 *          / ( mL(mL−1) − Σ_units l_u(l_u−1) )
 *
 * (gaps of every coder). Only intersecting segment pairs can have δ² > 0, and the pairs of two
 * coders' segment sequences that intersect are exactly the steps of a merge-walk, so uD_o costs
 * O(units) per pair of coders; the gap sum uses sorted gaps with suffix sums, O(units · log gaps).
 */
import type { Interval } from './types'

export interface UnitizingDisagreement {
  /** uD_o; NaN when it is undefined (fewer than two coders, or L = 0). */
  observed: number
  /** uD_e; NaN when it is undefined; 0 when no unit could disagree (e.g. nobody coded the category). */
  expected: number
  /** Number of units (all coders). */
  units: number
}

interface Segment {
  start: number
  end: number
  unit: boolean
}

/** A coder's full partition of [0, L) into units and (non-empty) gaps. */
function segmentsOf(units: readonly Interval[], length: number): Segment[] {
  const out: Segment[] = []
  let pos = 0
  for (const u of units) {
    if (u.start > pos) out.push({ start: pos, end: u.start, unit: false })
    out.push({ start: u.start, end: u.end, unit: true })
    pos = u.end
  }
  if (pos < length) out.push({ start: pos, end: length, unit: false })
  return out
}

/** Krippendorff's δ² between two intersecting segments of two coders. */
export function segmentDistance(x: Segment, y: Segment): number {
  if (x.unit && y.unit) {
    const db = x.start - y.start
    const de = x.end - y.end
    return db * db + de * de
  }
  if (x.unit && !y.unit) return y.start <= x.start && x.end <= y.end ? (x.end - x.start) ** 2 : 0
  if (!x.unit && y.unit) return x.start <= y.start && y.end <= x.end ? (y.end - y.start) ** 2 : 0
  return 0
}

/** Σ δ² over all intersecting pairs of two coders' segments (one direction, i.e. the i<j half). */
function pairDisagreement(a: readonly Segment[], b: readonly Segment[]): number {
  let i = 0
  let j = 0
  let sum = 0
  while (i < a.length && j < b.length) {
    sum += segmentDistance(a[i], b[j])
    const ea = a[i].end
    const eb = b[j].end
    if (ea <= eb) i++
    if (eb <= ea) j++
  }
  return sum
}

/**
 * uD_o and uD_e for one category. `coders[r]` holds coder r's units: sorted, non-overlapping
 * intervals within [0, length) (touching units are allowed and stay separate units).
 */
export function computeUnitizingDisagreement(coders: readonly (readonly Interval[])[], length: number): UnitizingDisagreement {
  const m = coders.length
  const units = coders.reduce((n, c) => n + c.length, 0)
  if (m < 2 || length <= 0) return { observed: Number.NaN, expected: Number.NaN, units }
  const segments = coders.map((c) => segmentsOf(c, length))

  let pairSum = 0
  for (let r1 = 0; r1 < m; r1++) {
    for (let r2 = r1 + 1; r2 < m; r2++) pairSum += pairDisagreement(segments[r1], segments[r2])
  }
  // Σ_{i≠j} counts each unordered pair twice; δ² is symmetric.
  const observed = (2 * pairSum) / (m * (m - 1) * length * length)

  let gapCount = 0
  for (const segs of segments) for (const s of segs) if (!s.unit) gapCount++
  const gaps = new Float64Array(gapCount)
  gapCount = 0
  for (const segs of segments) for (const s of segs) if (!s.unit) gaps[gapCount++] = s.end - s.start
  gaps.sort() // numeric for a typed array: the same order as (x, y) => x − y, without a comparator call per step
  // suffix[k] = Σ gaps[k..]; the gaps with l_g ≥ l are gaps[firstAtLeast(l)..].
  const suffix = new Float64Array(gaps.length + 1)
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + gaps[k]
  const firstAtLeast = (l: number) => {
    let lo = 0
    let hi = gaps.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (gaps[mid] < l) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  let numerator = 0
  for (const coder of coders) {
    for (const u of coder) {
      const l = u.end - u.start
      const k = firstAtLeast(l)
      const longerGaps = gaps.length - k
      const gapTerm = suffix[k] - longerGaps * (l - 1) // Σ (l_g − l + 1)
      numerator += ((units - 1) * (2 * l * l * l - 3 * l * l + l)) / 3 + l * l * gapTerm
    }
  }
  // mL(mL−1) − Σ l(l−1) in BigInt: it is a difference of two large integers and must stay exact.
  const mL = BigInt(m) * BigInt(length)
  const denominator = Number(mL * (mL - 1n) - sumOfLengthProducts(coders))
  const expected = denominator > 0 ? ((2 / length) * numerator) / denominator : 0
  return { observed, expected, units }
}

/**
 * Σ l(l−1) over every unit, exactly. The terms are added as plain numbers while the running sum
 * stays a safe integer (where floating-point addition is exact) and moved into a BigInt before it
 * could pass 2^53: the same value as adding every term as a BigInt, without a BigInt per unit.
 */
export function sumOfLengthProducts(coders: readonly (readonly Interval[])[]): bigint {
  let exact = 0n
  let partial = 0
  for (const coder of coders) {
    for (const u of coder) {
      const l = u.end - u.start
      const term = l * (l - 1)
      if (term > Number.MAX_SAFE_INTEGER) exact += BigInt(l) * BigInt(l - 1) // a unit of over 94 million characters
      else {
        if (partial + term > Number.MAX_SAFE_INTEGER) {
          exact += BigInt(partial)
          partial = 0
        }
        partial += term
      }
    }
  }
  return exact + BigInt(partial)
}

/** uα = 1 − uD_o / uD_e, or null when undefined (uD_e is 0 or NaN). */
export function alphaFrom(observed: number, expected: number): number | null {
  if (!Number.isFinite(observed) || !Number.isFinite(expected) || expected <= 0) return null
  return 1 - observed / expected
}
