/**
 * Conventional readings of agreement coefficients, in English and Chinese (SPEC BAND1–BAND3 in
 * coefficients/SPEC.md). Bands are judged on the exact value, not on the rounded one shown: an
 * alpha of 0.7996 prints as 0.800 yet is "tentative", as Krippendorff's threshold is α ≥ .800.
 */

export interface Band {
  key: AlphaBandKey | KappaBandKey
  label: { zh: string; en: string }
  /** Whose convention this is, for a methods section. */
  source: string
}

export type AlphaBandKey = 'reliable' | 'tentative' | 'unreliable'
export type KappaBandKey = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almostPerfect'

const krippendorff = 'Krippendorff (2004), Content Analysis, 2nd ed. (α ≥ .800 reliable, ≥ .667 tentative)'
const landisKoch = 'Landis & Koch (1977), Biometrics 33:159–174'

const labels: Record<AlphaBandKey | KappaBandKey, { zh: string; en: string }> = {
  reliable: { zh: '可靠', en: 'reliable' },
  tentative: { zh: '仅可作暂定结论', en: 'tentative' },
  unreliable: { zh: '不可靠', en: 'unreliable' },
  poor: { zh: '差', en: 'poor' },
  slight: { zh: '轻微', en: 'slight' },
  fair: { zh: '一般', en: 'fair' },
  moderate: { zh: '中等', en: 'moderate' },
  substantial: { zh: '高度', en: 'substantial' },
  almostPerfect: { zh: '几乎完全一致', en: 'almost perfect' },
}

const band = (key: AlphaBandKey | KappaBandKey, source: string): Band => ({ key, label: labels[key], source })

/** Krippendorff: α ≥ 0.800 reliable, α ≥ 0.667 tentative, otherwise unreliable. */
export function readAlphaBand(alpha: number): Band {
  return band(alpha >= 0.8 ? 'reliable' : alpha >= 0.667 ? 'tentative' : 'unreliable', krippendorff)
}

/**
 * Landis & Koch for kappa-type coefficients: < 0 poor, ≤ 0.20 slight, ≤ 0.40 fair, ≤ 0.60
 * moderate, ≤ 0.80 substantial, otherwise almost perfect (their 0.21–0.40 etc. with the gaps closed).
 */
export function readKappaBand(kappa: number): Band {
  const key: KappaBandKey =
    kappa < 0 ? 'poor' : kappa <= 0.2 ? 'slight' : kappa <= 0.4 ? 'fair' : kappa <= 0.6 ? 'moderate' : kappa <= 0.8 ? 'substantial' : 'almostPerfect'
  return band(key, landisKoch)
}

const alphaStatistics = new Set(['krippendorffAlpha', 'unitizingAlpha'])
const kappaStatistics = new Set(['cohenKappa', 'fleissKappa', 'scottPi', 'brennanPrediger', 'gwetAC1', 'characterKappa'])

/** The band of a reported statistic by its report name; null for percent agreement, unknown names or a null value. */
export function readBand(statistic: string, value: number | null): Band | null {
  if (value === null || !Number.isFinite(value)) return null
  if (alphaStatistics.has(statistic)) return readAlphaBand(value)
  if (kappaStatistics.has(statistic)) return readKappaBand(value)
  return null
}
