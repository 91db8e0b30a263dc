/** Shared helpers of the agreement pages: which statistics a unit reports, formatting, band chips. */
import type { MessageKey } from '@/app/i18n/messages'
import type { AgreementUnit } from '@/server/domain/agreement/report/types'
import type { AgreementLabels } from '@/server/services/agreement/load-agreement-data'
import type { CodebookEntry } from './agreement-dashboard'

export type Stat =
  | 'krippendorffAlpha'
  | 'cohenKappa'
  | 'fleissKappa'
  | 'scottPi'
  | 'brennanPrediger'
  | 'gwetAC1'
  | 'percentAgreement'
  | 'unitizingAlpha'
  | 'characterKappa'
  | 'characterPercentAgreement'

/** The columns of the per-code table for a unit and number of coders (Cohen and Scott need two, Fleiss three). */
export function statisticsFor(unit: AgreementUnit, coders: number): Stat[] {
  if (unit === 'span') return coders === 2 ? ['unitizingAlpha', 'characterKappa', 'characterPercentAgreement'] : ['unitizingAlpha']
  const two: Stat[] = ['krippendorffAlpha', 'cohenKappa', 'scottPi', 'brennanPrediger', 'gwetAC1', 'percentAgreement']
  const many: Stat[] = ['krippendorffAlpha', 'fleissKappa', 'brennanPrediger', 'gwetAC1', 'percentAgreement']
  return coders === 2 ? two : many
}

/** Statistics a coder pair has (always two coders). */
export const pairStatistics = (unit: AgreementUnit): Stat[] => statisticsFor(unit, 2)

export const statLabel = (s: Stat) => `agr.stat.${s}` as MessageKey
export const bandLabel = (b: string) => `agr.band.${b}` as MessageKey

/** Three decimals, or a percentage for the percent statistics. */
export function formatValue(stat: Stat, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  if (stat === 'percentAgreement' || stat === 'characterPercentAgreement') return `${(v * 100).toFixed(1)}%`
  return v.toFixed(3)
}

/** Colour class of a band chip: good, middling, poor. */
export function bandTone(band: string | undefined): string {
  if (!band) return ''
  if (band === 'reliable' || band === 'almostPerfect' || band === 'substantial') return 'good'
  if (band === 'tentative' || band === 'moderate') return 'mid'
  return 'low'
}

type Bilingual = { zh?: string | null; en?: string | null } | null | undefined

/** A code's name in the reader's language: from the codebook, else from the report's labels (a code deleted since), else its id. */
export function codeNameOf(id: string, codebook: readonly CodebookEntry[], labels: AgreementLabels['codes'], pick: (v: Bilingual) => string): string {
  const c = codebook.find((x) => x.id === id)
  return c ? pick(c.name) : pick(labels[id]?.name) || id
}
