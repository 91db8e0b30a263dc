/**
 * Plain data of the reliability coefficients. A reliability data matrix has one row per unit
 * (a segment, a document, a case × indicator) and one column per coder; a cell is that coder's
 * rating of that unit, or null / undefined when the coder did not rate it (SPEC REL1).
 */

export type Rating = string | number

export type RatingMatrix = ReadonlyArray<ReadonlyArray<Rating | null | undefined>>

export const levels = ['nominal', 'ordinal', 'interval', 'ratio'] as const
export type Level = (typeof levels)[number]

/** A statistic that could not be computed: it does not apply to the data, or it is undefined on them. */
export interface Unavailable {
  value: null
  reason: string
}

/** A statistic's value with its working (`Extra`), or null with the reason (never a made-up 0 or 1). */
export type Estimate<Extra extends object = object> = ({ value: number } & Extra) | Unavailable

export interface CoefficientOptions {
  /**
   * Use Gwet's (2014) forms for incomplete data (units rated by fewer than all coders) instead
   * of answering "needs every unit rated by every coder" (SPEC REL9).
   */
  allowMissing?: boolean
  /**
   * Every category of the scale, in scale order. Needed when some categories were never used:
   * they still count for Brennan–Prediger's and AC1's q and for weighted kappa's distances.
   */
  categories?: readonly Rating[]
}

/** Terms of the chance-corrected coefficients: value = (pa − pe) / (1 − pe). */
export interface ChanceTerms {
  /** Observed agreement. */
  pa: number
  /** Agreement expected by chance. */
  pe: number
  /** Units that entered pa (rated by at least two coders). */
  units: number
}
