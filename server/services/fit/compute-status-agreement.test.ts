import { describe, expect, it } from 'vitest'
import { computeStatusAgreement, type CoderStatusRow } from './compute-status-agreement'

const r = (coderId: string, caseId: string, codeId: string, status: CoderStatusRow['status']): CoderStatusRow => ({ coderId, caseId, codeId, status })

describe('computeStatusAgreement', () => {
  it('ordinal alpha and weighted kappa of a hand-computed example', () => {
    // Units (coder a, coder b): i1 (2, 2), i2 (0, 0), i3 (2, 0); i2 is blank for both → none.
    // Krippendorff (2011): n_0 = n_2 = 3, n_1 = 0; ordinal δ²(0,2) = (3 + 0 + 3 − 3)² = 9;
    // Σ o δ² = 2·9 = 18; Σ n_c n_k δ² = 2·3·3·9 = 162; α = 1 − 5·18/162 = 4/9.
    // Cohen (1968) linear weights on 0..2: po = 2/3, pe = (1/3)(2/3) + (2/3)(1/3) = 4/9, κw = 0.4.
    const rows = [r('a', 'c', 'i1', 'described'), r('a', 'c', 'i3', 'described'), r('b', 'c', 'i1', 'described'), r('b', 'c', 'i3', 'none')]
    const a = computeStatusAgreement(rows, ['c'], ['i1', 'i2', 'i3'])!
    expect(a.units).toBe(3)
    expect(a.krippendorffAlpha.value).toBe(0.444)
    expect(a.krippendorffAlpha.band?.key).toBe('unreliable')
    expect(a.pairs[0].weightedKappa.linear.value).toBe(0.4)
    expect(a.pairs[0].weightedKappa.quadratic.value).toBe(0.4)
    expect(a.pairs[0].percentAgreement.value).toBe(0.667)
  })

  it('a coder who recorded nothing for a case did not rate it (missing, not none)', () => {
    const rows = [r('a', 'c1', 'i1', 'described'), r('b', 'c1', 'i1', 'described'), r('a', 'c2', 'i1', 'partial')]
    const a = computeStatusAgreement(rows, ['c1', 'c2'], ['i1', 'i2'])!
    // c1: (2,2), (0,0); c2: a only → (1, –), (0, –): four units, two pairable.
    expect(a.units).toBe(4)
    expect(a.pairs[0].units).toBe(2)
    expect(a.cases).toEqual(['c1', 'c2'])
  })

  it('fewer than two coders: null; a single category: null with the reason', () => {
    expect(computeStatusAgreement([r('a', 'c', 'i1', 'none')], ['c'], ['i1'])).toBeNull()
    const same = computeStatusAgreement([r('a', 'c', 'i1', 'none'), r('b', 'c', 'i1', 'none')], ['c'], ['i1'])!
    expect(same.krippendorffAlpha.value).toBeNull()
    expect(same.krippendorffAlpha.reason).toMatch(/same/)
  })

  it('rows of other cases or of codes that are not indicators are ignored', () => {
    const rows = [r('a', 'c', 'i1', 'described'), r('b', 'c', 'i1', 'described'), r('a', 'x', 'i1', 'none'), r('b', 'c', 'dim', 'none')]
    const a = computeStatusAgreement(rows, ['c'], ['i1'])!
    expect(a.units).toBe(1)
  })
})
