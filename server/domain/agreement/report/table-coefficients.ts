/**
 * Every reliability coefficient of one table, reported as `computeReliability` reports it
 * (AGR7): the same statistics, the same applicability rules, the same rounding and notes, so that
 * the API's numbers equal `concord agreement --data` on the same ratings. The difference is the
 * input: presence tables are turned into the coefficients' encoded table directly, without
 * building one JavaScript array per unit (a pooled study-sized table has 1.5 million units).
 */
import { readBand } from '../bands'
import { cohenKappaOf } from '../coefficients/cohen-kappa'
import { type CoefficientSet } from '../coefficients/compute-coefficients'
import { round } from '../coefficients/compute-reliability'
import { krippendorffAlphaOf, type KrippendorffAlpha } from '../coefficients/krippendorff-alpha'
import { brennanPredigerOf, fleissKappaOf, gwetAC1Of, percentAgreementOf, scottPiOf } from '../coefficients/multi-rater'
import type { RatingTable } from '../coefficients/table'
import type { Level } from '../coefficients/types'
import type { PresenceTable } from './presence-tables'
import type { BootstrapInfo, ReliabilityStatistic, ReliabilityTable } from './types'

export const reliabilityStatistics: ReliabilityStatistic[] = ['krippendorffAlpha', 'fleissKappa', 'cohenKappa', 'scottPi', 'brennanPrediger', 'gwetAC1', 'percentAgreement']

/**
 * The encoded table that `computeReliability` builds from the same ratings as long-form rows: at
 * the nominal level values are read as text ("0", "1"), categories in order of first appearance
 * (row-major), so that every sum runs in the same order and the notes quote the same values.
 */
export function encodePresence(t: PresenceTable): RatingTable {
  const first = t.cells.length ? t.cells[0] : 0
  let both = false
  for (let i = 0; i < t.cells.length && !both; i++) both = t.cells[i] !== first
  const categories = t.cells.length === 0 ? [] : both ? [String(first), String(1 - first)] : [String(first)]
  const cells = new Int32Array(t.cells.length)
  // Category 0 is the first value seen, so a cell's index is whether it differs from it.
  for (let i = 0; i < t.cells.length; i++) cells[i] = t.cells[i] === first ? 0 : 1
  return {
    categories,
    coders: t.units === 0 ? 0 : t.coders,
    units: t.units,
    cells,
    raters: new Int32Array(t.units).fill(t.coders),
    incomplete: 0,
    used: categories.length,
    ordered: false,
  }
}

/**
 * Nominal alpha of complete presence data (Krippendorff 2011) with the value, terms and reasons
 * of the coefficients module's alpha, and its summation order (units grouped by how many coders
 * gave the second category, groups in order of first appearance), so that the two agree to the
 * bit. It skips the module's general grouping of units into value patterns, which costs a string
 * key per unit: most of the time of a study-sized report.
 */
export function presenceAlpha(t: PresenceTable): KrippendorffAlpha {
  if (t.units === 0) return { value: null, reason: 'needs at least 2 coders' }
  const m = t.coders
  const first = t.cells[0]
  const weights = new Float64Array(m + 1)
  const order: number[] = []
  for (let u = 0; u < t.units; u++) {
    let j = 0
    for (let r = 0; r < m; r++) if (t.cells[u * m + r] !== first) j++
    if (weights[j] === 0) order.push(j)
    weights[j]++
  }
  let n = 0
  let second = 0
  let observedSum = 0
  for (const j of order) {
    n += weights[j] * m
    second += weights[j] * j
  }
  for (const j of order) observedSum += weights[j] * ((2 * (j * (m - j))) / (m - 1))
  const firstCount = n - second
  const expected = (n * n - (firstCount * firstCount + second * second)) / (n * (n - 1))
  if (!(expected > 0)) return { value: null, reason: 'undefined: every pairable value is the same, so there is no variation to be reliable about (D_e = 0)' }
  const observed = observedSum / n
  return { value: 1 - observed / expected, level: 'nominal', observed, expected, values: n, units: t.units, bootstrap: null }
}

/**
 * `computeCoefficients` on an encoded table (its rules: Fleiss from 3 coders, weighted kappa off
 * the nominal level); `alpha` replaces the module's alpha when already known (`presenceAlpha`).
 */
