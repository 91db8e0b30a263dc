import { describe, expect, it } from 'vitest'
import { nameModel, shortLabel } from './name-model'
import { scoreFit } from './score-fit'
import { studyFramework } from './study'
import { dimensionStatuses, makeFramework, repeat } from './test-frameworks'
import type { FitLevel } from './types'

const study = studyFramework().dimensions
const levels = (talent: FitLevel, technology: FitLevel, administration: FitLevel) => ({ talent, technology, administration })

describe('construction model', () => {
  it('[FIT9] every dimension high is strong balanced', () => {
    expect(nameModel(study, levels('high', 'high', 'high'))).toEqual({ zh: '强均衡', en: 'strong balanced' })
  })

  it('[FIT10] every dimension medium is medium balanced, every dimension low is weak balanced', () => {
    expect(nameModel(study, levels('medium', 'medium', 'medium'))).toEqual({ zh: '中均衡', en: 'medium balanced' })
    expect(nameModel(study, levels('low', 'low', 'low'))).toEqual({ zh: '弱均衡', en: 'weak balanced' })
  })

  it('[FIT10] scored end to end: all medium and all low cases', () => {
    const fw = makeFramework([4, 2])
    const report = scoreFit(fw, {
      mid: { ...dimensionStatuses(0, ['none', 'none', 'described', 'described']), ...dimensionStatuses(1, ['partial', 'described']) },
      weak: { ...dimensionStatuses(0, repeat('none', 4)), ...dimensionStatuses(1, ['none', 'partial']) },
    })
    expect(report.cases.mid.model.zh).toBe('中均衡')
    expect(report.cases.weak.model.zh).toBe('弱均衡')
  })

  it('[FIT11] unbalanced cases are named by their high dimensions in framework order', () => {
    expect(nameModel(study, levels('high', 'medium', 'high'))).toEqual({ zh: '强人才+强行政（非均衡）', en: 'strong talent + strong administration (unbalanced)' })
    expect(nameModel(study, levels('low', 'high', 'medium'))).toEqual({ zh: '强科技（非均衡）', en: 'strong technology (unbalanced)' })
    expect(nameModel(study, levels('high', 'high', 'low'))).toEqual({ zh: '强人才+强科技（非均衡）', en: 'strong talent + strong technology (unbalanced)' })
    // Order follows the framework, not the order of the levels object.
    expect(nameModel(study, { administration: 'high', technology: 'low', talent: 'high' }).zh).toBe('强人才+强行政（非均衡）')
  })

  it('[FIT12] mixed levels without any high dimension are plain unbalanced', () => {
    expect(nameModel(study, levels('medium', 'low', 'medium'))).toEqual({ zh: '非均衡', en: 'unbalanced' })
    expect(nameModel(study, levels('low', 'medium', 'low'))).toEqual({ zh: '非均衡', en: 'unbalanced' })
  })

  it('[FIT13] without a short label the dimension name is used', () => {
    const dims = [
      { key: 'a', zh: '甲维度', en: 'Alpha' },
      { key: 'b', zh: '乙维度', en: 'Beta', short: { zh: '乙', en: 'beta' } },
      { key: 'c', zh: '丙维度', en: 'Gamma' },
    ]
    expect(nameModel(dims, { a: 'high', b: 'high', c: 'medium' })).toEqual({ zh: '强甲维度+强乙（非均衡）', en: 'strong Alpha + strong beta (unbalanced)' })
    expect(shortLabel(dims[0])).toEqual({ zh: '甲维度', en: 'Alpha' })
    expect(shortLabel(study[1])).toEqual({ zh: '科技', en: 'technology' })
  })

  it('[FIT11] a missing level is a programming error, not a silent name', () => {
    expect(() => nameModel(study, { talent: 'high', technology: 'high' })).toThrow(/administration/)
  })
})
