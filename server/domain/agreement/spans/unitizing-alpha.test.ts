import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Interval } from './types'
import { alphaFrom, computeUnitizingDisagreement, segmentDistance, sumOfLengthProducts } from './unitizing-alpha'

/** DKPro's unit: (offset, length) on a continuum starting at `begin`. */
const unit = (offset: number, length: number, begin = 0): Interval => ({ start: offset - begin, end: offset - begin + length })
const seg = (offset: number, length: number, coded: boolean) => ({ start: offset, end: offset + length, unit: coded })

function alphaOf(coders: Interval[][], length: number) {
  const t = computeUnitizingDisagreement(coders, length)
  return { ...t, alpha: alphaFrom(t.observed, t.expected) }
}

describe('Krippendorff (2004) worked example, p. 254', () => {
  // Reconstructed as in DKPro Agreement, dkpro-statistics-agreement/src/test/java/org/dkpro/
  // statistics/agreement/unitizing/Krippendorff2004Test.java (createExample): continuum
  // [150, 450), observers i (0) and j (1), categories c and k.
  const begin = 150
  const L = 300
  const c = [
    [unit(225, 70, begin), unit(370, 30, begin)],
    [unit(220, 80, begin), unit(355, 20, begin), unit(400, 20, begin)],
  ]
  const k = [
    [unit(180, 60, begin), unit(300, 50, begin)],
    [unit(180, 60, begin), unit(300, 50, begin)],
  ]

  it('[SPAN6] category c: uD_o = 0.0144, uD_e = 0.0532, uα = 0.7286 (Krippendorff2004Test.testCategoryAgreement)', () => {
    const r = alphaOf(c, L)
    expect(r.observed).toBeCloseTo(0.0144, 4)
    expect(r.expected).toBeCloseTo(0.0532, 4)
    expect(Math.abs(r.alpha! - 0.7286)).toBeLessThan(0.0001)
  })

  it('[SPAN6] category k: uD_o = 0, uD_e = 0.0490, uα = 1 (identical units)', () => {
    const r = alphaOf(k, L)
    expect(r.observed).toBe(0)
    expect(r.expected).toBeCloseTo(0.049, 4)
    expect(r.alpha).toBe(1)
  })

  it('[SPAN7] overall uα = 1 − ΣD_o/ΣD_e = 0.8591 (Krippendorff2004Test.testAgreement, ±0.0005)', () => {
    const rc = alphaOf(c, L)
    const rk = alphaOf(k, L)
    const overall = alphaFrom(rc.observed + rk.observed, rc.expected + rk.expected)!
    expect(Math.abs(overall - 0.8591)).toBeLessThan(0.0005)
  })
})

describe('DKPro Agreement distance function (Krippendorff2004Test.testDistanceMetric1/2, UnitizingAgreementTest.testDistanceMetric)', () => {
  // measureDistance(offset1, length1, cat1, offset2, length2, cat2); null category = gap.
  it('[SPAN6] δ² of unit/gap and unit/unit pairs matches DKPro', () => {
    expect(segmentDistance(seg(2, 3, false), seg(2, 2, true)) + segmentDistance(seg(5, 6, true), seg(4, 7, false))).toBe(40)
    expect(segmentDistance(seg(3, 2, false), seg(3, 2, true)) + segmentDistance(seg(5, 6, true), seg(5, 6, false))).toBe(40)
    expect(segmentDistance(seg(5, 6, true), seg(4, 2, true))).toBe(26)
    expect(segmentDistance(seg(5, 6, true), seg(5, 2, true))).toBe(16)
    expect(segmentDistance(seg(5, 6, true), seg(6, 2, true))).toBe(10)
    expect(segmentDistance(seg(5, 6, true), seg(7, 2, true))).toBe(8)
    expect(segmentDistance(seg(5, 6, true), seg(6, 4, true))).toBe(2)
    expect(segmentDistance(seg(5, 6, true), seg(5, 6, true))).toBe(0)
    expect(segmentDistance(seg(225, 70, true), seg(220, 80, true))).toBe(50)
    expect(segmentDistance(seg(370, 30, true), seg(355, 20, true))).toBe(850)
    expect(segmentDistance(seg(400, 50, false), seg(400, 20, true))).toBe(400)
    expect(segmentDistance(seg(0, 1, false), seg(0, 2, false))).toBe(0)
    expect(segmentDistance(seg(1, 8, true), seg(0, 2, false))).toBe(0)
    expect(segmentDistance(seg(1, 8, true), seg(2, 1, true))).toBe(37)
    expect(segmentDistance(seg(1, 8, true), seg(4, 1, true))).toBe(25)
    expect(segmentDistance(seg(1, 8, true), seg(6, 1, true))).toBe(29)
    expect(segmentDistance(seg(1, 8, true), seg(7, 4, false))).toBe(0)
  })
})

