import { describe, expect, it } from 'vitest'
import { ConcordError } from '../../../errors'
import { computeReliability, type RatingRow } from '.'
import { irrCacGender, krippendorff2011Missing, sasTable3x3, expandTable } from './published-examples'

/** Long-form rows of a matrix: unit u1…, coders A, B, C…; missing ratings are missing rows. */
function rowsOf(matrix: ReadonlyArray<ReadonlyArray<string | number | null>>): RatingRow[] {
  return matrix.flatMap((row, u) => row.flatMap((value, c) => (value === null ? [] : [{ unit: `u${u + 1}`, coder: String.fromCharCode(65 + c), value }])))
}

const documented = ['units', 'coders', 'level', 'krippendorffAlpha', 'fleissKappa', 'cohenKappa', 'scottPi', 'brennanPrediger', 'gwetAC1', 'percentAgreement', 'notes']

function problemsOf(f: () => unknown) {
  try {
    f()
  } catch (e) {
    if (e instanceof ConcordError && e.code === 'bad_input') return e.problems
    throw e
  }
  throw new Error('expected bad_input')
}

describe('computeReliability', () => {
  it('[REL14] gives API.md’s example for Krippendorff’s 12 units × 4 coders (nominal)', () => {
    const report = computeReliability(rowsOf(krippendorff2011Missing), 'nominal')
    for (const field of documented) expect(report).toHaveProperty(field)
    expect(report).toMatchObject({
      units: 12,
      coders: 4,
      level: 'nominal',
      krippendorffAlpha: 0.743,
      fleissKappa: null,
      cohenKappa: null,
      scottPi: null,
      brennanPrediger: null,
      gwetAC1: null,
      percentAgreement: null,
    })
    expect(report.notes).toContain('fleissKappa: needs every unit rated by every coder (4 of 12 units are not)')
    expect(report.notes).toContain('cohenKappa: needs exactly 2 coders (found 4)')
    expect(report.notes).toContain('krippendorffAlpha: 1 unit with fewer than 2 values is not pairable and left out')
    // Every null statistic is explained.
    for (const s of ['fleissKappa', 'cohenKappa', 'scottPi', 'brennanPrediger', 'gwetAC1', 'percentAgreement'])
      expect(report.notes.some((n) => n.startsWith(`${s}: `))).toBe(true)
    expect(report.bootstrap).toEqual({ method: 'units', replicates: 1000, seed: 1, undefinedReplicates: 0 })
    expect(report.alphaCI![0]).toBeLessThan(0.743)
    expect(report.alphaCI![1]).toBeGreaterThan(0.743)
  })

  it('[REL14] reports alpha at each level as Krippendorff (2011) does, with weighted kappa only beyond nominal', () => {
    const rows = rowsOf(krippendorff2011Missing)
    expect(computeReliability(rows, 'ordinal', { bootstrap: 0 }).krippendorffAlpha).toBe(0.815)
    expect(computeReliability(rows, 'interval', { bootstrap: 0 }).krippendorffAlpha).toBe(0.849)
    expect(computeReliability(rows, 'ratio', { bootstrap: 0 }).krippendorffAlpha).toBe(0.797)
    expect(computeReliability(rows, 'ratio', { bootstrap: 0 }).cohenKappaWeighted).toEqual({ linear: null, quadratic: null })
    expect(computeReliability(rows, 'nominal', { bootstrap: 0 })).not.toHaveProperty('cohenKappaWeighted')
    expect(computeReliability(rows, 'nominal', { bootstrap: 0 })).toMatchObject({ alphaCI: null, bootstrap: null })
  })

  it('[REL14] complete data with 4 coders: every multi-coder statistic, rounded to 3 decimals (irrCAC raw_gender)', () => {
    const report = computeReliability(rowsOf(irrCacGender), 'nominal', { bootstrap: 0 })
    expect(report).toMatchObject({ units: 15, coders: 4, krippendorffAlpha: 0.143, fleissKappa: 0.129, gwetAC1: 0.208, brennanPrediger: 0.183, percentAgreement: 0.456 })
    expect(report.cohenKappa).toBeNull()
    expect(report.scottPi).toBeNull()
    expect(report.details).toHaveProperty('fleissKappa.se', 0.141)
  })

  it('[REL14] two coders: Cohen and Scott apply, Fleiss does not; weighted kappa at the ordinal level', () => {
    const rows = rowsOf(expandTable(sasTable3x3))
    const report = computeReliability(rows, 'ordinal', { bootstrap: 0 })
    expect(report).toMatchObject({ coders: 2, cohenKappa: 0.484, fleissKappa: null, cohenKappaWeighted: { linear: 0.47 } })
    expect(report.scottPi).not.toBeNull()
    expect(report.notes).toContain('fleissKappa: needs 3 or more coders (with 2 coders it equals scottPi)')
    expect(report.notes.some((n) => n.includes('count exact matches only'))).toBe(true)
    expect(report.details).toHaveProperty('cohenKappa.se', 0.138)
  })

  it('[REL14] one category: the kappas are null with a note saying why', () => {
    const report = computeReliability(rowsOf([['yes', 'yes'], ['yes', 'yes']]), 'nominal')
    expect(report).toMatchObject({ cohenKappa: null, scottPi: null, gwetAC1: null, krippendorffAlpha: null, percentAgreement: 1 })
    expect(report.notes).toContain('cohenKappa: undefined: only one category ("yes") occurs, so agreement cannot be told from chance')
  })

  it('[REL14] nominal values are compared as text, numbers included', () => {
    const report = computeReliability(
      [
        { unit: '1', coder: 'a', value: 1 },
        { unit: '1', coder: 'b', value: '1' },
        { unit: '2', coder: 'a', value: 2 },
        { unit: '2', coder: 'b', value: '2' },
      ],
      'nominal',
    )
    expect(report.cohenKappa).toBe(1)
  })

  it('[REL16] lists every problem of the rows, each with its place', () => {
    const problems = problemsOf(() =>
      computeReliability(
        [
          { unit: 'u1', coder: 'a', value: '3' },
          { unit: 'u1', coder: 'a', value: '4' },
          { unit: '', coder: 'b', value: 'x' },
          { unit: 'u2', coder: 'b', value: '' },
          { unit: 'u3', coder: 'b', value: '-1' },
        ],
        'ratio',
      ),
    )
    expect(problems).toEqual([
      { path: 'ratings[1]', message: 'duplicate rating of unit "u1" by coder "a" (first at ratings[0])' },
      { path: 'ratings[2]', message: 'empty unit' },
      { path: 'ratings[2]', message: 'value "x" is not a number (the ratio level needs numbers)' },
      { path: 'ratings[3]', message: 'empty value (leave the row out for a missing rating)' },
      { path: 'ratings[4]', message: 'value -1 is negative (the ratio level needs values ≥ 0)' },
    ])
  })

  it('[REL16] the ordinal level takes numbers only, and says how to recode', () => {
    const problems = problemsOf(() => computeReliability([{ unit: 'u1', coder: 'a', value: 'high' }], 'ordinal'))
    expect(problems[0].message).toMatch(/not a number: the ordinal level takes numbers, whose numeric order is the scale order/)
    expect(() => computeReliability([], 'nominal')).toThrow(/no ratings/)
    expect(() => computeReliability([{ unit: 'u', coder: 'a', value: 1 }], 'metric' as never)).toThrow(/unknown level "metric"/)
  })
})
