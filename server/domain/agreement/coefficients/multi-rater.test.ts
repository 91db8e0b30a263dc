import { describe, expect, it } from 'vitest'
import { brennanPrediger, fleissKappa, gwetAC1, percentAgreement, scottPi } from '.'
import {
  expandCounts,
  fleiss1971Diagnoses,
  irrCac5Observers,
  irrCacGender,
  krippendorff2011Binary,
  krippendorff2011Missing,
  krippendorff2011Nominal,
  wikipediaFleissCounts,
} from './published-examples'

const value = (e: { value: number | null }) => e.value

describe('percent agreement', () => {
  it('[REL2] is pairwise per unit, averaged over units, with the unanimous share beside it', () => {
    // 3 coders: unit 1 all agree (3/3 pairs), unit 2 one dissents (1/3 pairs agree), unit 3 all differ (0/3).
    const result = percentAgreement([
      ['x', 'x', 'x'],
      ['x', 'x', 'y'],
      ['x', 'y', 'z'],
    ])
    expect(result.value).toBeCloseTo((1 + 1 / 3 + 0) / 3, 12)
    expect(result.value !== null && result.unanimous).toBeCloseTo(1 / 3, 12)
  })

  it('[REL2] with complete data equals the mean of every coder pair’s percent agreement', () => {
    const m = fleiss1971Diagnoses
    const pairs: number[] = []
    for (let a = 0; a < 6; a++)
      for (let b = a + 1; b < 6; b++) pairs.push(m.filter((row) => row[a] === row[b]).length / m.length)
    expect(percentAgreement(m).value).toBeCloseTo(pairs.reduce((s, x) => s + x, 0) / pairs.length, 12)
  })

  it('[REL2][REL9] Gwet’s missing-data form gives irrCAC’s pa 0.8182 on Krippendorff’s data', () => {
    // irrCAC (cac.raw4raters): pa = 0.8181818 for Fleiss, AC1 and BP alike; 9 agreeing units-worth / 11 pairable units.
    expect(percentAgreement(krippendorff2011Missing, { allowMissing: true }).value).toBeCloseTo(9 / 11, 12)
  })
})

describe('Fleiss’ kappa', () => {
  it('[REL6] reproduces the Wikipedia / Fleiss (1971) worked example: P̄ 0.378, P̄e 0.213, κ 0.210', () => {
    const result = fleissKappa(expandCounts(wikipediaFleissCounts))
    if (result.value === null) throw new Error(result.reason)
    expect(result.pa).toBeCloseTo(0.378, 3)
    expect(result.pe).toBeCloseTo(0.213, 3)
    expect(result.value).toBeCloseTo(0.21, 3)
  })

  it('[REL6] reproduces irr::kappam.fleiss on Fleiss’ (1971) diagnoses: κ 0.4302445, z 17.65183 (FNL 1979 null SE)', () => {
    const result = fleissKappa(fleiss1971Diagnoses)
    if (result.value === null) throw new Error(result.reason)
    expect(result.value).toBeCloseTo(0.4302445, 7)
    expect(result.value / result.seH0!).toBeCloseTo(17.65183, 4)
  })

  it('[REL6][REL9] matches irrCAC on incomplete data: cac.raw4raters κ 0.76117 (pe 0.23872, se 0.15302)', () => {
    // irrCAC raw.py docstring, fleiss() on raw_4raters = Krippendorff's 2011 data. By hand: π = (3, 3.25,
    // 3.5, 1.25, 1)/12, pe = Σπ² = 0.238715, κ = (9/11 − pe)/(1 − pe) = 0.76117 (not 0.7628, a figure
    // sometimes quoted for this data; and 0.7754 is AC1, not Krippendorff's alpha, which is 0.7434).
    const result = fleissKappa(krippendorff2011Missing, { allowMissing: true })
    if (result.value === null) throw new Error(result.reason)
    expect(result.value).toBeCloseTo(0.76117, 5)
    expect(result.pe).toBeCloseTo(0.23872, 5)
    expect(result.se).toBeCloseTo(0.15302, 5)
    expect(result.seH0).toBeNull()
  })

  it('[REL6] matches irrCAC on complete data (raw_gender): κ 0.129, pe 0.375, se 0.141; and raw_5observers κ 0.458, se 0.120', () => {
    const check = (e: ReturnType<typeof fleissKappa>, published: number[]) => {
      if (e.value === null) throw new Error(e.reason)
      ;[e.value, e.pa, e.pe, e.se!].forEach((x, i) => expect(Math.abs(x - published[i])).toBeLessThanOrEqual(0.0005 + 1e-12))
    }
    check(fleissKappa(irrCacGender), [0.129, 0.456, 0.375, 0.141])
    check(fleissKappa(irrCac5Observers, { allowMissing: true }), [0.458, 0.616, 0.291, 0.12])
  })

  it('[REL9] without allowMissing, incomplete data give null with the reason', () => {
    const result = fleissKappa(krippendorff2011Missing)
    expect(result).toEqual({ value: null, reason: expect.stringContaining('needs every unit rated by every coder') })
  })
})

