import { badInput, type Problem } from '../../errors'
import { readFitRule, type Framework, type FrameworkDimension } from '../formats/framework'
import { classifyLevel } from './classify-level'
import { levelLabels } from './labels'
import { nameModel } from './name-model'
import {
  defaultFitSettings,
  fitStatuses,
  type Bilingual,
  type CaseFit,
  type DimensionFit,
  type FitLevel,
  type FitReport,
  type FitSettings,
  type FitStatus,
  type ResolvedFitSettings,
  type StatusMap,
} from './types'

/**
 * Scores every case in `statuses` against the framework (METHOD.md §4–5): per dimension the
 * unseen share and its level, per case the construction model. Missing statuses count as none;
 * statuses of indicators outside the framework are ignored. `settings` (project settings)
 * override the framework's fit rule, which overrides the METHOD.md defaults.
 * @example scoreFit(studyFramework(), studyStatuses()).cases.Z.model.zh // '强人才+强行政（非均衡）'
 */
export function scoreFit(framework: Framework, statuses: StatusMap, settings: FitSettings = {}): FitReport {
  const rule = resolveFitSettings(framework, settings)
  checkStatuses(statuses)
  const cases: Record<string, CaseFit> = {}
  for (const [caseKey, caseStatuses] of Object.entries(statuses)) {
    const dimensions: Record<string, DimensionFit> = {}
    const levels: Record<string, FitLevel> = {}
    for (const dimension of framework.dimensions) {
      const fit = scoreDimension(framework, dimension, caseStatuses, rule)
      dimensions[dimension.key] = fit
      levels[dimension.key] = fit.level
    }
    cases[caseKey] = { dimensions, model: nameModel(framework.dimensions, levels) }
  }
  return { cases, settings: rule }
}

/**
 * Unseen share = (none + partialWeight × partial) / indicators. Unrounded: levels are
 * classified from this value, and only the report rounds it.
 */
export function computeUnseenShare(counts: Record<FitStatus, number>, partialWeight: number): number {
  const total = counts.described + counts.partial + counts.none
  if (total === 0) throw new Error('computeUnseenShare: a dimension needs at least one indicator')
  return (counts.none + partialWeight * counts.partial) / total
}

/** Defaults ← the framework's fit rule ← project settings; throws `bad_input` if incoherent. */
export function resolveFitSettings(framework: Framework, settings: FitSettings = {}): ResolvedFitSettings {
  const rule: ResolvedFitSettings = { ...defaultFitSettings }
  for (const layer of [readFitRule(framework), settings])
    for (const key of Object.keys(rule) as Array<keyof ResolvedFitSettings>) {
      const value = layer[key]
      if (value !== undefined) rule[key] = value
    }
  const problems: Problem[] = []
  for (const [key, value] of Object.entries(rule))
    if (!(Number.isFinite(value) && value >= 0 && value <= 1)) problems.push({ path: `settings.${key}`, message: `must be between 0 and 1 (got ${value})` })
  if (rule.highAtMost > rule.mediumAtMost)
    problems.push({ path: 'settings.highAtMost', message: `the high threshold (${rule.highAtMost}) is above the medium threshold (${rule.mediumAtMost})` })
  if (problems.length) throw badInput('invalid fit settings', problems)
  return rule
}

function scoreDimension(
  framework: Framework,
  dimension: FrameworkDimension,
  caseStatuses: StatusMap[string],
  rule: ResolvedFitSettings,
): DimensionFit {
  const counts: Record<FitStatus, number> = { described: 0, partial: 0, none: 0 }
  for (const indicator of dimension.indicators) counts[caseStatuses[indicator.key] ?? 'none']++
  const share = computeUnseenShare(counts, rule.partialWeight)
  const level = classifyLevel(share, rule)
  return {
    unseenShare: Math.round(share * 10_000) / 10_000,
    level,
    levelLabel: levelLabel(framework, level),
    counts,
    indicators: dimension.indicators.length,
  }
}

/** The framework's own label for a level when it gives one (the study's 高契合度), else ours. */
function levelLabel(framework: Framework, level: FitLevel): Bilingual {
  const own = framework.fitRule?.levels?.find((l) => l.level === level)
  return { zh: own?.zh || levelLabels[level].zh, en: own?.en || levelLabels[level].en }
}

/** Statuses may come from a database or a request body: reject values outside the vocabulary. */
function checkStatuses(statuses: StatusMap) {
  const problems: Problem[] = []
  for (const [caseKey, byIndicator] of Object.entries(statuses))
    for (const [indicator, status] of Object.entries(byIndicator))
      if (status !== undefined && !(fitStatuses as readonly string[]).includes(status))
        problems.push({ path: `statuses.${caseKey}.${indicator}`, message: `unknown status "${status}" (expected ${fitStatuses.join(', ')})` })
  if (problems.length) throw badInput('invalid fit statuses', problems)
}
