import { describe, expect, it } from 'vitest'
import type { ConcordError } from '../../errors'
import { studyFramework, studyStatuses } from '../fit/study'
import { parseStatusesCsv } from './statuses-csv'

const fw = studyFramework()

/** The problems a bad file yields; fails the test if it parses. */
function problemsOf(text: string): ConcordError['problems'] {
  try {
    parseStatusesCsv(text, 'statuses.csv', fw)
  } catch (e) {
    expect((e as ConcordError).code).toBe('bad_input')
    return (e as ConcordError).problems
  }
  throw new Error('expected bad input')
}

describe('statuses CSV', () => {
  it('[FIT18] parses rows into statuses by case, cases in file order, columns in any order', () => {
    const text = 'status,case,indicator\ndescribed,Z,talent.programs\nnone,A,talent.lifelong\r\npartial,Z,technology.rnd\n'
    const parsed = parseStatusesCsv(text, 'statuses.csv', fw)
    expect(parsed).toEqual({ Z: { 'talent.programs': 'described', 'technology.rnd': 'partial' }, A: { 'talent.lifelong': 'none' } })
    expect(Object.keys(parsed)).toEqual(['Z', 'A'])
  })

  it('[FIT18] round-trips the study statuses written as CSV (with a BOM, as Excel writes)', () => {
    const rows = Object.entries(studyStatuses()).flatMap(([c, s]) => Object.entries(s).map(([i, v]) => `${c},${i},${v}`))
    expect(parseStatusesCsv('\uFEFFcase,indicator,status\n' + rows.join('\n'), 'statuses.csv', fw)).toEqual(studyStatuses())
  })

  it('[FIT18] a wrong header, an empty file or a header without rows is bad input naming the line', () => {
    expect(problemsOf('case,indicator,value\nS,talent.programs,described\n')).toEqual([
      { path: 'statuses.csv:1', message: expect.stringContaining('missing column "status"') },
      { path: 'statuses.csv:1', message: expect.stringContaining('unexpected column "value"') },
    ])
    expect(problemsOf('')).toEqual([{ path: 'statuses.csv:1', message: 'empty file' }])
    expect(problemsOf('  \n\n')).toEqual([{ path: 'statuses.csv:1', message: 'empty file' }])
    expect(problemsOf('case,indicator,status\n')).toEqual([{ path: 'statuses.csv:2', message: expect.stringContaining('no rows') }])
  })

  it('[FIT19] lists every unknown indicator, unknown status, duplicate row and empty case with its line', () => {
    const text = [
      'case,indicator,status',
      'S,talent.programs,described', // 2
      'S,rnd,described', // 3: unknown indicator (prefix left out)
      'S,talent.curricula,yes', // 4: unknown status
      '',
      'S,talent.programs,none', // 6: duplicate of line 2
      ',talent.teaching,none', // 7: empty case
      'S,nowhere,maybe', // 8: two problems
    ].join('\n')
    expect(problemsOf(text)).toEqual([
      { path: 'statuses.csv:3', message: 'unknown indicator "rnd" (did you mean "technology.rnd"?)' },
      { path: 'statuses.csv:4', message: 'unknown status "yes" (expected described, partial, none)' },
      { path: 'statuses.csv:6', message: 'duplicate row for case "S", indicator "talent.programs" (first on line 2)' },
      { path: 'statuses.csv:7', message: 'empty case' },
      { path: 'statuses.csv:8', message: 'unknown indicator "nowhere"' },
      { path: 'statuses.csv:8', message: expect.stringContaining('unknown status "maybe"') },
    ])
  })

  it('[FIT19] the same indicator in two cases is not a duplicate', () => {
    expect(parseStatusesCsv('case,indicator,status\nS,talent.programs,none\nT,talent.programs,none', 'x.csv', fw)).toEqual({
      S: { 'talent.programs': 'none' },
      T: { 'talent.programs': 'none' },
    })
  })

  it('[FIT19] status words are case-insensitive and the study\'s Chinese terms are accepted', () => {
    const text = 'case,indicator,status\nS,talent.programs,Described\nS,talent.curricula,部分描述\nS,talent.teaching,未见具体描述\nS,talent.lifelong,有具体描述\nS,talent.certificates, NONE '
    expect(parseStatusesCsv(text, 'x.csv', fw)).toEqual({
      S: { 'talent.programs': 'described', 'talent.curricula': 'partial', 'talent.teaching': 'none', 'talent.lifelong': 'described', 'talent.certificates': 'none' },
    })
  })
})
