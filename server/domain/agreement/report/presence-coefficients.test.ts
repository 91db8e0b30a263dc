/**
 * The pattern-count path (AGR13) against the coefficients module itself on random presence
 * tables: every value, every working term (standard errors included) and every reason must match.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countPresencePatterns, pairPatterns, poolPatterns, presenceCoefficients } from './presence-coefficients'
import { pairPresence, poolPresence, type PresenceTable } from './presence-tables'
import { coefficientsOfTable, encodePresence } from './table-coefficients'

const table = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, 0.05, 0.3, 0.5, 0.95, 1))
  .chain(([coders, units, p]) =>
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: coders * units, maxLength: coders * units }).map((xs): PresenceTable => ({
      coders,
      units,
      cells: Uint8Array.from(xs, (x) => (x < p ? 1 : 0)),
      unitDocument: new Int32Array(units),
    })),
  )

function expectSame(a: unknown, b: unknown, path = '') {
  if (typeof b === 'number') {
    expect(typeof a, path).toBe('number')
    if (Number.isFinite(b)) expect(a as number, path).toBeCloseTo(b, 10)
    else expect(a, path).toBe(b)
  } else if (b && typeof b === 'object') {
    expect(Object.keys(a as object).sort(), path).toEqual(Object.keys(b).sort())
    for (const k of Object.keys(b)) expectSame((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`)
  } else expect(a, path).toEqual(b)
}

describe('presence coefficients from pattern counts', () => {
  it('[AGR13] equal the coefficients module on random complete 0/1 tables (values, terms, standard errors, reasons)', () => {
    fc.assert(
      fc.property(table, (t) => {
        expectSame(presenceCoefficients(t), coefficientsOfTable(encodePresence(t), 'nominal'))
      }),
      { numRuns: 400 },
    )
  })

  it('[AGR13] all absent, all present, a single unit', () => {
    for (const cells of [[0, 0, 0, 0], [1, 1, 1, 1], [0, 1], [1, 0, 1, 1, 0, 0]]) {
      const t: PresenceTable = { coders: 2, units: cells.length / 2, cells: Uint8Array.from(cells), unitDocument: new Int32Array(cells.length / 2) }
      expectSame(presenceCoefficients(t), coefficientsOfTable(encodePresence(t), 'nominal'))
    }
  })

  it('[AGR13] a coder pair’s and the pooled table’s counts equal counting those tables themselves', () => {
    fc.assert(
      fc.property(fc.array(table, { minLength: 1, maxLength: 4 }), (list) => {
        const m = list[0].coders
        const same = list.filter((t) => t.coders === m)
        const pooled = poolPresence(same, m)
        expect(poolPatterns(same.map(countPresencePatterns), m)).toEqual(countPresencePatterns(pooled))
        for (let a = 0; a < m; a++)
          for (let b = a + 1; b < m; b++) expect(pairPatterns(countPresencePatterns(pooled), a, b)).toEqual(countPresencePatterns(pairPresence(pooled, a, b)))
      }),
      { numRuns: 150 },
    )
  })
})