describe('Scott’s pi', () => {
  it('[REL5] on Krippendorff’s binary example: pa 0.6, pe 0.58 by hand (14 zeros, 6 ones of 20), π = 0.02/0.42', () => {
    const result = scottPi(krippendorff2011Binary)
    if (result.value === null) throw new Error(result.reason)
    expect(result.pa).toBeCloseTo(0.6, 12)
    expect(result.pe).toBeCloseTo(0.49 + 0.09, 12)
    expect(result.value).toBeCloseTo(0.02 / 0.42, 12)
  })

  it('[REL5] equals Fleiss’ kappa on the same two coders, and needs exactly two', () => {
    expect(value(scottPi(krippendorff2011Nominal))).toBeCloseTo(value(fleissKappa(krippendorff2011Nominal))!, 12)
    expect(scottPi(fleiss1971Diagnoses)).toEqual({ value: null, reason: expect.stringContaining('needs exactly 2 coders') })
  })
})

describe('Brennan–Prediger and Gwet’s AC1', () => {
  it('[REL7][REL8][REL9] match irrCAC on cac.raw4raters: BP 0.77273 (pe 0.2, se 0.145), AC1 0.77544 (pe 0.19032, se 0.14295)', () => {
    // Not 0.7576 for BP: with q = 5 categories, (0.81818 − 0.2) / 0.8 = 0.77273, as irrCAC prints.
    const bp = brennanPrediger(krippendorff2011Missing, { allowMissing: true })
    const ac1 = gwetAC1(krippendorff2011Missing, { allowMissing: true })
    if (bp.value === null || ac1.value === null) throw new Error('undefined')
    expect(bp.value).toBeCloseTo(0.77273, 5)
    expect(bp.pe).toBe(0.2)
    expect(bp.se).toBeCloseTo(0.145, 3)
    expect(ac1.value).toBeCloseTo(0.77544, 5)
    expect(ac1.pe).toBeCloseTo(0.19032, 5)
    expect(ac1.se).toBeCloseTo(0.14295, 5)
  })

  it('[REL7][REL8] match irrCAC on raw_gender (complete) and raw_5observers (missing)', () => {
    const check = (e: ReturnType<typeof gwetAC1>, published: [number, number, number]) => {
      if (e.value === null) throw new Error(e.reason)
      // irrCAC prints 3 decimals, rounding half to even (AC1's pe on raw_gender is exactly 0.3125 → 0.312).
      ;[e.value, e.pe, e.se!].forEach((x, i) => expect(Math.abs(x - published[i])).toBeLessThanOrEqual(0.0005 + 1e-12))
    }
    check(gwetAC1(irrCacGender), [0.208, 0.312, 0.091])
    check(brennanPrediger(irrCacGender), [0.183, 0.333, 0.102])
    check(gwetAC1(irrCac5Observers, { allowMissing: true }), [0.497, 0.236, 0.122])
    check(brennanPrediger(irrCac5Observers, { allowMissing: true }), [0.487, 0.25, 0.121])
  })

  it('[REL7] counts the given categories in q even when unused', () => {
    // Two coders, 4 units, only "yes"/"no" used; on a 4-point scale chance is 1/4, not 1/2.
    const m = [['yes', 'yes'], ['no', 'no'], ['yes', 'no'], ['no', 'no']]
    expect(value(brennanPrediger(m))).toBeCloseTo((0.75 - 0.5) / 0.5, 12)
    expect(value(brennanPrediger(m, { categories: ['yes', 'no', 'maybe', 'n/a'] }))).toBeCloseTo((0.75 - 0.25) / 0.75, 12)
  })
})

describe('one category', () => {
  const single = [['a', 'a'], ['a', 'a'], ['a', 'a']]
  it('[REL10] Fleiss, Scott and AC1 are undefined with a reason; percent agreement is 1; BP needs q ≥ 2', () => {
    for (const result of [fleissKappa([['a', 'a', 'a'], ['a', 'a', 'a']]), scottPi(single), gwetAC1(single)]) {
      expect(result.value).toBeNull()
      expect(result.value === null && result.reason).toMatch(/only one category \("a"\) occurs/)
    }
    expect(gwetAC1(single, { categories: ['a', 'b'] }).value).toBeNull()
    expect(percentAgreement(single).value).toBe(1)
    expect(brennanPrediger(single).value).toBeNull()
    expect(brennanPrediger(single, { categories: ['a', 'b'] }).value).toBe(1)
  })
})
