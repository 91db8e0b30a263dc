/**
 * Agreement of coders' framework judgements (METHOD.md §2, "framework judgement"): each coder's
 * own status per case × indicator on the ordinal scale none < partial < described, scored with
 * Krippendorff's ordinal alpha (any number of coders, missing ratings allowed) and, per pair of
 * coders, Cohen's weighted kappa. Pure: status rows in, plain data out; the coefficients are
 * those of server/domain/agreement/coefficients.
 */
import { readAlphaBand, readKappaBand, type Band } from '../../domain/agreement/bands'
import { cohenKappa, krippendorffAlpha, percentAgreement } from '../../domain/agreement/coefficients'
import type { FitStatus } from '../../domain/fit/types'

/** The ordinal scale: how much of the indicator the case's interviews describe. */
export const statusScore: Record<FitStatus, number> = { none: 0, partial: 1, described: 2 }
const scale = [0, 1, 2]

export interface CoderStatusRow {
  caseId: string
  codeId: string
  coderId: string
  status: FitStatus
}

export interface Coefficient {
  /** Rounded to 3 decimals as the agreement report prints it; null when undefined, with the reason. */
  value: number | null
  reason?: string
  band?: Band
}

export interface PairAgreement {
  coders: [string, string]
  /** Case × indicator units both coders rated. */
  units: number
  percentAgreement: Coefficient
  weightedKappa: { linear: Coefficient; quadratic: Coefficient }
}

export interface StatusAgreement {
  unit: 'case × indicator'
  level: 'ordinal'
  scale: Record<FitStatus, number>
  coders: string[]
  cases: string[]
  /** Case × indicator units with at least one coder's status. */
  units: number
  krippendorffAlpha: Coefficient
  pairs: PairAgreement[]
}

/**
 * Agreement over the given cases' indicators. A coder who recorded any status for a case rated
 * every indicator of it: the ones left blank count as `none`, as they do in scoring (METHOD.md
 * §4). A coder who recorded nothing for a case did not rate it (missing, not `none`).
 * Returns null when fewer than two coders recorded statuses.
 */
export function computeStatusAgreement(rows: readonly CoderStatusRow[], caseIds: readonly string[], indicatorIds: readonly string[]): StatusAgreement | null {
  const wantedCase = new Set(caseIds)
  const wantedIndicator = new Set(indicatorIds)
  const byCell = new Map<string, FitStatus>()
  const ratedCases = new Map<string, Set<string>>() // coder → cases they rated
  for (const r of rows) {
    if (!wantedCase.has(r.caseId) || !wantedIndicator.has(r.codeId)) continue
    byCell.set(`${r.coderId}|${r.caseId}|${r.codeId}`, r.status)
    ratedCases.set(r.coderId, (ratedCases.get(r.coderId) ?? new Set()).add(r.caseId))
  }
  const coders = [...ratedCases.keys()].sort()
  if (coders.length < 2) return null
  const cases = caseIds.filter((c) => coders.some((coder) => ratedCases.get(coder)!.has(c)))
  const rating = (coder: string, caseId: string, codeId: string): number | null =>
    ratedCases.get(coder)!.has(caseId) ? statusScore[byCell.get(`${coder}|${caseId}|${codeId}`) ?? 'none'] : null
  const matrix = cases.flatMap((c) => indicatorIds.map((i) => coders.map((coder) => rating(coder, c, i))))

  const alpha = krippendorffAlpha(matrix, 'ordinal', { categories: scale })
  const pairs: PairAgreement[] = []
  for (let a = 0; a < coders.length; a++)
    for (let b = a + 1; b < coders.length; b++) {
      // Kappa needs complete data: the units both coders rated.
      const both = matrix.map((row) => [row[a], row[b]]).filter(([x, y]) => x !== null && y !== null)
      const kappa = (weights: 'linear' | 'quadratic'): Coefficient =>
        both.length ? asKappa(cohenKappa(both, { weights, categories: scale })) : { value: null, reason: 'no unit rated by both coders' }
      pairs.push({
        coders: [coders[a], coders[b]],
        units: both.length,
        percentAgreement: both.length ? plain(percentAgreement(both, { categories: scale })) : { value: null, reason: 'no unit rated by both coders' },
        weightedKappa: { linear: kappa('linear'), quadratic: kappa('quadratic') },
      })
    }
  return {
    unit: 'case × indicator',
    level: 'ordinal',
    scale: statusScore,
    coders,
    cases,
    units: matrix.filter((row) => row.some((v) => v !== null)).length,
    krippendorffAlpha: alpha.value === null ? { value: null, reason: alpha.reason } : { value: round(alpha.value), band: readAlphaBand(alpha.value) },
    pairs,
  }
}

/** 3 decimals, as the agreement report prints its statistics; −0 becomes 0. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000 || 0
}

function asKappa(k: { value: number } | { value: null; reason: string }): Coefficient {
  return k.value === null ? { value: null, reason: k.reason } : { value: round(k.value), band: readKappaBand(k.value) }
}

function plain(p: { value: number } | { value: null; reason: string }): Coefficient {
  return p.value === null ? { value: null, reason: p.reason } : { value: round(p.value) }
}
