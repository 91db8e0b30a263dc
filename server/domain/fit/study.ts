/**
 * The study Concord was built for (METHOD.md, db/seed/framework.json): its framework and the
 * statuses of its four cases. Used as the CLI's default framework, by the demo seed and by tests
 * that must reproduce the study's published table.
 */
import seed from '../../../db/seed/framework.json'
import { parseFramework, type Framework } from '../formats/framework'
import type { Bilingual, FitLevel, FitStatus, StatusMap } from './types'

const seedFile = 'db/seed/framework.json'

export interface StudyCase {
  key: string
  name: Bilingual
  statuses: Record<string, FitStatus>
  /** The study's published result for the case: level per dimension and the model. */
  expected: { levels: Record<string, FitLevel>; model: Bilingual }
}

/** The study's framework, validated (a fresh copy on each call: callers may mutate it). */
export function studyFramework(): Framework {
  return parseFramework(seed.framework, seedFile)
}

/** The statuses of the study's four cases, S, Z, K and T. */
export function studyStatuses(): StatusMap {
  return Object.fromEntries(studyCases().map((c) => [c.key, c.statuses]))
}

/** The study's cases with their names and published results. */
export function studyCases(): StudyCase[] {
  return seed.cases.map((c) => {
    const { model, ...levels } = c.expected
    return {
      key: c.key,
      name: { zh: c.zh, en: c.en },
      statuses: { ...c.statuses } as Record<string, FitStatus>,
      expected: { levels: levels as Record<string, FitLevel>, model: { ...model } },
    }
  })
}
