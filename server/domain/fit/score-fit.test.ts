import { describe, expect, it } from 'vitest'
import { ConcordError } from '../../errors'
import { classifyLevel } from './classify-level'
import { computeUnseenShare, resolveFitSettings, scoreFit } from './score-fit'
import { studyCases, studyFramework, studyStatuses } from './study'
import { suggestStatus } from './suggest-status'
import { dimensionStatuses, makeFramework, repeat } from './test-frameworks'
import type { FitStatus } from './types'

/** Scores one case on a one-dimension framework of `list.length` indicators. */
function scoreOne(list: FitStatus[], settings = {}, fitRule?: Parameters<typeof makeFramework>[1]) {
  return scoreFit(makeFramework([list.length], fitRule), { c: dimensionStatuses(0, list) }, settings).cases.c.dimensions.d0
}

describe('fit scoring', () => {
  it('[FIT1] an indicator with no status row counts as none; a case with no rows is all none', () => {
    const fw = makeFramework([4])
    const report = scoreFit(fw, { partialRows: { 'd0.0': 'described', 'd0.1': 'described' }, empty: {} })
    expect(report.cases.partialRows.dimensions.d0).toMatchObject({ unseenShare: 0.5, counts: { described: 2, partial: 0, none: 2 } })
    expect(report.cases.empty.dimensions.d0).toMatchObject({ unseenShare: 1, level: 'low', counts: { described: 0, partial: 0, none: 4 } })
  })

  it('[FIT1] statuses of indicators outside the framework do not count', () => {
    const report = scoreFit(makeFramework([2]), { c: { 'd0.0': 'described', 'd0.1': 'described', 'elsewhere.x': 'none' } })
    expect(report.cases.c.dimensions.d0).toMatchObject({ unseenShare: 0, indicators: 2 })
  })

  it('[FIT1] a status outside the vocabulary is bad input naming case and indicator', () => {
    const bad = { c: { 'd0.0': 'Described' } } as unknown as Parameters<typeof scoreFit>[1]
    expect(() => scoreFit(makeFramework([1]), bad)).toThrow(
      expect.objectContaining({ code: 'bad_input', problems: [{ path: 'statuses.c.d0.0', message: expect.stringContaining('"Described"') }] }),
    )
  })

  it('[FIT2] partial counts half by default: (none + 0.5 × partial) / indicators', () => {
    // 1 none + 2 partial of 5 → (1 + 1) / 5 = 0.4, the study's case T on administration.
    expect(scoreOne(['described', 'partial', 'described', 'none', 'partial'])).toMatchObject({ unseenShare: 0.4, level: 'medium' })
    // 3 partial of 5 → 1.5 / 5 = 0.3 → medium; as described they would be high.
    expect(scoreOne(['partial', 'partial', 'partial', 'described', 'described']).level).toBe('medium')
    expect(computeUnseenShare({ described: 4, partial: 2, none: 1 }, 0.5)).toBeCloseTo(2 / 7, 12)
  })

  it('[FIT2] a custom partial weight changes the count of partial statuses', () => {
    const list: FitStatus[] = ['partial', 'partial', 'described', 'described', 'described']
    expect(scoreOne(list, { partialWeight: 0 })).toMatchObject({ unseenShare: 0, level: 'high' })
    expect(scoreOne(list, { partialWeight: 1 })).toMatchObject({ unseenShare: 0.4, level: 'medium' })
    expect(scoreOne(list, { partialWeight: 0.25 })).toMatchObject({ unseenShare: 0.1, level: 'high' })
  })

  it('[FIT3] exactly 20% unseen is high', () => {
    expect(scoreOne(['none', ...repeat('described', 4)])).toMatchObject({ unseenShare: 0.2, level: 'high' })
    expect(scoreOne([...repeat('none', 2), ...repeat('described', 8)]).level).toBe('high')
    // 2 partial of 5 at weight 0.5 is also exactly 1/5.
    expect(scoreOne([...repeat('partial', 2), ...repeat('described', 3)]).level).toBe('high')
    expect(classifyLevel(0.2)).toBe('high')
    expect(classifyLevel(1 / 5)).toBe('high')
    // Just above the bound is medium: 3 none of 14 = 0.214…
    expect(scoreOne([...repeat('none', 3), ...repeat('described', 11)]).level).toBe('medium')
  })

  it('[FIT4] exactly 50% unseen is medium; above 50% is low', () => {
    expect(scoreOne([...repeat('none', 2), ...repeat('described', 2)])).toMatchObject({ unseenShare: 0.5, level: 'medium' })
    expect(scoreOne(['none', 'partial', 'partial', 'described'])).toMatchObject({ unseenShare: 0.5, level: 'medium' })
    expect(classifyLevel(0.5)).toBe('medium')
    // 4 none of 7 = 0.571… is low (the study's case T on technology has 5 of 7).
    expect(scoreOne([...repeat('none', 4), ...repeat('described', 3)]).level).toBe('low')
    expect(classifyLevel(0.5000001)).toBe('low')
  })

  it('[FIT5] a share equal to a threshold in exact arithmetic gets the better level despite float noise', () => {
    // 3 partial × 0.2 / 3 is 0.20000000000000004 in floating point, exactly 0.2 in fact.
    expect((0.2 * 3) / 3).toBeGreaterThan(0.2)
    expect(scoreOne(repeat('partial', 3), { partialWeight: 0.2 }).level).toBe('high')
    // (2 + 0.1) / 3 is 0.7000000000000001 in floating point; the medium bound is 0.7.
    expect((2 + 0.1) / 3).toBeGreaterThan(0.7)
    expect(scoreOne(['none', 'none', 'partial'], { partialWeight: 0.1, highAtMost: 0.3, mediumAtMost: 0.7 }).level).toBe('medium')
  })

  it('[FIT6] levels come from the unrounded share; the report rounds to 4 decimals', () => {
    expect(scoreOne([...repeat('none', 3), ...repeat('described', 4)]).unseenShare).toBe(0.4286)
    expect(scoreOne(['none', ...repeat('described', 5)]).unseenShare).toBe(0.1667)
    // 1001 none of 5004 = 0.20004…: shown as 0.2, yet above the bound, so medium.
    const fit = scoreOne([...repeat('none', 1001), ...repeat('described', 5004 - 1001)])
    expect(fit).toMatchObject({ unseenShare: 0.2, level: 'medium' })
    const tiny = scoreOne([...repeat('none', 1), ...repeat('described', 4)], { highAtMost: 0.19999 })
    expect(tiny).toMatchObject({ unseenShare: 0.2, level: 'medium' })
  })

  it('[FIT7] custom thresholds from the framework and from settings, settings winning', () => {
    const list: FitStatus[] = ['none', 'none', 'none', 'described', 'described', 'described', 'described', 'described', 'described', 'described'] // 30%
    expect(scoreOne(list).level).toBe('medium')
    const levels = [
      { level: 'high' as const, unseenAtMost: 0.3 },
      { level: 'medium' as const, unseenAtMost: 0.6 },
    ]
    expect(scoreOne(list, {}, { levels }).level).toBe('high')
    expect(scoreOne(list, { highAtMost: 0.1 }, { levels }).level).toBe('medium')
    expect(scoreOne(list, { highAtMost: 0.1, mediumAtMost: 0.25 }, { levels }).level).toBe('low')
    expect(resolveFitSettings(makeFramework([1], { partialWeight: 1, levels }))).toEqual({ partialWeight: 1, highAtMost: 0.3, mediumAtMost: 0.6 })
    expect(resolveFitSettings(makeFramework([1]))).toEqual({ partialWeight: 0.5, highAtMost: 0.2, mediumAtMost: 0.5 })
  })

  it('[FIT7] incoherent settings are bad input naming each setting', () => {
    const fw = makeFramework([1])
    try {
      scoreFit(fw, {}, { highAtMost: 0.6, mediumAtMost: 0.5, partialWeight: 2 })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ConcordError)
      expect((e as ConcordError).code).toBe('bad_input')
      expect((e as ConcordError).problems.map((p) => p.path).sort()).toEqual(['settings.highAtMost', 'settings.partialWeight'])
    }
  })

  it('[FIT8] a framework of 2 dimensions', () => {
    const fw = makeFramework([4, 3])
    const report = scoreFit(fw, { c: { ...dimensionStatuses(0, ['none', 'described', 'described', 'described']), ...dimensionStatuses(1, ['none', 'none', 'described']) } })
    expect(report.cases.c.dimensions).toMatchObject({ d0: { unseenShare: 0.25, level: 'medium' }, d1: { unseenShare: 0.6667, level: 'low' } })
    expect(Object.keys(report.cases.c.dimensions)).toEqual(['d0', 'd1'])
    expect(report.cases.c.model).toEqual({ zh: '非均衡', en: 'unbalanced' })
  })

  it('[FIT8] a framework of 5 dimensions, one indicator each at the smallest', () => {
    const fw = makeFramework([1, 2, 5, 3, 10])
    const report = scoreFit(fw, {
      c: {
        ...dimensionStatuses(0, ['described']),
        ...dimensionStatuses(1, ['partial', 'described']), // 0.25 medium
        ...dimensionStatuses(2, ['none', ...repeat('described', 4)]), // 0.2 high
        ...dimensionStatuses(3, ['none', 'none', 'partial']), // 0.8333 low
        ...dimensionStatuses(4, repeat('described', 10)),
      },
    })
    const dims = report.cases.c.dimensions
    expect(Object.fromEntries(Object.entries(dims).map(([k, d]) => [k, [d.unseenShare, d.level]]))).toEqual({
      d0: [0, 'high'],
      d1: [0.25, 'medium'],
      d2: [0.2, 'high'],
      d3: [0.8333, 'low'],
      d4: [0, 'high'],
    })
    expect(report.cases.c.model).toEqual({ zh: '强维0+强维2+强维4（非均衡）', en: 'strong dim0 + strong dim2 + strong dim4 (unbalanced)' })
  })
})

