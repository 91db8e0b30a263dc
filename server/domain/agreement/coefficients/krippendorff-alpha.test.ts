import { describe, expect, it } from 'vitest'
import { krippendorffAlpha, levels, type KrippendorffAlpha } from '.'
import { irrCac5Observers, irrCacGender, krippendorff2011Binary, krippendorff2011Missing, krippendorff2011Nominal } from './published-examples'

function defined(result: KrippendorffAlpha) {
  if (result.value === null) throw new Error(result.reason)
  return result
}

describe('Krippendorff’s alpha', () => {
  it('[REL11][REL12] reproduces Krippendorff (2011): 4 coders × 12 units with missing data at every level', () => {
    const published = { nominal: 0.743, ordinal: 0.815, interval: 0.849, ratio: 0.797 }
    for (const level of levels) expect(defined(krippendorffAlpha(krippendorff2011Missing, level)).value).toBeCloseTo(published[level], 3)
  })

  it('[REL11] on Krippendorff’s 4 × 12 data: n = 40 pairable values, 11 pairable units, D_o = 0.2 (nominal)', () => {
    // Unit 12 holds a single value and is not pairable; the paper's coincidence matrix has margins
    // n_c = 9, 13, 10, 5, 3 (n = 40) and Σ_{c≠k} o_ck = 8 (units 2, 6 and 8 contribute 2, 4 and 2), so
    // nominal α = 1 − (n−1)·8 / (n² − Σn_c²) = 1 − 39·8 / (1600 − 384) = 0.74342… (hand check).
    const result = defined(krippendorffAlpha(krippendorff2011Missing, 'nominal'))
    expect(result.values).toBe(40)
    expect(result.units).toBe(11)
    expect(result.observed).toBeCloseTo(8 / 40, 12)
    expect(result.value).toBeCloseTo(1 - (39 * 8) / (1600 - 384), 12)
  })

  it('[REL11] reproduces Krippendorff’s (2011) two-observer examples: binary α = 0.095, nominal α = 0.692', () => {
    expect(defined(krippendorffAlpha(krippendorff2011Binary)).value).toBeCloseTo(0.095, 3)
    // Binary example by hand: o_01 = 4, n_0 = 14, n_1 = 6, n = 20 → α = 1 − 19·4 / (14·6) = 0.0952…
    expect(defined(krippendorffAlpha(krippendorff2011Binary)).value).toBeCloseTo(1 - 76 / 84, 12)
    expect(defined(krippendorffAlpha(krippendorff2011Nominal)).value).toBeCloseTo(0.692, 3)
  })

  it('[REL11] matches irrCAC’s Krippendorff alpha on raw_gender (0.143) and raw_5observers (0.481)', () => {
    expect(defined(krippendorffAlpha(irrCacGender)).value).toBeCloseTo(0.143, 3)
    expect(defined(krippendorffAlpha(irrCac5Observers)).value).toBeCloseTo(0.481, 3)
  })

  it('[REL12] the ratio metric treats 0 + 0 as no distance, and the levels need numbers', () => {
    expect(defined(krippendorffAlpha([[0, 0], [1, 2], [3, 3]], 'ratio')).value).toBeGreaterThan(0)
    expect(() => krippendorffAlpha([['a', 'b']], 'interval')).toThrow(/needs numeric ratings/)
    expect(() => krippendorffAlpha([['low', 'high']], 'ordinal')).toThrow(/needs numeric ratings/)
    // An ordered list of categories serves the ordinal level: same α as the numbers 1–5.
    const labels = ['a', 'b', 'c', 'd', 'e']
    const asLabels = krippendorff2011Missing.map((row) => row.map((v) => (v === null ? null : labels[v - 1])))
    expect(defined(krippendorffAlpha(asLabels, 'ordinal', { categories: labels })).value).toBeCloseTo(0.815, 3)
  })

  it('[REL12] is null with the reason when nothing is pairable or all pairable values agree on one value', () => {
    expect(krippendorffAlpha([[1, null], [null, 2]])).toEqual({ value: null, reason: expect.stringContaining('no unit has values from two or more coders') })
    expect(krippendorffAlpha([[3, 3], [3, 3], [3, null]], 'interval')).toEqual({ value: null, reason: expect.stringContaining('every pairable value is the same') })
    // …even when an unpairable unit holds another value (it does not count)…
    expect(krippendorffAlpha([[3, 3], [3, 3], [5, null]]).value).toBeNull()
    // …and whatever the value (the mean of several 0.1s need not be exactly 0.1 in floating point).
    expect(krippendorffAlpha([[0.1, 0.1, 0.1], [0.1, 0.1, 0.1], [0.1, 0.1, 0.1]], 'interval').value).toBeNull()
  })
})

describe('Krippendorff’s alpha bootstrap', () => {
  it('[REL13] is reproducible: the same seed gives the same interval, another seed a different one', () => {
    const a = defined(krippendorffAlpha(krippendorff2011Missing, 'nominal', { bootstrap: 500, seed: 7 }))
    const b = defined(krippendorffAlpha(krippendorff2011Missing, 'nominal', { bootstrap: 500, seed: 7 }))
    const c = defined(krippendorffAlpha(krippendorff2011Missing, 'nominal', { bootstrap: 500, seed: 8 }))
    expect(a.bootstrap).toEqual(b.bootstrap)
    expect(a.bootstrap!.ci).not.toEqual(c.bootstrap!.ci)
    expect(a.bootstrap).toMatchObject({ method: 'units', replicates: 500, seed: 7 })
  })

  it('[REL13] gives a sensible 95% interval around α on Krippendorff’s data', () => {
    const result = defined(krippendorffAlpha(krippendorff2011Missing, 'nominal', { bootstrap: 2000, seed: 1 }))
    const [lo, hi] = result.bootstrap!.ci!
    expect(lo).toBeLessThan(result.value)
    expect(hi).toBeGreaterThan(result.value)
    expect(hi).toBeLessThanOrEqual(1)
    // irrCAC's analytic standard error of this alpha is 0.146; a unit bootstrap should land near it.
    expect(result.bootstrap!.se).toBeGreaterThan(0.1)
    expect(result.bootstrap!.se).toBeLessThan(0.2)
  })

  it('[REL13] perfect agreement gives the interval [1, 1]; single-valued resamples are left out and counted', () => {
    const perfect = defined(krippendorffAlpha([['a', 'a'], ['b', 'b'], ['a', 'a']], 'nominal', { bootstrap: 200 }))
    expect(perfect.value).toBe(1)
    // Resamples drawing only "a" units (or only the "b" unit) have no variation: α is undefined there.
    expect(perfect.bootstrap!.undefinedReplicates).toBeGreaterThan(0)
    expect(perfect.bootstrap!.ci).toEqual([1, 1])
  })

  it('[REL13] resamples units: the ordinal distances follow each resample', () => {
    // Not a fixed-D_e bootstrap: with replicates the interval differs from the point only by resampling.
    const result = defined(krippendorffAlpha(krippendorff2011Missing, 'ordinal', { bootstrap: 300, seed: 3 }))
    expect(result.bootstrap!.undefinedReplicates).toBe(0)
    expect(result.bootstrap!.ci![0]).toBeLessThan(result.value)
  })
})
