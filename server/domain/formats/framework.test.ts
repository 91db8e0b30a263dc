import { describe, expect, it } from 'vitest'
import seed from '../../../db/seed/framework.json'
import type { ConcordError } from '../../errors'
import { parseFramework, parseFrameworkText, readFitRule } from './framework'

function problemsOf(run: () => unknown): ConcordError['problems'] {
  try {
    run()
  } catch (e) {
    expect((e as ConcordError).code).toBe('bad_input')
    return (e as ConcordError).problems
  }
  throw new Error('expected bad input')
}

const small = {
  fitRule: { partialWeight: 0.25, levels: [{ level: 'high', unseenAtMost: 0.3 }, { level: 'medium', unseenAtMost: 0.6 }, { level: 'low', unseenAbove: 0.6 }] },
  dimensions: [
    { key: 'a', zh: '甲', en: 'A', indicators: [{ key: 'a.1', zh: '一', en: 'one' }] },
    { key: 'b', zh: '乙', en: 'B', short: { zh: '乙', en: 'b' }, indicators: [{ key: 'b.1', zh: '一', en: 'one' }, { key: 'b.2', zh: '二', en: 'two' }] },
  ],
}

describe('framework file', () => {
  it('[FIT20] accepts the seed framework, alone or as the whole seed file, with its fit rule', () => {
    const fw = parseFramework(seed.framework, 'framework.json')
    expect(fw.dimensions.map((d) => d.key)).toEqual(['talent', 'technology', 'administration'])
    expect(readFitRule(fw)).toEqual({ partialWeight: 0.5, highAtMost: 0.2, mediumAtMost: 0.5 })
    expect(parseFrameworkText(JSON.stringify(seed), 'seed.json')).toEqual(fw)
  })

  it('[FIT20] accepts any number of dimensions and its own thresholds and partial weight', () => {
    const fw = parseFrameworkText(JSON.stringify(small), 'small.json')
    expect(fw.dimensions).toHaveLength(2)
    expect(readFitRule(fw)).toEqual({ partialWeight: 0.25, highAtMost: 0.3, mediumAtMost: 0.6 })
    expect(readFitRule(parseFramework({ dimensions: small.dimensions }, 'x.json'))).toEqual({ partialWeight: undefined, highAtMost: undefined, mediumAtMost: undefined })
  })

  it('[FIT20] lists every problem with the line it is on', () => {
    const bad = {
      fitRule: { partialWeight: 1.5, levels: [{ level: 'high', unseenAtMost: 0.6 }, { level: 'medium', unseenAtMost: 0.5 }] },
      dimensions: [
        { key: 'a', zh: '甲', en: 'A', indicators: [{ key: 'a.1', zh: '一', en: 'one' }] },
        { key: 'b', zh: '乙', en: 'B', indicators: [] },
        { key: 'c', zh: '丙', indicators: [{ key: 'c.1', zh: '一', en: 'one' }] },
      ],
    }
    const text = JSON.stringify(bad, null, 2)
    const lineOf = (needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length
    expect(problemsOf(() => parseFrameworkText(text, 'fw.json'))).toEqual([
      { path: `fw.json:${lineOf('"partialWeight"')}`, message: 'fitRule.partialWeight: must be between 0 and 1' },
      { path: `fw.json:${lineOf('"indicators": []')}`, message: 'dimensions.1.indicators: a dimension needs at least one indicator' },
      // A missing member is reported on the line of the object that lacks it.
      { path: `fw.json:${lineOf('{', text.indexOf('"key": "c"') - 10)}`, message: expect.stringMatching(/^dimensions\.2\.en: /) },
    ])
  })

  it('[FIT20] duplicate keys and incoherent thresholds, once the shape is right', () => {
    const dup = structuredClone(small)
    dup.dimensions[1].key = 'a'
    dup.dimensions[1].indicators[1].key = 'a.1'
    dup.fitRule.levels = [{ level: 'high', unseenAtMost: 0.7 }, { level: 'medium', unseenAtMost: 0.6 }, { level: 'low', unseenAbove: 0.5 }]
    const text = JSON.stringify(dup, null, 2)
    const messages = problemsOf(() => parseFrameworkText(text, 'fw.json')).map((p) => p.message)
    expect(messages).toEqual([
      'dimensions.1.key: duplicate dimension key "a" (also dimension 0)',
      'dimensions.1.indicators.1.key: duplicate indicator key "a.1" (also at dimensions.0.indicators.0)',
      'fitRule.levels: the high threshold (0.7) is above the medium threshold (0.6)',
      'fitRule.levels.2.unseenAbove: low starts above 0.5 but medium ends at 0.6: they must be equal',
    ])
    expect(problemsOf(() => parseFramework({ ...small, fitRule: { levels: [{ level: 'high', unseenAtMost: 0.2 }] } }, 'fw.json')).map((p) => p.message)).toEqual([
      'fitRule.levels: the medium level needs "unseenAtMost"',
    ])
  })

  it('[FIT20] an empty file or invalid JSON is bad input with a line', () => {
    expect(problemsOf(() => parseFrameworkText(' \n', 'fw.json'))).toEqual([{ path: 'fw.json:1', message: 'empty file' }])
    expect(problemsOf(() => parseFrameworkText('{\n  "dimensions": [\n  ,]\n}', 'fw.json'))).toEqual([{ path: 'fw.json:3', message: expect.any(String) }])
    expect(problemsOf(() => parseFrameworkText('[]', 'fw.json'))[0].path).toBe('fw.json:1')
  })
})
