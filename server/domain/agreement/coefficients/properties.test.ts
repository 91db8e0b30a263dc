/**
 * Properties of every coefficient on random data (fast-check): what must hold whatever the data.
 * A failing seed printed by fast-check belongs in a regression test below the properties.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeCoefficients, fleissKappa, krippendorffAlpha, reportedStatistics, type CoefficientSet, type Level } from '.'

const categories = ['a', 'b', 'c', 'd']

/** units × coders, complete, 2–5 coders, 2–30 units. */
const completeMatrix = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 30 }))
  .chain(([coders, units]) => fc.array(fc.array(fc.constantFrom(...categories), { minLength: coders, maxLength: coders }), { minLength: units, maxLength: units }))

/** The same with ratings missing at random (numbers 1–5, for the numeric levels too). */
const sparseMatrix = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 30 }))
  .chain(([coders, units]) =>
    fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { freq: 4, nil: null }), { minLength: coders, maxLength: coders }), { minLength: units, maxLength: units }),
  )

const permutation = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })

/** Every statistic's value, with weighted kappa, for comparison. */
function values(set: CoefficientSet): Array<number | null> {
  return [...reportedStatistics.map((s) => set[s].value), set.cohenKappaWeighted?.linear.value ?? null, set.cohenKappaWeighted?.quadratic.value ?? null]
}

function expectSameValues(a: Array<number | null>, b: Array<number | null>) {
  a.forEach((x, i) => {
    if (x === null) expect(b[i]).toBeNull()
    else expect(b[i]).toBeCloseTo(x, 9)
  })
}

const allLevels: Level[] = ['nominal', 'ordinal', 'interval', 'ratio']

describe('invariance', () => {
  it('[REL15] reordering the units changes no statistic', () => {
    fc.assert(
      fc.property(
        sparseMatrix.chain((m) => fc.tuple(fc.constant(m), permutation(m.length), fc.constantFrom(...allLevels))),
        ([m, order, level]) => expectSameValues(values(computeCoefficients(m, level)), values(computeCoefficients(order.map((u) => m[u]), level))),
      ),
    )
  })

  it('[REL15] reordering the coders changes no statistic (complete and incomplete data)', () => {
    fc.assert(
      fc.property(
        fc.oneof(completeMatrix, sparseMatrix).chain((m) => fc.tuple(fc.constant(m), permutation(m[0].length))),
        ([m, order]) => {
          const level: Level = typeof m.flat().find((v) => v !== null) === 'number' ? 'ordinal' : 'nominal'
          expectSameValues(values(computeCoefficients(m, level)), values(computeCoefficients(m.map((row) => order.map((c) => row[c])), level)))
        },
      ),
    )
  })

  it('[REL15] renaming nominal categories changes no statistic', () => {
    fc.assert(
      fc.property(completeMatrix, fc.shuffledSubarray(['x', 'y', 'z', 'w'], { minLength: 4, maxLength: 4 }), (m, names) => {
        const renamed = m.map((row) => row.map((v) => names[categories.indexOf(v)]))
        expectSameValues(values(computeCoefficients(m, 'nominal')), values(computeCoefficients(renamed, 'nominal')))
      }),
    )
  })

  it('[REL15] perfect agreement on two or more categories gives 1 for every statistic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 30 }).filter((u) => new Set(u).size >= 2),
        fc.constantFrom(...allLevels),
        (coders, units, level) => {
          const set = computeCoefficients(units.map((v) => Array(coders).fill(v)), level)
          for (const v of values(set)) if (v !== null) expect(v).toBeCloseTo(1, 12)
          expect(set.krippendorffAlpha.value).toBeCloseTo(1, 12)
          expect(set.gwetAC1.value).toBeCloseTo(1, 12)
          expect(set.percentAgreement.value).toBe(1)
          expect(coders === 2 ? set.cohenKappa.value : set.fleissKappa.value).toBeCloseTo(1, 12)
        },
      ),
    )
  })
})

describe('one category', () => {
  it('[REL10] kappa, pi, Fleiss, AC1 and alpha are null with a reason, never 0 or 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 20 }), fc.constantFrom('yes', 7), (coders, units, only) => {
        const set = computeCoefficients(Array.from({ length: units }, () => Array(coders).fill(only)), typeof only === 'number' ? 'interval' : 'nominal')
        for (const s of ['cohenKappa', 'scottPi', 'fleissKappa', 'gwetAC1', 'krippendorffAlpha'] as const) {
          const result = set[s]
          expect(result.value).toBeNull()
          expect(result.value === null && result.reason.length).toBeGreaterThan(0)
        }
        expect(set.percentAgreement.value).toBe(1)
      }),
    )
  })
})

describe('alpha and Fleiss’ kappa', () => {
  it('[REL11][REL6] with complete nominal data, 1 − α = (1 − κ_Fleiss)·(n − 1)/n, n = all values', () => {
    // Krippendorff's D_e divides by n(n−1) where Fleiss' chance term divides by n²: the two
    // independent implementations (coincidences vs Gwet's per-unit terms) must meet exactly.
    fc.assert(
      fc.property(completeMatrix, (m) => {
        const alpha = krippendorffAlpha(m)
        const fleiss = fleissKappa(m)
        fc.pre(alpha.value !== null && fleiss.value !== null)
        const n = m.length * m[0].length
        expect(1 - alpha.value!).toBeCloseTo(((1 - fleiss.value!) * (n - 1)) / n, 10)
      }),
    )
  })
})
