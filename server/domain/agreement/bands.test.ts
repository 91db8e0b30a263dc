import { describe, expect, it } from 'vitest'
import { readAlphaBand, readBand, readKappaBand } from './bands'

describe('reading bands', () => {
  it('[BAND1] Krippendorff: ≥ 0.800 reliable, ≥ 0.667 tentative, else unreliable, on the exact value', () => {
    expect([0.8, 0.95, 1].map((a) => readAlphaBand(a).key)).toEqual(['reliable', 'reliable', 'reliable'])
    expect([0.667, 0.7996, 0.743].map((a) => readAlphaBand(a).key)).toEqual(['tentative', 'tentative', 'tentative'])
    expect([0.6669, 0, -0.2].map((a) => readAlphaBand(a).key)).toEqual(['unreliable', 'unreliable', 'unreliable'])
  })

  it('[BAND2] Landis & Koch: poor < 0, slight to 0.20, fair to 0.40, moderate to 0.60, substantial to 0.80, then almost perfect', () => {
    const cases: Array<[number, string]> = [
      [-0.01, 'poor'],
      [0, 'slight'],
      [0.2, 'slight'],
      [0.21, 'fair'],
      [0.4, 'fair'],
      [0.41, 'moderate'],
      [0.6, 'moderate'],
      [0.61, 'substantial'],
      [0.8, 'substantial'],
      [0.81, 'almostPerfect'],
      [1, 'almostPerfect'],
    ]
    for (const [kappa, key] of cases) expect(readKappaBand(kappa).key, String(kappa)).toBe(key)
  })

  it('[BAND3] every band has zh and en labels and a source; statistics map to their convention', () => {
    expect(readAlphaBand(0.9).label).toEqual({ zh: '可靠', en: 'reliable' })
    expect(readKappaBand(0.9).label).toEqual({ zh: '几乎完全一致', en: 'almost perfect' })
    expect(readKappaBand(0.5).source).toMatch(/Landis & Koch \(1977\)/)
    expect(readBand('krippendorffAlpha', 0.7)?.key).toBe('tentative')
    expect(readBand('unitizingAlpha', 0.9)?.key).toBe('reliable')
    expect(readBand('gwetAC1', 0.7)?.key).toBe('substantial')
    expect(readBand('characterKappa', 0.3)?.key).toBe('fair')
    expect(readBand('percentAgreement', 0.9)).toBeNull()
    expect(readBand('cohenKappa', null)).toBeNull()
  })
})
