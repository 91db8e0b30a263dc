/** Frameworks and statuses built for tests: dimension `d<i>` has indicators `d<i>.<j>`. */
import type { Framework } from '../formats/framework'
import type { FitStatus } from './types'

export function makeFramework(sizes: number[], fitRule?: Framework['fitRule']): Framework {
  return {
    fitRule,
    dimensions: sizes.map((n, i) => ({
      key: `d${i}`,
      zh: `维度${i}`,
      en: `dimension ${i}`,
      short: { zh: `维${i}`, en: `dim${i}` },
      indicators: Array.from({ length: n }, (_, j) => ({ key: `d${i}.${j}`, zh: `指标${i}.${j}`, en: `indicator ${i}.${j}` })),
    })),
  }
}

/** Statuses for one dimension from a list: the j-th entry is indicator `d<i>.<j>`. */
export function dimensionStatuses(i: number, list: FitStatus[]): Record<string, FitStatus> {
  return Object.fromEntries(list.map((s, j) => [`d${i}.${j}`, s]))
}

export const repeat = (status: FitStatus, n: number): FitStatus[] => Array.from({ length: n }, () => status)