describe('fit report', () => {
  it('[FIT14] has the documented shape, cases in the order given, and states its settings', () => {
    const fw = makeFramework([2], { levels: [{ level: 'high', zh: '高', unseenAtMost: 0.2 }, { level: 'medium', unseenAtMost: 0.5 }] })
    const report = scoreFit(fw, { b: {}, a: dimensionStatuses(0, ['described', 'described']) })
    expect(Object.keys(report.cases)).toEqual(['b', 'a'])
    expect(report.cases.a).toEqual({
      dimensions: { d0: { unseenShare: 0, level: 'high', levelLabel: { zh: '高', en: 'high fit' }, counts: { described: 2, partial: 0, none: 0 }, indicators: 2 } },
      model: { zh: '强均衡', en: 'strong balanced' },
    })
    expect(report.cases.b.dimensions.d0.levelLabel).toEqual({ zh: '低契合度', en: 'low fit' })
    expect(report.settings).toEqual({ partialWeight: 0.5, highAtMost: 0.2, mediumAtMost: 0.5 })
  })
})

describe('the study (METHOD.md §5, db/seed/framework.json)', () => {
  // The reference is the study's own published table (METHOD.md §5), copied into each case's
  // `expected` block of the seed: the product must reproduce it exactly.
  const report = scoreFit(studyFramework(), studyStatuses())

  it('[FIT15] reproduces the table of METHOD.md §5 exactly', () => {
    const table = Object.fromEntries(
      Object.entries(report.cases).map(([k, c]) => [k, [c.dimensions.talent.level, c.dimensions.technology.level, c.dimensions.administration.level, c.model.zh]]),
    )
    expect(table).toEqual({
      S: ['high', 'high', 'high', '强均衡'],
      Z: ['high', 'medium', 'high', '强人才+强行政（非均衡）'],
      K: ['medium', 'medium', 'high', '强行政（非均衡）'],
      T: ['high', 'low', 'medium', '强人才（非均衡）'],
    })
  })

  it.each(studyCases().map((c) => [c.key, c] as const))('[FIT15] case %s matches its expected block in the seed', (key, c) => {
    const fit = report.cases[key]
    expect(Object.fromEntries(Object.entries(fit.dimensions).map(([d, v]) => [d, v.level]))).toEqual(c.expected.levels)
    expect(fit.model).toEqual(c.expected.model)
  })

  it('[FIT15] gives the unseen shares of API.md for case Z and the ones the statuses imply', () => {
    expect(report.cases.Z.dimensions).toMatchObject({
      talent: { unseenShare: 0, level: 'high' },
      technology: { unseenShare: 0.4286, level: 'medium' },
      administration: { unseenShare: 0.2, level: 'high' },
    })
    expect(report.cases.Z.model).toEqual({ zh: '强人才+强行政（非均衡）', en: 'strong talent + strong administration (unbalanced)' })
    // T: technology 5 none of 7; administration 1 none + 2 partial of 5 → (1 + 1) / 5.
    expect(report.cases.T.dimensions.technology.unseenShare).toBe(0.7143)
    expect(report.cases.T.dimensions.administration).toMatchObject({ unseenShare: 0.4, counts: { described: 2, partial: 2, none: 1 } })
    expect(report.cases.K.dimensions.talent.unseenShare).toBe(0.4)
    expect(report.cases.S.dimensions.technology.levelLabel).toEqual({ zh: '高契合度', en: 'high fit' })
  })

  it('[FIT15] the study framework has 5 + 7 + 5 = 17 indicators and every seed status is one of them', () => {
    const fw = studyFramework()
    expect(fw.dimensions.map((d) => d.indicators.length)).toEqual([5, 7, 5])
    const keys = new Set(fw.dimensions.flatMap((d) => d.indicators.map((i) => i.key)))
    for (const c of studyCases()) expect(new Set(Object.keys(c.statuses))).toEqual(keys)
  })
})

describe('suggestStatus', () => {
  it('[FIT17] any evidence suggests described, none suggests none, never partial', () => {
    expect(suggestStatus(0)).toBe('none')
    expect(suggestStatus(1)).toBe('described')
    expect(suggestStatus(12)).toBe('described')
  })
})
