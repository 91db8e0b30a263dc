import { defaultFitSettings, type FitLevel, type ResolvedFitSettings } from './types'

/**
 * Shares are computed in floating point (0.1 × 3 = 0.30000000000000004) while thresholds are
 * decimal literals, so "at most" allows this much rounding noise. Real differences between
 * shares are multiples of 1/indicators (times the partial weight), far above it.
 */
const ROUNDING_NOISE = 1e-9

/**
 * The fit level of an unseen share; both bounds inclusive (METHOD.md §4).
 * @example classifyLevel(0.2) // 'high'; classifyLevel(0.5) // 'medium'; classifyLevel(0.51) // 'low'
 */
export function classifyLevel(
  unseenShare: number,
  thresholds: Pick<ResolvedFitSettings, 'highAtMost' | 'mediumAtMost'> = defaultFitSettings,
): FitLevel {
  if (unseenShare <= thresholds.highAtMost + ROUNDING_NOISE) return 'high'
  if (unseenShare <= thresholds.mediumAtMost + ROUNDING_NOISE) return 'medium'
  return 'low'
}
