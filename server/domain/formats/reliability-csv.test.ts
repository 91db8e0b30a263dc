import { describe, expect, it } from 'vitest'
import { ConcordError } from '../../errors'
import { parseReliabilityCsv } from './reliability-csv'

function problemsOf(f: () => unknown) {
  try {
    f()
  } catch (e) {
    if (e instanceof ConcordError && e.code === 'bad_input') return e.problems
    throw e
  }
  throw new Error('expected bad_input')
}

describe('parseReliabilityCsv', () => {
  it('[REL17] reads unit,coder,value in any column order, with a BOM', () => {
    const rows = parseReliabilityCsv('\uFEFFcoder,value,unit\na,yes,s1\nb,no,s1\n', 'data.csv')
    expect(rows).toEqual([
      { unit: 's1', coder: 'a', value: 'yes' },
      { unit: 's1', coder: 'b', value: 'no' },
    ])
  })

  it('[REL17] a wrong header names the file and line', () => {
    expect(problemsOf(() => parseReliabilityCsv('unit,rater,value\nu1,a,1\n', 'data.csv'))).toEqual([
      { path: 'data.csv:1', message: 'missing column "coder" (expected header: unit,coder,value)' },
      { path: 'data.csv:1', message: 'unexpected column "rater" (expected header: unit,coder,value)' },
    ])
  })

  it('[REL17] a file with only a header is bad input', () => {
    expect(problemsOf(() => parseReliabilityCsv('unit,coder,value\n', 'data.csv'))).toEqual([{ path: 'data.csv:2', message: 'no rows: expected unit,coder,value' }])
  })

  it('[REL16][REL17] lists every duplicate and non-numeric value as file:line, counting blank lines', () => {
    const text = 'unit,coder,value\nu1,a,1\n\nu1,a,2\nu2,a,two\nu2,b,3\n'
    expect(problemsOf(() => parseReliabilityCsv(text, 'data.csv', 'interval'))).toEqual([
      { path: 'data.csv:4', message: 'duplicate rating of unit "u1" by coder "a" (first at data.csv:2)' },
      { path: 'data.csv:5', message: 'value "two" is not a number (the interval level needs numbers)' },
    ])
    // The same file is fine at the nominal level except for the duplicate.
    expect(problemsOf(() => parseReliabilityCsv(text, 'data.csv'))).toHaveLength(1)
  })
})