describe('DKPro Agreement UnitizingAgreementTest', () => {
  it('[SPAN6] r0 -11111111-, r1 --1-1-1---: uD_o 0.9100, uD_e 0.5351, uα −0.7003 (testAgreement)', () => {
    const r = alphaOf([[unit(1, 8)], [unit(2, 1), unit(4, 1), unit(6, 1)]], 10)
    expect(Math.abs(r.observed - 0.91)).toBeLessThan(0.0001)
    expect(Math.abs(r.expected - 0.5351)).toBeLessThan(0.0001)
    expect(Math.abs(r.alpha! - -0.7003)).toBeLessThan(0.0001)
  })

  it('[SPAN11] one unit of length 1 among three coders: uD_o = uD_e, so uα = 0, a defined value (testSingleAnnotationUnit)', () => {
    const r = alphaOf([[unit(0, 1)], [], []], 20)
    expect(r.observed).toBeCloseTo(r.expected, 15)
    expect(r.alpha).toBeCloseTo(0, 12)
  })

  it('[SPAN11] no unit at all: uD_e = 0 and uα is undefined (null), where DKPro gives NaN (testEmptyAnnotationSet)', () => {
    const r = alphaOf([[], [], []], 20)
    expect(r.expected).toBe(0)
    expect(r.alpha).toBeNull()
  })
})

describe('Krippendorff (1995) example, p. 57 (DKPro Krippendorff1995Test)', () => {
  // Units per category (offset, length) × stretch, as in Krippendorff1995Test.createExample.
  function example(stretch: number) {
    const u = (o: number, l: number) => unit(Math.trunc(o * stretch), Math.trunc(l * stretch))
    return {
      L: Math.trunc(24 * stretch),
      A: [[u(2, 8), u(14, 6)], [u(4, 4), u(15, 2)]],
      // Jill's units touch each other; the core keeps touching units apart, as DKPro does.
      B: [[u(0, 18)], [u(0, 2), u(2, 1), u(3, 1), u(4, 1), u(5, 1), u(6, 3), u(9, 1)]],
      C: [[u(2, 6), u(10, 2), u(14, 4), u(20, 2)], [u(0, 2), u(4, 4), u(10, 4), u(16, 2), u(20, 2)]],
      D: [[u(0, 2), u(2, 8), u(10, 4), u(14, 6), u(20, 4)], [u(0, 4), u(4, 4), u(8, 7), u(15, 2), u(17, 7)]],
    }
  }

  it('[SPAN6] observed disagreement per category (testAgreement, ±0.00001)', () => {
    const ex = example(1)
    const want = { A: 0.03125, B: 2.26736, C: 0.02777, D: 0.38715 }
    for (const cat of ['A', 'B', 'C', 'D'] as const) {
      expect(Math.abs(computeUnitizingDisagreement(ex[cat], ex.L).observed - want[cat])).toBeLessThan(0.00001)
    }
  })

  it('[SPAN6] expected disagreement and uα at stretch 50,000 (testAgreement, ±0.005 and ±0.02)', () => {
    const ex = example(1_200_000 / 24)
    const want = {
      A: { de: 0.0699, alpha: 0.553 },
      B: { de: 1.17731, alpha: -0.926 },
      C: { de: 0.08642, alpha: 0.679 },
      D: { de: 0.41445, alpha: 0.066 },
    }
    for (const cat of ['A', 'B', 'C', 'D'] as const) {
      const r = alphaOf(ex[cat], ex.L)
      expect(Math.abs(r.expected - want[cat].de)).toBeLessThan(0.005)
      expect(Math.abs(r.alpha! - want[cat].alpha)).toBeLessThan(0.02)
    }
  })

  it('[SPAN6] category C at growing stretches (testVaryingLengths)', () => {
    const cases = [
      { stretch: 12 / 24, de: 0.05494, deTol: 0.00001, alpha: 0.494 },
      { stretch: 120 / 24, de: 0.08234, deTol: 0.005, alpha: 0.663 },
      { stretch: 1200 / 24, de: 0.086, deTol: 0.005, alpha: 0.677 },
      { stretch: 12000 / 24, de: 0.08638, deTol: 0.005, alpha: 0.678 },
      { stretch: 120000 / 24, de: 0.08642, deTol: 0.005, alpha: 0.679 },
    ]
    for (const c of cases) {
      const ex = example(c.stretch)
      const r = alphaOf(ex.C, ex.L)
      expect(Math.abs(r.observed - 0.02777)).toBeLessThan(0.00001)
      expect(Math.abs(r.expected - c.de)).toBeLessThan(c.deTol)
      expect(Math.abs(r.alpha! - c.alpha)).toBeLessThan(0.02)
    }
  })
})

