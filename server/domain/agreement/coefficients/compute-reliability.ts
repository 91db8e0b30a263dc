/**
 * The reliability report of `concord agreement --data … --json` and of the agreement API
 * (API.md): long-form ratings in, the documented fields out, numbers rounded to 3 decimals,
 * every null explained in `notes` (SPEC REL14). `alphaCI`, `bootstrap`, `cohenKappaWeighted`
 * and `details` are additions; the documented fields keep their documented meaning.
 */
import { badInput } from '../../../errors'
import { computeCoefficients, type CoefficientSet } from './compute-coefficients'
import { readRatings, type RatingRow } from './ratings'
import { levels, type Level } from './types'

/** Replicates of the alpha bootstrap when the caller does not say (enough for a stable 95% interval). */
export const defaultBootstrap = 1000

export const reportedStatistics = ['krippendorffAlpha', 'fleissKappa', 'cohenKappa', 'scottPi', 'brennanPrediger', 'gwetAC1', 'percentAgreement'] as const
export type ReportedStatistic = (typeof reportedStatistics)[number]

export type ReliabilityReport = {
  units: number
  coders: number
  level: Level
  notes: string[]
  /** 95% unit-bootstrap percentile interval of alpha. */
  alphaCI: [number, number] | null
  bootstrap: { method: 'units'; replicates: number; seed: number; undefinedReplicates: number } | null
  /** Linear and quadratic weighted Cohen's kappa, at the ordinal, interval and ratio levels. */
  cohenKappaWeighted?: { linear: number | null; quadratic: number | null }
  /** Each statistic's working (pa, pe, standard errors, D_o, D_e, …), rounded likewise. */
  details: Record<string, unknown>
} & Record<ReportedStatistic, number | null>

export interface ReliabilityOptions {
  /** Bootstrap replicates for alpha's interval; default 1000, 0 for none. */
  bootstrap?: number
  seed?: number
}

/**
 * Checks the ratings (throwing `bad_input` that lists every problem as `ratings[i]`) and computes
 * the report. Units and coders are counted over the rows, so a unit with a single rating counts.
 * @example computeReliability([{ unit: 'u1', coder: 'a', value: 'yes' }, …], 'nominal').krippendorffAlpha
 */
export function computeReliability(ratings: readonly RatingRow[], level: Level, options: ReliabilityOptions = {}): ReliabilityReport {
  if (!levels.includes(level)) throw badInput(`unknown level "${level}"`, [{ path: 'level', message: `expected one of ${levels.join(', ')}` }])
  if (ratings.length === 0) throw badInput('no ratings', [{ path: 'ratings', message: 'expected at least one unit,coder,value row' }])
  const { grid, problems } = readRatings(ratings, level, (i) => `ratings[${i}]`)
  if (problems.length) throw badInput(`${problems.length} problem(s) in the ratings`, problems)
  return reportReliability(grid.matrix, level, options)
}

function reportReliability(matrix: (string | number | null)[][], level: Level, options: ReliabilityOptions): ReliabilityReport {
  const set = computeCoefficients(matrix, level, { bootstrap: options.bootstrap ?? defaultBootstrap, seed: options.seed })
  const boot = set.krippendorffAlpha.value === null ? null : set.krippendorffAlpha.bootstrap
  const weighted = set.cohenKappaWeighted
  const report: ReliabilityReport = {
    units: matrix.length,
    coders: set.coders,
    level,
    krippendorffAlpha: round(set.krippendorffAlpha.value),
    fleissKappa: round(set.fleissKappa.value),
    cohenKappa: round(set.cohenKappa.value),
    scottPi: round(set.scottPi.value),
    brennanPrediger: round(set.brennanPrediger.value),
    gwetAC1: round(set.gwetAC1.value),
    percentAgreement: round(set.percentAgreement.value),
    notes: explain(set, matrix.length),
    alphaCI: boot?.ci ? [round(boot.ci[0])!, round(boot.ci[1])!] : null,
    bootstrap: boot && { method: boot.method, replicates: boot.replicates, seed: boot.seed, undefinedReplicates: boot.undefinedReplicates },
    ...(weighted && { cohenKappaWeighted: { linear: round(weighted.linear.value), quadratic: round(weighted.quadratic.value) } }),
    // Working of the statistics that have a value; the others' reasons are in `notes`.
    details: roundDeep({
      ...Object.fromEntries(reportedStatistics.flatMap((s) => (set[s].value === null ? [] : [[s, set[s]]]))),
      ...(weighted && (weighted.linear.value !== null || weighted.quadratic.value !== null) && { cohenKappaWeighted: weighted }),
    }) as Record<string, unknown>,
  }
  return report
}

function explain(set: CoefficientSet, units: number): string[] {
  const notes = reportedStatistics.flatMap((s) => (set[s].value === null ? [`${s}: ${(set[s] as { reason: string }).reason}`] : []))
  const alpha = set.krippendorffAlpha
  if (alpha.value !== null && alpha.units < units) {
    const left = units - alpha.units
    notes.push(`krippendorffAlpha: ${left} unit${left === 1 ? '' : 's'} with fewer than 2 values ${left === 1 ? 'is' : 'are'} not pairable and left out`)
  }
  const dropped = alpha.value === null ? 0 : (alpha.bootstrap?.undefinedReplicates ?? 0)
  if (dropped) notes.push(`krippendorffAlpha: ${dropped} bootstrap resample${dropped === 1 ? '' : 's'} had a single value (alpha undefined) and ${dropped === 1 ? 'was' : 'were'} left out`)
  if (set.level !== 'nominal' && reportedStatistics.some((s) => s !== 'krippendorffAlpha' && set[s].value !== null))
    notes.push(
      `kappa, pi, AC1 and percent agreement count exact matches only (nominal); krippendorffAlpha uses the ${set.level} metric` +
        (set.coders === 2 ? '; cohenKappaWeighted gives linear and quadratic weights' : ''),
    )
  return notes
}

/** 3 decimals, as the report documents; NaN and null become null, −0 becomes 0. */
export function round(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null
  return Math.round(x * 1000) / 1000 || 0
}

function roundDeep(v: unknown): unknown {
  if (typeof v === 'number') return round(v)
  if (Array.isArray(v)) return v.map(roundDeep)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundDeep(x)]))
  return v
}
