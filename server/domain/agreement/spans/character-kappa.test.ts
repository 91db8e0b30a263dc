import { describe, expect, it } from 'vitest'
import { addCharacterCounts, computeCharacterKappa, computePercentAgreement, emptyCounts } from './character-kappa'
import type { Interval } from './types'

const iv = (start: number, end: number): Interval => ({ start, end })

function table(first: Interval[], second: Interval[], length: number) {
  const c = emptyCounts()
  addCharacterCounts(c, first, second, length)
  return c
}

describe('character table and kappa', () => {
  it('[SPAN8] hand-computed 2×2 table: A [0,8), B [2,12) on 20 characters gives κ = 0.4 (not QualCoder\'s 0.681)', () => {
    // both = 6 (2..7), only A = 2 (0,1), only B = 4 (8..11), neither = 8.
    // p_o = 14/20 = 0.7; p_A(yes) = 0.4, p_B(yes) = 0.5; p_e = 0.4·0.5 + 0.6·0.5 = 0.5; κ = 0.2/0.5 = 0.4.
    // Multiplying the chance terms (QualCoder) would give p_e = 0.2·0.3 = 0.06 and κ = 0.64/0.94 = 0.681.
    const c = table([iv(0, 8)], [iv(2, 12)], 20)
    expect(c).toEqual({ both: 6, onlyFirst: 2, onlySecond: 4, neither: 8 })
    expect(computeCharacterKappa(c).value).toBeCloseTo(0.4, 12)
    expect(computePercentAgreement(c).value).toBeCloseTo(0.7, 12)
  })

  // Krippendorff (1995), "On the reliability of unitizing contiguous data", p. 57, digitized
  // per character in DKPro Agreement's Krippendorff1995Test.testDigitizedAgreement
  // (CohenKappaAgreement: A 0.385, B 0.385, C 0.314, D undefined/InsufficientDataException).
  it('[SPAN8] Krippendorff (1995) A (Bertha/Bill): κ = 0.385', () => {
    const c = table([iv(2, 10), iv(14, 20)], [iv(4, 8), iv(15, 17)], 24)
    expect(computeCharacterKappa(c).value).toBeCloseTo(0.385, 3)
  })

  it('[SPAN8] Krippendorff (1995) B (John/Jill): κ = 0.385', () => {
    const c = table([iv(0, 18)], [iv(0, 10)], 24)
    expect(computeCharacterKappa(c).value).toBeCloseTo(0.385, 3)
  })

  it('[SPAN8] Krippendorff (1995) C (Gerret/Gill): κ = 0.314', () => {
    const c = table([iv(2, 8), iv(10, 12), iv(14, 18), iv(20, 22)], [iv(0, 2), iv(4, 8), iv(10, 14), iv(16, 18), iv(20, 22)], 24)
    expect(computeCharacterKappa(c).value).toBeCloseTo(0.314, 3)
  })

  it('[SPAN11] Krippendorff (1995) D (Heather/Hill, all characters coded by both): κ undefined, not 0 or 1', () => {
    const c = table([iv(0, 24)], [iv(0, 24)], 24)
    const k = computeCharacterKappa(c)
    expect(k.value).toBeNull()
    expect(k.reason).toMatch(/both coders coded every character/)
    expect(computePercentAgreement(c).value).toBe(1)
  })

  it('[SPAN11] nobody coded anything: κ undefined with a reason', () => {
    const k = computeCharacterKappa(table([], [], 50))
    expect(k.value).toBeNull()
    expect(k.reason).toMatch(/neither coder/)
  })

  it('[SPAN11] no characters: κ and percent agreement undefined', () => {
    expect(computeCharacterKappa(emptyCounts()).value).toBeNull()
    expect(computePercentAgreement(emptyCounts()).value).toBeNull()
  })

  it('[SPAN8] complete disagreement (one coder everything, the other nothing) is a defined κ = 0', () => {
    expect(computeCharacterKappa(table([iv(0, 10)], [], 10)).value).toBe(0)
  })

  it('[SPAN8] counts pool over documents', () => {
    const c = emptyCounts()
    addCharacterCounts(c, [iv(0, 8)], [iv(2, 12)], 20)
    addCharacterCounts(c, [iv(0, 8)], [iv(2, 12)], 20)
    expect(c).toEqual({ both: 12, onlyFirst: 4, onlySecond: 8, neither: 16 })
    expect(computeCharacterKappa(c).value).toBeCloseTo(0.4, 12)
  })
})
