/**
 * Reliability coefficients (pure): the report of `concord agreement --data` and the single
 * statistics over a units × coders matrix, for the UI's per-code and per-coder-pair tables.
 * Rules: SPEC.md beside this file.
 */
import { cohenKappaOf, type CohenKappa, type KappaWeights } from './cohen-kappa'
import { krippendorffAlphaOf, type AlphaOptions, type KrippendorffAlpha } from './krippendorff-alpha'
import { brennanPredigerOf, fleissKappaOf, gwetAC1Of, percentAgreementOf, scottPiOf, type ChanceCorrected, type FleissKappa, type PercentAgreement, type ScottPi } from './multi-rater'
import { encodeRatings } from './table'
import type { CoefficientOptions, Level, Rating, RatingMatrix } from './types'

export { computeReliability, defaultBootstrap, reportedStatistics, type ReliabilityReport, type ReliabilityOptions, type ReportedStatistic } from './compute-reliability'
export { computeCoefficients, type CoefficientSet, type CoefficientSetOptions } from './compute-coefficients'
export { checkRatings, tabulateRatings, type RatingRow, type RatingGrid } from './ratings'
export { kappaWeights } from './cohen-kappa'
export { defaultSeed } from './krippendorff-alpha'
export { levels } from './types'
export type { AlphaBootstrap } from './krippendorff-alpha'
export type { CohenKappa, KappaWeights, KrippendorffAlpha, FleissKappa, ScottPi, ChanceCorrected, PercentAgreement }
export type { CoefficientOptions, Estimate, Level, Rating, RatingMatrix, Unavailable, ChanceTerms } from './types'

/**
 * Krippendorff's alpha at a level of measurement; missing ratings allowed.
 * @example krippendorffAlpha([[0, 1], [1, 1], [0, 1], [0, 0], [0, 0], [0, 1], [0, 0], [0, 0], [1, 0], [0, 0]], 'nominal').value // 0.095
 */
export const krippendorffAlpha = (matrix: RatingMatrix, level: Level = 'nominal', options: AlphaOptions & { categories?: readonly Rating[] } = {}): KrippendorffAlpha =>
  krippendorffAlphaOf(encodeRatings(matrix, options.categories), level, options)

/** Cohen's kappa of a two-column matrix, unweighted or with linear / quadratic weights on the category ranks. */
export const cohenKappa = (matrix: RatingMatrix, options: { weights?: KappaWeights; categories?: readonly Rating[] } = {}): CohenKappa =>
  cohenKappaOf(encodeRatings(matrix, options.categories), options.weights)

/** Fleiss' kappa (any number of coders ≥ 2; the report shows it from 3 on). */
export const fleissKappa = (matrix: RatingMatrix, options: CoefficientOptions = {}): FleissKappa =>
  fleissKappaOf(encodeRatings(matrix, options.categories), options.allowMissing)

/** Scott's pi of a two-column matrix. */
export const scottPi = (matrix: RatingMatrix, options: CoefficientOptions = {}): ScottPi => scottPiOf(encodeRatings(matrix, options.categories), options.allowMissing)

/** Brennan–Prediger: chance = 1/q, q = the categories given, else those that occur. */
export const brennanPrediger = (matrix: RatingMatrix, options: CoefficientOptions = {}): ChanceCorrected =>
  brennanPredigerOf(encodeRatings(matrix, options.categories), options.allowMissing)

/** Gwet's AC1 (multi-rater form). */
export const gwetAC1 = (matrix: RatingMatrix, options: CoefficientOptions = {}): ChanceCorrected => gwetAC1Of(encodeRatings(matrix, options.categories), options.allowMissing)

/** Percent agreement: pairwise over coder pairs, averaged over units. */
export const percentAgreement = (matrix: RatingMatrix, options: CoefficientOptions = {}): PercentAgreement =>
  percentAgreementOf(encodeRatings(matrix, options.categories), options.allowMissing)
