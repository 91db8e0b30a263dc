/**
 * Every reliability coefficient of one units × coders matrix at once, encoded once, with the
 * applicability rules of the agreement report (SPEC REL14): the CLI, the API and the UI's per-code
 * and per-coder-pair tables all call this, so they agree on when a statistic is null and why.
 */
import { cohenKappaOf, type CohenKappa } from './cohen-kappa'
import { krippendorffAlphaOf, type AlphaOptions, type KrippendorffAlpha } from './krippendorff-alpha'
import { brennanPredigerOf, fleissKappaOf, gwetAC1Of, percentAgreementOf, scottPiOf, type ChanceCorrected, type FleissKappa, type PercentAgreement, type ScottPi } from './multi-rater'
import { encodeRatings } from './table'
import type { Level, Rating, RatingMatrix } from './types'

export interface CoefficientSet {
  /** Units with at least one rating, and coders (columns). */
  units: number
  coders: number
  level: Level
  krippendorffAlpha: KrippendorffAlpha
  fleissKappa: FleissKappa
  cohenKappa: CohenKappa
  /** Weighted kappa on the category ranks; null at the nominal level. */
  cohenKappaWeighted: { linear: CohenKappa; quadratic: CohenKappa } | null
  scottPi: ScottPi
  brennanPrediger: ChanceCorrected
  gwetAC1: ChanceCorrected
  percentAgreement: PercentAgreement
}

export interface CoefficientSetOptions extends AlphaOptions {
  /** The whole scale in order, when some categories were never used (see CoefficientOptions). */
  categories?: readonly Rating[]
}

/**
 * All coefficients of `matrix` (rows units, columns coders, null = no rating). Complete data are
 * required by all but alpha; Fleiss' kappa is reported from 3 coders on (with 2 it is Scott's pi).
 * @example computeCoefficients([[1, 1], [2, 2], [1, 2]], 'nominal').cohenKappa.value // 0.4
 */
export function computeCoefficients(matrix: RatingMatrix, level: Level, options: CoefficientSetOptions = {}): CoefficientSet {
  const table = encodeRatings(matrix, options.categories)
  return {
    units: table.units,
    coders: table.coders,
    level,
    krippendorffAlpha: krippendorffAlphaOf(table, level, options),
    fleissKappa: table.coders === 2 ? { value: null, reason: 'needs 3 or more coders (with 2 coders it equals scottPi)' } : fleissKappaOf(table),
    cohenKappa: cohenKappaOf(table),
    cohenKappaWeighted: level === 'nominal' ? null : { linear: cohenKappaOf(table, 'linear'), quadratic: cohenKappaOf(table, 'quadratic') },
    scottPi: scottPiOf(table),
    brennanPrediger: brennanPredigerOf(table),
    gwetAC1: gwetAC1Of(table),
    percentAgreement: percentAgreementOf(table),
  }
}