describe('hand-computed cases', () => {
  it('[SPAN6] identical codings give uα = 1', () => {
    const units = [unit(3, 10), unit(40, 5), unit(60, 30)]
    expect(alphaOf([units, units], 100).alpha).toBe(1)
    expect(alphaOf([units, units, units, units], 100).alpha).toBe(1)
  })

  it('[SPAN6] three coders: a [2,5), b [2,5), c [3,6) on L = 10 gives uα = 0.812541 by hand', () => {
    // uD_o: pairs (a,c) and (b,c) each have one unit/unit pair with δ² = (2−3)² + (5−6)² = 2;
    //   (a,b) are identical; unit/gap pairs never nest. uD_o = 2·(0+2+2) / (3·2·10²) = 8/600.
    // uD_e: N = 3 units of l = 3; (N−1)(2·27 − 3·9 + 3)/3 = 20 each; gaps ≥ 3 over all coders
    //   are 5, 5 (a, b) and 3, 4 (c): Σ(l_g − 3 + 1) = 3+3+1+2 = 9, times l² = 81.
    //   Numerator 3·(20+81) = 303; uD_e = (2/10)·303 / (30·29 − 3·3·2) = 60.6/852.
    // uα = 1 − (8/600)/(60.6/852) = 1 − 6816/36360 = 0.812541…
    const r = alphaOf([[unit(2, 3)], [unit(2, 3)], [unit(3, 3)]], 10)
    expect(r.observed).toBeCloseTo(8 / 600, 12)
    expect(r.expected).toBeCloseTo(60.6 / 852, 12)
    expect(r.alpha).toBeCloseTo(1 - 6816 / 36360, 12)
    expect(r.alpha).toBeCloseTo(0.812541, 6)
  })

  it('[SPAN10] fewer than two coders: undefined', () => {
    expect(alphaOf([[unit(0, 5)]], 10).alpha).toBeNull()
  })
})

/**
 * A literal transcription of the formulas (every pair of segments, every unit × gap), to check
 * the merge-walk and suffix-sum shortcuts on random data.
 */
