import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cohenKappa } from '.'
import { expandTable, irrAnxietyRaters23, sasTable3x3 } from './published-examples'

function valueOf(result: ReturnType<typeof cohenKappa>) {
  if (result.value === null) throw new Error(result.reason)
  return result
}

describe('Cohen’s kappa', () => {
  it('[REL3] reproduces Wikipedia "Cohen\'s kappa": 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → pa 0.7, pe 0.5, κ 0.4', () => {
    const result = valueOf(cohenKappa(expandTable([[20, 5], [10, 15]])))
    expect(result.pa).toBeCloseTo(0.7, 12)
    expect(result.pe).toBeCloseTo(0.5, 12)
    expect(result.value).toBeCloseTo(0.4, 12)
  })

  it('[REL3][REL4] reproduces SAS PROC FREQ: κ 0.4842, ASE 0.1380, CI 0.2137–0.7547, ASE(H0) 0.1484, Z 3.2626', () => {
    const result = valueOf(cohenKappa(expandTable(sasTable3x3)))
    expect(result.value).toBeCloseTo(0.4842, 4)
    expect(result.se).toBeCloseTo(0.138, 4)
    expect(result.value - 1.959964 * result.se!).toBeCloseTo(0.2137, 4)
    expect(result.value + 1.959964 * result.se!).toBeCloseTo(0.7547, 4)
    expect(result.seH0).toBeCloseTo(0.1484, 4)
    expect(result.z).toBeCloseTo(3.2626, 4)
  })

  it('[REL3][REL4] reproduces SAS’s weighted kappa (Cicchetti–Allison = linear): 0.4701, ASE 0.1457, ASE(H0) 0.1426, Z 3.2971', () => {
    const result = valueOf(cohenKappa(expandTable(sasTable3x3), { weights: 'linear' }))
    expect(result.value).toBeCloseTo(0.4701, 4)
    expect(result.se).toBeCloseTo(0.1457, 4)
    expect(result.seH0).toBeCloseTo(0.1426, 4)
    expect(result.z).toBeCloseTo(3.2971, 4)
  })

  it('[REL3][REL4] reproduces irr::kappa2 on anxiety raters 2–3, weights on the ranks of the categories that occur', () => {
    const none = valueOf(cohenKappa(irrAnxietyRaters23))
    const linear = valueOf(cohenKappa(irrAnxietyRaters23, { weights: 'linear' }))
    const quadratic = valueOf(cohenKappa(irrAnxietyRaters23, { weights: 'quadratic' }))
    expect(none.value).toBeCloseTo(-0.006289308, 8)
    expect(none.z).toBeCloseTo(-0.0604067, 6)
    expect(linear.value).toBeCloseTo(0.1459075, 7)
    expect(linear.z).toBeCloseTo(1.282472, 5)
    expect(quadratic.value).toBeCloseTo(0.2520325, 7)
    expect(quadratic.z).toBeCloseTo(1.437451, 5)
  })

  it('[REL3] matches scikit-learn 1.2.1 cohen_kappa_score (none / linear / quadratic), ranks of the values 1, 2, 5, 7', () => {
    // Computed with sklearn.metrics.cohen_kappa_score(a, b, weights=…) on these two lists (seeded random data).
    const a = [7, 1, 2, 5, 7, 7, 7, 7, 1, 2, 5, 7, 1, 2, 5, 5, 5, 1, 7, 5, 1, 1, 7, 7]
    const b = [7, 1, 2, 1, 7, 7, 7, 1, 2, 2, 2, 7, 1, 2, 5, 5, 5, 1, 7, 5, 2, 1, 7, 7]
    const m = a.map((x, i) => [x, b[i]])
    expect(valueOf(cohenKappa(m)).value).toBeCloseTo(0.7183098591549295, 12)
    expect(valueOf(cohenKappa(m, { weights: 'linear' })).value).toBeCloseTo(0.75, 12)
    expect(valueOf(cohenKappa(m, { weights: 'quadratic' })).value).toBeCloseTo(0.7681159420289855, 12)
  })

  it('[REL3] with the whole scale given, unused categories widen the distances', () => {
    // Categories 1–6 occur except 5: listing 5 makes 6 one rank further from the rest, so the weights change.
    const occurring = valueOf(cohenKappa(irrAnxietyRaters23, { weights: 'linear' })).value
    const full = valueOf(cohenKappa(irrAnxietyRaters23, { weights: 'linear', categories: [1, 2, 3, 4, 5, 6] })).value
    expect(full).not.toBeCloseTo(occurring, 3)
  })

  it('[REL3] quadratic weights give 2·s_xy / (s_x² + s_y² + (x̄ − ȳ)²) on the ranks (an exact identity)', () => {
    // Cohen (1968) / Fleiss & Cohen (1973): quadratic-weighted kappa is a covariance ratio, the
    // reason it tracks the ICC. Checked on random data whose categories are consecutive integers.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 2, maxLength: 60 }), (pairs) => {
        const used = [...new Set(pairs.flat())].sort((a, b) => a - b)
        fc.pre(used.length >= 2)
        const rank = (v: number) => used.indexOf(v)
        const xs = pairs.map(([x]) => rank(x))
        const ys = pairs.map(([, y]) => rank(y))
        const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length
        const mx = mean(xs)
        const my = mean(ys)
        const sxy = mean(xs.map((x, i) => (x - mx) * (ys[i] - my)))
        const sx = mean(xs.map((x) => (x - mx) ** 2))
        const sy = mean(ys.map((y) => (y - my) ** 2))
        const denominator = sx + sy + (mx - my) ** 2
        const result = cohenKappa(pairs, { weights: 'quadratic' })
        expect(result.value).toBeCloseTo((2 * sxy) / denominator, 10)
      }),
    )
  })

  it('[REL3] needs exactly two coders and complete data', () => {
    expect(cohenKappa([[1, 1, 1]])).toEqual({ value: null, reason: 'needs exactly 2 coders (found 3)' })
    expect(cohenKappa([[1, 2], [1, null]])).toEqual({ value: null, reason: expect.stringContaining('needs every unit rated by every coder (1 of 2 units are not)') })
  })

  it('[REL3] weights need an ordered scale', () => {
    expect(() => cohenKappa([['low', 'high'], ['high', 'high']], { weights: 'linear' })).toThrow(/ordered categories/)
    const ordered = cohenKappa([['low', 'high'], ['high', 'high'], ['mid', 'low']], { weights: 'linear', categories: ['low', 'mid', 'high'] })
    expect(ordered.value).not.toBeNull()
  })

  it('[REL10] is undefined, never 0 or 1, when one category occurs', () => {
    const result = cohenKappa([['yes', 'yes'], ['yes', 'yes']])
    expect(result).toEqual({ value: null, reason: expect.stringMatching(/only one category \("yes"\) occurs/) })
    // Two categories that never meet are fine: κ = (0 − 0) / (1 − 0) = 0.
    expect(cohenKappa([['yes', 'no'], ['yes', 'no']]).value).toBe(0)
  })
})
