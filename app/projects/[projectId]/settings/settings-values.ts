/**
 * The settings form's values and the PATCH body they become. Numbers are kept as the text the
 * lead typed, so a half-typed "0." is not rewritten under their cursor; they are checked here.
 */
import type { CodingMode, ProjectSettings } from '@/db/schema/projects'

export interface SettingsValues {
  name: string
  description: string
  codingMode: CodingMode
  highAtMost: string
  mediumAtMost: string
  partialWeight: string
  rationaleRequired: boolean
  boundaryTolerance: string
  coderSeesRevealed: boolean
}

export type SettingsProblem = { field: keyof SettingsValues; kind: 'required' | 'fraction' | 'order' | 'integer' }

export function valuesOf(p: { name: string; description: string; codingMode: CodingMode; settings: ProjectSettings }): SettingsValues {
  return {
    name: p.name,
    description: p.description,
    codingMode: p.codingMode,
    highAtMost: String(p.settings.fit.highAtMost),
    mediumAtMost: String(p.settings.fit.mediumAtMost),
    partialWeight: String(p.settings.fit.partialWeight),
    rationaleRequired: p.settings.rationaleRequired,
    boundaryTolerance: String(p.settings.boundaryTolerance),
    coderSeesRevealed: p.settings.coderSeesRevealed,
  }
}

const fraction = (s: string) => (s.trim() === '' ? NaN : Number(s))

/** Every problem at once (the same rules as the server), or the body to send. */
export function toUpdate(v: SettingsValues): { problems: SettingsProblem[]; body: unknown } {
  const problems: SettingsProblem[] = []
  if (!v.name.trim()) problems.push({ field: 'name', kind: 'required' })
  const fit = { highAtMost: fraction(v.highAtMost), mediumAtMost: fraction(v.mediumAtMost), partialWeight: fraction(v.partialWeight) }
  for (const k of ['highAtMost', 'mediumAtMost', 'partialWeight'] as const) {
    if (!(fit[k] >= 0 && fit[k] <= 1)) problems.push({ field: k, kind: 'fraction' })
  }
  if (fit.highAtMost > fit.mediumAtMost) problems.push({ field: 'highAtMost', kind: 'order' })
  const tolerance = v.boundaryTolerance.trim() === '' ? NaN : Number(v.boundaryTolerance)
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 1000) problems.push({ field: 'boundaryTolerance', kind: 'integer' })
  const body = {
    name: v.name.trim(),
    description: v.description.trim(),
    codingMode: v.codingMode,
    settings: { fit, rationaleRequired: v.rationaleRequired, boundaryTolerance: tolerance, coderSeesRevealed: v.coderSeesRevealed },
  }
  return { problems, body }
}
