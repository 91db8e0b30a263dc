/**
 * Alpha's 95% interval by resampling whole transcripts (AGR8). Segments of one interview are not
 * independent (one respondent, one coder's reading of one conversation), so the units of a
 * transcript are drawn together: a cluster bootstrap (Davison & Hinkley 1997, *Bootstrap Methods
 * and their Application*, §3.8; Field & Welsh 2007, JRSS B 69:369–390). With one unit per
 * transcript (the document unit) it is the unit bootstrap of REL13, draw for draw.
 *
 * Nominal alpha over presence data depends on three sums only (Krippendorff 2011: Σ o_ck δ²_ck,
 * n_0, n_1), which add up over transcripts: each resample adds the drawn transcripts' sums, so a
 * replicate costs one pass over the transcripts, not over the units.
 */
import { createRandom, quantileOfSorted } from '../coefficients/random'
import type { PresenceTable } from './presence-tables'
import type { BootstrapInfo } from './types'

/** Per transcript: Σ_u 2·k_u(m−k_u)/(m−1) (the units' share of Σ o_ck δ²), and the counts of 0s and 1s. */
export interface ClusterSums {
  observed: Float64Array
  zeros: Float64Array
  ones: Float64Array
}

export function sumByCluster(t: PresenceTable, clusters: number): ClusterSums {
  const sums: ClusterSums = { observed: new Float64Array(clusters), zeros: new Float64Array(clusters), ones: new Float64Array(clusters) }
  addClusterSums(sums, t)
  return sums
}

/** Adds a table's units to existing sums (the pooled table is the sum of the codes' tables). */
export function addClusterSums(sums: ClusterSums, t: PresenceTable): void {
  const m = t.coders
  if (m < 2) return
  for (let u = 0; u < t.units; u++) {
    let k = 0
    for (let r = 0; r < m; r++) k += t.cells[u * m + r]
    const d = t.unitDocument[u]
    sums.observed[d] += (2 * k * (m - k)) / (m - 1)
    sums.ones[d] += k
    sums.zeros[d] += m - k
  }
}

/** Adds one set of per-transcript sums to another (pooling the codes' tables). */
export function addSums(into: ClusterSums, from: ClusterSums): void {
  for (let d = 0; d < into.observed.length; d++) {
    into.observed[d] += from.observed[d]
    into.zeros[d] += from.zeros[d]
    into.ones[d] += from.ones[d]
  }
}

/**
 * α from the sums (null when D_e = 0): D_o = Σo δ² / n, D_e = (n² − n_0² − n_1²) / (n(n−1)), written
 * with the same floating-point steps as the coefficients module so that the two agree to the bit.
 */
export function alphaFromSums(observedSum: number, zeros: number, ones: number): number | null {
  const n = zeros + ones
  if (!(n > 1)) return null
  const observed = observedSum / n
  const expected = (n * n - (zeros * zeros + ones * ones)) / (n * (n - 1))
  if (!(expected > 0)) return null
  return 1 - observed / expected
}

/**
 * Resampled transcript indices, shared by every table of a report so that each code's interval
 * is the one it would get alone (the draws depend only on the number of transcripts and the seed).
 */
export function drawClusters(clusters: number, replicates: number, seed: number): Int32Array {
  const random = createRandom(seed)
  const draws = new Int32Array(clusters * replicates)
  for (let i = 0; i < draws.length; i++) draws[i] = Math.floor(random() * clusters)
  return draws
}

export function clusterInterval(sums: ClusterSums, draws: Int32Array, replicates: number, seed: number): { ci: [number, number] | null; info: BootstrapInfo } {
  const clusters = sums.observed.length
  const alphas: number[] = []
  for (let r = 0; r < replicates; r++) {
    let observed = 0
    let zeros = 0
    let ones = 0
    for (let i = r * clusters; i < (r + 1) * clusters; i++) {
      const d = draws[i]
      observed += sums.observed[d]
      zeros += sums.zeros[d]
      ones += sums.ones[d]
    }
    const alpha = alphaFromSums(observed, zeros, ones)
    if (alpha !== null) alphas.push(alpha)
  }
  const sorted = Float64Array.from(alphas).sort()
  return {
    ci: sorted.length ? [quantileOfSorted(sorted, 0.025), quantileOfSorted(sorted, 0.975)] : null,
    info: { method: 'documents', replicates, seed, resampled: clusters, undefinedReplicates: replicates - alphas.length },
  }
}
