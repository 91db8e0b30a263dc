import { describe, expect, it } from 'vitest'
import { ConcordError } from '../../errors'
import { parseCodingsCsv, parseLengthsCsv } from './codings-csv'

function thrown(fn: () => unknown): ConcordError {
  try {
    fn()
  } catch (e) {
    if (e instanceof ConcordError) return e
    throw e
  }
  throw new Error('expected a ConcordError')
}

describe('parseCodingsCsv', () => {
  it('[SPAN12] parses rows in any column order, with a BOM, keeping file:line', () => {
    const text = '\uFEFFcoder,document,code,start,end\na,T1,X,0,5\n\nb,T1,"Y, z",3,9\n'
    expect(parseCodingsCsv(text, 'codings.csv')).toEqual([
      { document: 'T1', coder: 'a', code: 'X', start: 0, end: 5, source: 'codings.csv:2' },
      { document: 'T1', coder: 'b', code: 'Y, z', start: 3, end: 9, source: 'codings.csv:4' },
    ])
  })

  it('[SPAN12] a header-only file gives no codings', () => {
    expect(parseCodingsCsv('document,coder,code,start,end\n', 'c.csv')).toEqual([])
  })

  it('[SPAN12] lists every bad row as file:line', () => {
    const text = [
      'document,coder,code,start,end',
      'T1,a,X,0,5',
      'T1,a,X,5,5',
      'T1,a,X,-1,3',
      'T1,a,X,1.5,3',
      ',a,,0,1',
      'T1,a,X,9,2',
      'T1,a,X,abc,',
    ].join('\n')
    const e = thrown(() => parseCodingsCsv(text, 'codings.csv'))
    expect(e.code).toBe('bad_input')
    expect(e.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'codings.csv:3: end (5) must be greater than start (5)',
      'codings.csv:4: start must be a non-negative integer, got "-1"',
      'codings.csv:5: start must be a non-negative integer, got "1.5"',
      'codings.csv:6: document is empty',
      'codings.csv:6: code is empty',
      'codings.csv:7: end (2) must be greater than start (9)',
      'codings.csv:8: start must be a non-negative integer, got "abc"',
      'codings.csv:8: end must be a non-negative integer, got ""',
    ])
    expect(e.message).toContain('codings.csv')
  })

  it('[SPAN12] a wrong header is bad input naming the file', () => {
    const e = thrown(() => parseCodingsCsv('document,coder,code,begin,end\nT1,a,X,0,5', 'codings.csv'))
    expect(e.code).toBe('bad_input')
    expect(e.problems.some((p) => p.path === 'codings.csv:1' && p.message.includes('"start"'))).toBe(true)
  })
})

describe('parseLengthsCsv', () => {
  it('[SPAN13] parses document lengths in file order', () => {
    expect(parseLengthsCsv('document,length\nT2,100\nT1,0\n', 'lengths.csv')).toEqual([
      { document: 'T2', length: 100, source: 'lengths.csv:2' },
      { document: 'T1', length: 0, source: 'lengths.csv:3' },
    ])
  })

  it('[SPAN13] duplicates and bad lengths are all listed', () => {
    const e = thrown(() => parseLengthsCsv('document,length\nT1,10\nT1,12\nT2,-3\n,4\nT3,1e3', 'lengths.csv'))
    expect(e.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'lengths.csv:3: document "T1" is listed twice (first at lengths.csv:2)',
      'lengths.csv:4: length must be a non-negative integer, got "-3"',
      'lengths.csv:5: document is empty',
      'lengths.csv:6: length must be a non-negative integer, got "1e3"',
    ])
  })
})