export function coefficientsOfTable(table: RatingTable, level: Level, options: { bootstrap?: number; seed?: number; alpha?: KrippendorffAlpha } = {}): CoefficientSet {
  return {
    units: table.units,
    coders: table.coders,
    level,
    krippendorffAlpha: options.alpha ?? krippendorffAlphaOf(table, level, options),
    fleissKappa: table.coders === 2 ? { value: null, reason: 'needs 3 or more coders (with 2 coders it equals scottPi)' } : fleissKappaOf(table),
    cohenKappa: cohenKappaOf(table),
    cohenKappaWeighted: level === 'nominal' ? null : { linear: cohenKappaOf(table, 'linear'), quadratic: cohenKappaOf(table, 'quadratic') },
    scottPi: scottPiOf(table),
    brennanPrediger: brennanPredigerOf(table),
    gwetAC1: gwetAC1Of(table),
    percentAgreement: percentAgreementOf(table),
  }
}

/** Alpha's interval as the report shows it (already computed; null when alpha is undefined). */
export interface Interval95 {
  ci: [number, number] | null
  info: BootstrapInfo
}

/**
 * The report of one table: `computeReliability`'s fields and notes (rounded to 3 decimals), then
 * the interval, standard errors and bands. `units` counts the table's units.
 */
export function reportTable(set: CoefficientSet, units: number, interval: Interval95 | null): ReliabilityTable {
  const value = (s: ReliabilityStatistic) => set[s].value
  const se = (e: { value: number | null } & { se?: number | null }) => (e.value === null ? null : round(e.se ?? null))
  const boot = set.krippendorffAlpha.value === null ? null : interval
  const out: ReliabilityTable = {
    units,
    coders: set.coders,
    level: set.level,
    krippendorffAlpha: round(value('krippendorffAlpha')),
    fleissKappa: round(value('fleissKappa')),
    cohenKappa: round(value('cohenKappa')),
    scottPi: round(value('scottPi')),
    brennanPrediger: round(value('brennanPrediger')),
    gwetAC1: round(value('gwetAC1')),
    percentAgreement: round(value('percentAgreement')),
    notes: explain(set, units, boot),
    alphaCI: boot?.ci ? [round(boot.ci[0])!, round(boot.ci[1])!] : null,
    bootstrap: boot ? boot.info : null,
    se: {
      cohenKappa: se(set.cohenKappa as { value: number | null; se?: number | null }),
      fleissKappa: se(set.fleissKappa as { value: number | null; se?: number | null }),
      brennanPrediger: se(set.brennanPrediger as { value: number | null; se?: number | null }),
      gwetAC1: se(set.gwetAC1 as { value: number | null; se?: number | null }),
    },
    bands: {},
  }
  if (set.cohenKappaWeighted) out.cohenKappaWeighted = { linear: round(set.cohenKappaWeighted.linear.value), quadratic: round(set.cohenKappaWeighted.quadratic.value) }
  for (const s of reliabilityStatistics) {
    // Bands are judged on the exact value (BAND3), not the rounded one.
    const band = readBand(s, value(s))
    if (band) out.bands[s] = band.key
  }
  return out
}

/** The notes of `computeReliability` (same wording), with the interval's own note. */
function explain(set: CoefficientSet, units: number, interval: Interval95 | null): string[] {
  const notes = reliabilityStatistics.flatMap((s) => (set[s].value === null ? [`${s}: ${(set[s] as { reason: string }).reason}`] : []))
  const alpha = set.krippendorffAlpha
  if (alpha.value !== null && alpha.units < units) {
    const left = units - alpha.units
    notes.push(`krippendorffAlpha: ${left} unit${left === 1 ? '' : 's'} with fewer than 2 values ${left === 1 ? 'is' : 'are'} not pairable and left out`)
  }
  if (alpha.value !== null && interval?.info.undefinedReplicates)
    notes.push(`krippendorffAlpha: ${interval.info.undefinedReplicates} bootstrap resamples had a single value (alpha undefined) and were left out`)
  if (set.level !== 'nominal' && reliabilityStatistics.some((s) => s !== 'krippendorffAlpha' && set[s].value !== null))
    notes.push(
      `kappa, pi, AC1 and percent agreement count exact matches only (nominal); krippendorffAlpha uses the ${set.level} metric` +
        (set.coders === 2 ? '; cohenKappaWeighted gives linear and quadratic weights' : ''),
    )
  return notes
}
