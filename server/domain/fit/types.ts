/**
 * The vocabulary of framework fit (契合度, METHOD.md §4–5), shared by the scorer, the parsers,
 * the server, the UI and the realtime code. Plain types and constants only.
 */
import { z } from 'zod'

/** Whether a case's interviews describe an indicator concretely. */
export const fitStatuses = ['described', 'partial', 'none'] as const
export const fitStatusSchema = z.enum(fitStatuses)
export type FitStatus = z.infer<typeof fitStatusSchema>

/** Fit level of a case on one dimension, best first. */
export const fitLevels = ['high', 'medium', 'low'] as const
export type FitLevel = (typeof fitLevels)[number]

export interface Bilingual {
  zh: string
  en: string
}

/**
 * Statuses by case key, then indicator key. An indicator without an entry counts as `none`
 * (no evidence is the default, METHOD.md §4).
 */
export type StatusMap = Record<string, Partial<Record<string, FitStatus>>>

/** METHOD.md §4 defaults: partial counts half; ≤ 20% unseen is high, ≤ 50% is medium. */
export const defaultFitSettings = { partialWeight: 0.5, highAtMost: 0.2, mediumAtMost: 0.5 } as const

/**
 * Project settings that override the framework's own fit rule. Validated here so that the
 * server can parse them from a request body with the same schema.
 */
export const fitSettingsSchema = z.object({
  partialWeight: z.number().min(0).max(1).optional(),
  highAtMost: z.number().min(0).max(1).optional(),
  mediumAtMost: z.number().min(0).max(1).optional(),
})
export type FitSettings = z.infer<typeof fitSettingsSchema>
export type ResolvedFitSettings = Required<FitSettings>

export interface DimensionFit {
  /** Share of the dimension's indicators without concrete description, rounded to 4 decimals. */
  unseenShare: number
  /** Classified from the unrounded share. */
  level: FitLevel
  levelLabel: Bilingual
  /** How many of the dimension's indicators have each status (missing rows count as none). */
  counts: Record<FitStatus, number>
  indicators: number
}

export interface CaseFit {
  dimensions: Record<string, DimensionFit>
  model: Bilingual
}

/** The shape of `concord fit --json` and `GET /api/projects/:id/fit` (API.md). */
export interface FitReport {
  cases: Record<string, CaseFit>
  /** The rule the report was computed with, so a methods section can state it. */
  settings: ResolvedFitSettings
}