function bruteForce(coders: Interval[][], L: number) {
  const m = coders.length
  const segs = coders.map((units) => {
    const out: { b: number; l: number; unit: boolean }[] = []
    let pos = 0
    for (const u of units) {
      if (u.start > pos) out.push({ b: pos, l: u.start - pos, unit: false })
      out.push({ b: u.start, l: u.end - u.start, unit: true })
      pos = u.end
    }
    if (pos < L) out.push({ b: pos, l: L - pos, unit: false })
    return out
  })
  let sum = 0
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      if (i === j) continue
      for (const g of segs[i])
        for (const h of segs[j]) {
          const d = g.b - h.b
          const dl = g.l - h.l
          if (g.unit && h.unit && -g.l < d && d < h.l) sum += d * d + (d + dl) * (d + dl)
          else if (g.unit && !h.unit && -dl >= d && d >= 0) sum += g.l * g.l
          else if (!g.unit && h.unit && -dl <= d && d <= 0) sum += h.l * h.l
        }
    }
  const observed = sum / (m * (m - 1) * L * L)
  const units = segs.flat().filter((s) => s.unit)
  const gaps = segs.flat().filter((s) => !s.unit)
  const N = units.length
  let num = 0
  let sq = 0
  for (const u of units) {
    let g = 0
    for (const gap of gaps) if (gap.l >= u.l) g += gap.l - u.l + 1
    num += ((N - 1) * (2 * u.l ** 3 - 3 * u.l ** 2 + u.l)) / 3 + u.l * u.l * g
    sq += u.l * (u.l - 1)
  }
  const expected = N === 0 ? 0 : ((2 / L) * num) / (m * L * (m * L - 1) - sq)
  return { observed, expected }
}

/** Random sorted, disjoint (possibly touching) units within [0, L). */
const codersArb = fc.integer({ min: 1, max: 40 }).chain((L) =>
  fc.record({
    L: fc.constant(L),
    coders: fc.array(
      fc.array(fc.integer({ min: 0, max: L }), { maxLength: 8 }).map((cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b)
        const out: Interval[] = []
        for (let i = 0; i + 1 < points.length; i += 2) out.push({ start: points[i], end: points[i + 1] })
        return out
      }),
      { minLength: 2, maxLength: 4 },
    ),
  }),
)

describe('fast computation equals the literal formulas', () => {
  it('[SPAN14] merge-walk uD_o and suffix-sum uD_e equal the brute force on random data', () => {
    fc.assert(
      fc.property(codersArb, ({ L, coders }) => {
        const fast = computeUnitizingDisagreement(coders, L)
        const slow = bruteForce(coders, L)
        expect(fast.observed).toBeCloseTo(slow.observed, 10)
        expect(fast.expected).toBeCloseTo(slow.expected, 10)
      }),
      { numRuns: 500 },
    )
  })
})

describe('the exact denominator of uD_e', () => {
  // uD_e's denominator mL(mL−1) − Σ l(l−1) is a difference of two large integers. The sum used to
  // be taken in BigInt unit by unit; it is now taken in plain numbers while they stay exact, which
  // must give the same integer, or uα would change in its last digits on long continua.
  const bySlowBigInt = (coders: Interval[][]) => coders.flat().reduce((sum, u) => sum + BigInt(u.end - u.start) * BigInt(u.end - u.start - 1), 0n)

  it('[SPAN6] equals the BigInt sum, also past 2^53 and for units longer than 94 million characters', () => {
    const long = (start: number, length: number): Interval => ({ start, end: start + length })
    const cases: Interval[][][] = [
      [[long(0, 5), long(10, 1)], []],
      // Each term just under 2^53: the running sum must move into the BigInt before it overflows.
      [Array.from({ length: 5 }, (_, i) => long(i * 95_000_000, 94_906_265)), [long(0, 94_906_266)]],
      // Terms over 2^53 on their own.
      [[long(0, 200_000_000), long(300_000_000, 123_456_789)], [long(0, 3_000_000_000)]],
    ]
    for (const coders of cases) expect(sumOfLengthProducts(coders)).toBe(bySlowBigInt(coders))
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 2 ** 31 }), { maxLength: 20 }), { minLength: 1, maxLength: 4 }), (lengths) => {
        const coders = lengths.map((ls) => ls.map((l) => long(0, l)))
        expect(sumOfLengthProducts(coders)).toBe(bySlowBigInt(coders))
      }),
    )
  })
})
