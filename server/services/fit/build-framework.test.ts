import { describe, expect, it } from 'vitest'
import { scoreFit } from '../../domain/fit/score-fit'
import { studyCases, studyFramework } from '../../domain/fit/study'
import { studyTemplate } from '../projects/study-template'
import { buildFramework, type CodeRowForFramework } from './build-framework'

const row = (id: string, parentId: string | null, position: number, extra: Partial<CodeRowForFramework> = {}): CodeRowForFramework => ({
  id, parentId, key: null, nameZh: `码${id}`, nameEn: `code ${id}`, color: '#888', position, ...extra,
})

describe('buildFramework', () => {
  it('the study template codebook gives the study framework, which reproduces the study', () => {
    const tpl = studyTemplate()
    const rows = tpl.codes.map((c, i) => ({ id: `id-${c.key}`, parentId: c.parentKey ? `id-${c.parentKey}` : null, key: c.key, nameZh: c.nameZh, nameEn: c.nameEn, shortZh: c.shortZh, shortEn: c.shortEn, color: c.color, position: i }))
    const { framework } = buildFramework(rows.reverse())
    const study = studyFramework()
    expect(framework.dimensions.map((d) => [d.key, d.short, d.indicators.map((i) => i.key)])).toEqual(study.dimensions.map((d) => [d.key, d.short, d.indicators.map((i) => i.key)]))
    const report = scoreFit(framework, Object.fromEntries(studyCases().map((c) => [c.key, c.statuses])))
    for (const c of studyCases()) expect(report.cases[c.key].model).toEqual(c.expected.model)
  })

  it('dimensions are top-level codes with children; sub-codes roll up to their indicator; keys fall back to ids', () => {
    const rows = [
      row('d1', null, 0, { key: 'dup' }),
      row('i1', 'd1', 0, { key: 'dup' }), // a reused key is not unique: both use their ids
      row('s1', 'i1', 0),
      row('s2', 's1', 0),
      row('i2', 'd1', 1, { nameEn: '' }),
      row('lonely', null, 1), // no children: not a dimension
      row('orphan', 'gone', 2), // parent deleted: top-level, no children
    ]
    const fw = buildFramework(rows)
    expect(fw.framework.dimensions).toHaveLength(1)
    expect(fw.framework.dimensions[0].key).toBe('d1')
    expect(fw.framework.dimensions[0].indicators.map((i) => [i.key, i.en])).toEqual([['i1', 'code i1'], ['i2', '码i2']])
    expect(fw.framework.dimensions[0].short).toBeUndefined()
    expect(Object.fromEntries(fw.indicatorOfCode)).toEqual({ i1: 'i1', s1: 'i1', s2: 'i1', i2: 'i2' })
    expect(fw.indicatorIdByKey.get('i2')).toBe('i2')
  })

  it('an empty codebook has no dimensions', () => {
    expect(buildFramework([]).framework.dimensions).toEqual([])
  })
})
