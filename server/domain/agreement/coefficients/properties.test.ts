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

/**
 * Krippendorff's alpha straight from the definitions of Krippendorff (2011): build the coincidence
 * matrix o_ck value by value, the margins n_c, the metric δ²_ck, then α. Slow and plain on purpose.
 */
function alphaByDefinition(matrix: (number | null)[][], level: Level): number | null {
  const units = matrix.map((row) => row.filter((v): v is number => v !== null)).filter((vs) => vs.length >= 2)
  const scale = [...new Set(units.flat())].sort((a, b) => a - b)
  const o = scale.map(() => scale.map(() => 0))
  for (const vs of units)
    vs.forEach((a, i) => vs.forEach((b, j) => {
      if (i !== j) o[scale.indexOf(a)][scale.indexOf(b)] += 1 / (vs.length - 1)
    }))
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0))
  const n = nc.reduce((s, x) => s + x, 0)
  const delta = (c: number, k: number) => {
    const [vc, vk] = [scale[c], scale[k]]
    if (level === 'nominal') return c === k ? 0 : 1
    if (level === 'interval') return (vc - vk) ** 2
    if (level === 'ratio') return vc + vk === 0 ? 0 : ((vc - vk) / (vc + vk)) ** 2
    const [lo, hi] = [Math.min(c, k), Math.max(c, k)]
    let between = 0
    for (let g = lo; g <= hi; g++) between += nc[g]
    return (between - (nc[c] + nc[k]) / 2) ** 2
  }
  let observed = 0
  let expected = 0
  scale.forEach((_, c) => scale.forEach((__, k) => {
    observed += o[c][k] * delta(c, k)
    expected += nc[c] * nc[k] * delta(c, k)
  }))
  return expected === 0 ? null : 1 - ((n - 1) * observed) / expected
}

describe('alpha against its definition', () => {
  it('[REL11][REL12] equals a direct coincidence-matrix computation at every level, few or many distinct values', () => {
    const matrix = (maxValue: number) =>
      fc.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 25 })).chain(([coders, units]) =>
        fc.array(fc.array(fc.option(fc.integer({ min: 0, max: maxValue }), { freq: 3, nil: null }), { minLength: coders, maxLength: coders }), { minLength: units, maxLength: units }),
      )
    // Up to 4 values per unit pattern-key as numbers; 60 distinct values take the text-key path.
    fc.assert(
      fc.property(fc.oneof(matrix(4), matrix(60)), fc.constantFrom(...allLevels), (m, level) => {
        const expected = alphaByDefinition(m, level)
        const result = krippendorffAlpha(m, level)
        if (expected === null) expect(result.value).toBeNull()
        else expect(result.value).toBeCloseTo(expected, 9)
      }),
    )
  })
})

